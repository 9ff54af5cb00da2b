#!/usr/bin/env bash
# Builds every module's DocC catalog with warnings as errors: broken symbol links fail.
# Usage: Docs/build-docs.sh [OUTPUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-.build/docs}
graphs=.build/symbol-graphs
rm -rf "$graphs" && mkdir -p "$graphs" "$out"
swift build --scratch-path .build-docs -Xswiftc -emit-symbol-graph -Xswiftc -emit-symbol-graph-dir -Xswiftc "$PWD/$graphs" >/dev/null
for catalog in Sources/*/*.docc; do
    module=$(basename "$catalog" .docc)
    dir=$(mktemp -d)
    cp "$graphs/$module".symbols.json "$graphs/$module"@*.symbols.json "$dir/" 2>/dev/null || true
    docc convert "$catalog" --additional-symbol-graph-dir "$dir" --output-path "$out/$module.doccarchive" \
        --warnings-as-errors >/dev/null
    rm -rf "$dir"
    echo "docs: $module ok"
done
