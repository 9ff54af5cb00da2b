#!/usr/bin/env bash
# The yardstick for `creditkit-bench ledger`'s append figure: how fast the sqlite3 shell itself inserts N rows of
# about 264 bytes (subject, sequence, payload, two hashes) with an index on (subject, seq), in one transaction.
# Prints one JSON line like the benchmark's. Usage: Benchmarks/sqlite3-baseline.sh [N]
set -euo pipefail
n=${1:-1000000}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 - "$n" > "$dir/insert.sql" <<'PY'
import sys, hashlib
n = int(sys.argv[1])
out = sys.stdout
out.write("PRAGMA journal_mode=WAL;\nPRAGMA synchronous=FULL;\n")
out.write("CREATE TABLE ledger(seq INTEGER PRIMARY KEY, subject TEXT NOT NULL, payload BLOB NOT NULL, prev BLOB, hash BLOB);\n")
out.write("CREATE INDEX ledger_subject ON ledger(subject, seq);\n")
out.write("BEGIN;\n")
prev = b"\0" * 32
for i in range(1, n + 1):
    subject = "11130300%010d" % (i * 7919 % 10000)
    payload = ("%06d" % i) * 24  # 144 bytes
    h = hashlib.sha256(payload.encode() + prev).digest()
    out.write("INSERT INTO ledger VALUES(%d,'%s','%s',x'%s',x'%s');\n" % (i, subject, payload, prev.hex(), h.hex()))
    prev = h
out.write("COMMIT;\n")
PY
start=$(date +%s.%N)
sqlite3 "$dir/base.sqlite" < "$dir/insert.sql" > /dev/null
end=$(date +%s.%N)
python3 -c "s=$end-$start; print('{\"workload\":\"sqlite3-shell-insert\",\"n\":%d,\"seconds\":%.4f,\"per_second\":%.1f,\"row_bytes\":%d}' % ($n, s, $n/s, 18+144+64+38))"
