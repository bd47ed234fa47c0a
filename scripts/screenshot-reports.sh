#!/usr/bin/env bash
# Renders every report.html below the given folders (default: target/report-screens/*) with headless Chromium
# (Debian: apt-get install -y chromium) into a PNG beside it, to look at the charts: axes, units, legends.
#   scripts/screenshot-reports.sh results/bloom-uncertain-report [more folders]
# Not part of the test suite: CI need not have a browser.
set -euo pipefail
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [ -z "$browser" ]; then
  echo "screenshot-reports: no chromium found; install it with 'apt-get install -y chromium'" >&2
  exit 2
fi
[ "$#" -gt 0 ] || set -- target/report-screens/*
for dir in "$@"; do
  for html in "$dir"/report.html; do
    [ -f "$html" ] || { echo "screenshot-reports: no report.html in $dir" >&2; continue; }
    png="${html%.html}.png"
    "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="${WIDTH:-1200},${HEIGHT:-3000}" \
      --screenshot="$(realpath -m "$png")" "file://$(realpath "$html")" >/dev/null 2>&1
    echo "$png"
  done
done
