#!/usr/bin/env bash
# The sqlite3 shell's own figure for rows shaped like the ledger's: N rows of the ledger table (about 520 bytes each,
# a 437-byte payload), in transactions of 1,000, with the ledger's settings (8 KiB pages, WAL, synchronous=FULL) and
# no secondary index. `creditkit-bench ledger` measures the same yardstick in-process on the rows it appended (its
# `sqlite_insert_per_second` and `vs_sqlite`); this script lets a reader check it with the stock shell.
# Prints one JSON line like the benchmark's. Usage: Benchmarks/sqlite3-baseline.sh [N]
set -euo pipefail
n=${1:-1000000}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 - "$n" > "$dir/insert.sql" <<'PY'
import sys, hashlib
n = int(sys.argv[1])
out = sys.stdout
out.write("PRAGMA page_size=8192;\nPRAGMA journal_mode=WAL;\nPRAGMA cache_size=-65536;\n")
out.write("PRAGMA wal_autocheckpoint=4096;\nPRAGMA synchronous=FULL;\n")
out.write("CREATE TABLE ledger(seq INTEGER PRIMARY KEY, recorded_at INTEGER NOT NULL, effective INTEGER NOT NULL, "
          "kind TEXT NOT NULL, version INTEGER NOT NULL, subjects TEXT NOT NULL, payload BLOB NOT NULL, "
          "prev_hash BLOB NOT NULL, hash BLOB NOT NULL, principal TEXT);\n")
prev = b"\0" * 32
for i in range(1, n + 1):
    if i % 1000 == 1:
        out.write("BEGIN;\n")
    subjects = "11130300%010dX 11130300%010dY" % (i * 7919 % 10000, i * 104729 % 10000)
    payload = ("%06d" % i) * 72 + "x" * 5  # 437 bytes
    h = hashlib.sha256(payload.encode() + prev).digest()
    out.write("INSERT INTO ledger VALUES(%d,%d,%d,'core.record.entered',1,'%s',CAST('%s' AS BLOB),x'%s',x'%s',"
              "'system:bench');\n" % (i, 1700000000000000 + i, 19000 + i % 600, subjects, payload, prev.hex(), h.hex()))
    prev = h
    if i % 1000 == 0 or i == n:
        out.write("COMMIT;\n")
PY
start=$(date +%s.%N)
sqlite3 "$dir/base.sqlite" < "$dir/insert.sql" > /dev/null
end=$(date +%s.%N)
python3 -c "s=$end-$start; print('{\"workload\":\"sqlite3-shell-insert\",\"n\":%d,\"seconds\":%.4f,\"per_second\":%.1f,\"batch\":1000}' % ($n, s, $n/s))"
