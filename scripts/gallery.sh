#!/usr/bin/env bash
# Renders the README's gallery (docs/gallery/*.png): TestGallery plays a
# study group's session against the fake Discord and records what the bot
# posted; internal/gallery turns each message into a page styled like
# Discord; headless Chromium (Debian's chromium package) photographs it.
#
#   apt-get install chromium   # once
#   scripts/gallery.sh
set -euo pipefail
cd "$(dirname "$0")/.."
chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ]; then
  echo "gallery: needs Chromium (apt-get install chromium)" >&2
  exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
out=docs/gallery
mkdir -p "$out"
go test ./bot -run '^TestGallery$' -count=1 -gallery "$tmp/scenes"
go run ./internal/gallery -scenes "$tmp/scenes" -html "$tmp/html"
for page in "$tmp"/html/*.html; do
  name=$(basename "$page" .html)
  # The flags keep Chromium off the network and out of the user's profile.
  "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$tmp/profile" --hide-scrollbars --window-size=720,2000 \
    --screenshot="$out/$name.png" "file://$page" 2>/dev/null
  go run ./internal/gallery -crop "$out/$name.png"
done
ls "$out"
