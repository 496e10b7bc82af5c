#!/usr/bin/env bash
# Regenerates docs/demo.png, a picture of the colored output of
# `go run ./cmd/loguru demo`, for the README.
#
# Needs Go, headless Chromium and a monospace font; on Debian or Ubuntu:
#
#   apt-get install -y chromium fonts-dejavu-core
#
# The demo's colored output (FORCE_COLOR=1) goes through
# internal/cmd/ansi2html, which makes an HTML page looking like a dark
# terminal window, and Chromium takes a screenshot of that page at the size
# that fits the text. Paths in the traceback are shown relative to the
# repository. Run from anywhere: ./docs/make-demo-png.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
  echo "make-demo-png: no Chromium found (apt-get install -y chromium fonts-dejavu-core)" >&2
  exit 1
fi
if command -v fc-list >/dev/null && ! fc-list | grep -q "DejaVu Sans Mono"; then
  echo "make-demo-png: warning: DejaVu Sans Mono missing (apt-get install -y fonts-dejavu-core)" >&2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The demo logs to stderr; FORCE_COLOR colors it though it is not a terminal.
FORCE_COLOR=1 NO_COLOR= go run ./cmd/loguru demo >"$work/demo.ansi" 2>&1 || true
ansi=$(<"$work/demo.ansi")
printf '%s\n' "${ansi//"$root/"/}" >"$work/demo.ansi"

go build -o "$work/ansi2html" ./internal/cmd/ansi2html
size=$("$work/ansi2html" -size -width 1100 <"$work/demo.ansi")
"$work/ansi2html" -title "go run ./cmd/loguru demo" <"$work/demo.ansi" >"$work/demo.html"

"$browser" --headless --disable-gpu --no-sandbox --hide-scrollbars \
  --force-device-scale-factor=1 --window-size="$size" \
  --screenshot="$work/demo.png" "file://$work/demo.html" 2>/dev/null
mv "$work/demo.png" docs/demo.png
echo "docs/demo.png: ${size/,/x} px, $(wc -c <docs/demo.png) bytes"
