#!/usr/bin/env bash
# Builds every module's DocC catalog with warnings as errors: broken symbol links fail.
# Usage: Docs/build-docs.sh [OUTPUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-.build/docs}
graphs=.build/symbol-graphs
# A fresh scratch build, so every module emits its symbol graph (an incremental build skips unchanged ones).
rm -rf "$graphs" .build-docs && mkdir -p "$graphs" "$out"
swift build --scratch-path .build-docs -Xswiftc -emit-symbol-graph -Xswiftc -emit-symbol-graph-dir -Xswiftc "$PWD/$graphs" >/dev/null
for catalog in Sources/*/*.docc; do
    module=$(basename "$catalog" .docc)
    dir=$(mktemp -d)
    cp "$graphs/$module".symbols.json "$graphs/$module"@*.symbols.json "$dir/" 2>/dev/null || true
    if ! docc convert "$catalog" --additional-symbol-graph-dir "$dir" --output-path "$out/$module.doccarchive" \
        --warnings-as-errors >"$dir.log" 2>&1; then
        grep -E "error|warning" "$dir.log" | sort -u
        echo "docs: $module FAILED"
        exit 1
    fi
    rm -f "$dir.log"
    rm -rf "$dir"
    echo "docs: $module ok"
done
