#!/usr/bin/env bash
# Screenshots of every report the demo writes (its gallery), at desktop (1280 px) and phone (390 px) width, taken with
# headless Chromium (Debian: `apt-get install chromium fonts-noto-cjk`), and Docs/REPORTS.md showing them.
# Not part of `swift test`. Usage: Docs/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
swift build -c release --product creditkit >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A fixed day, so the files (named by subject and day) and the pictures stay the same from run to run.
(cd "$work" && "$root/.build/release/creditkit" demo --store demo.sqlite --as-of 2026-11-23 >/dev/null)
shots=Docs/screenshots
rm -rf "$shots" && mkdir -p "$shots"
{
    echo "# What officials read: every report, at desktop and phone width"
    echo
    echo "Taken by \`Docs/screenshots.sh\` from the reports \`swift run creditkit demo\` writes (its gallery is"
    echo "\`creditkit-demo/index.html\`), with headless Chromium at 1280 and 390 px, the top of each page."
    echo
} >Docs/REPORTS.md
for file in "$work"/creditkit-demo/*.html; do
    name=$(basename "$file" .html)
    [ "$name" = index ] && continue
    kind=${name%-????-??-??}
    title=$(sed -n 's:.*<title>\(.*\)</title>.*:\1:p' "$file" | head -1)
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,1400 \
        --screenshot="$root/$shots/$kind-1280.png" "$file" 2>/dev/null
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=390,1400 \
        --screenshot="$root/$shots/$kind-390.png" "$file" 2>/dev/null
    {
        echo "## $title (\`$kind\`)"
        echo
        echo "<img src=\"screenshots/$kind-1280.png\" width=\"640\" alt=\"$title, desktop\"/> <img src=\"screenshots/$kind-390.png\" width=\"195\" alt=\"$title, phone\"/>"
        echo
    } >>Docs/REPORTS.md
    echo "shot $kind"
done
