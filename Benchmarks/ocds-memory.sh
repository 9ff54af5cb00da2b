#!/usr/bin/env bash
# The memory bound of `creditkit ocds check`: on a generated OCDS file of SIZE_MB megabytes (default 1000) — the
# real sample of ../shared/peers/ocds repeated, each copy's ocids made unique so nothing is folded together — the
# command's peak resident memory, as /usr/bin/time -v measures it, must stay at or under BOUND_MIB (default 64),
# on one thread and on every core. Not part of `swift test`. Prints one JSON line per run; exits 1 over the bound.
# Usage: Benchmarks/ocds-memory.sh [SIZE_MB] [BOUND_MIB]   (after `swift build -c release --product creditkit`)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
size=${1:-1000}
bound=${2:-64}
tool="$here/.build/release/creditkit"
sample="$here/../shared/peers/ocds/sample-data-real-examples.compiled.jsonl"
[ -x "$tool" ] || { echo "build it first: swift build -c release --product creditkit" >&2; exit 2; }
[ -f "$sample" ] || { echo "no sample at $sample" >&2; exit 2; }
command -v /usr/bin/time > /dev/null || { echo "needs /usr/bin/time (Debian package time)" >&2; exit 2; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 - "$sample" "$dir/big.jsonl" "$size" <<'PY'
import sys
src, out, mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
lines = [l for l in open(src, 'rb').read().split(b'\n') if l.strip()]
target, written, copy = mb * 1_000_000, 0, 0
with open(out, 'wb') as f:
    while written < target:
        copy += 1
        for l in lines:
            i = l.find(b'"ocid":"')
            if i >= 0:
                j = l.index(b'"', i + 8)
                l = l[:j] + b'-c%d' % copy + l[j:]
            f.write(l + b'\n')
            written += len(l) + 1
            if written >= target:
                break
PY
bytes=$(stat -c %s "$dir/big.jsonl")
status=0
for threads in 1 "$(nproc)"; do
    /usr/bin/time -v "$tool" ocds check "$dir/big.jsonl" --format json --as-of 2026-11-23 --threads "$threads" \
        > "$dir/out.json" 2> "$dir/time.txt"
    peak=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$dir/time.txt")
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$dir/time.txt")
    findings=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['summary']['findings'])" "$dir/out.json")
    ok=true
    [ "$peak" -le $((bound * 1024)) ] || { ok=false; status=1; }
    printf '{"workload":"ocds-memory","bytes":%s,"threads":%s,"wall":"%s","findings":%s,"peak_mib":%.1f,"bound_mib":%s,"within":%s}\n' \
        "$bytes" "$threads" "$wall" "$findings" "$(awk -v p="$peak" 'BEGIN { print p / 1024 }')" "$bound" "$ok"
done
exit $status
