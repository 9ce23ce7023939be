#!/usr/bin/env bash
# The end of `make demo`: ingests the bundled sample hand-in (Samples/, each file named
# <county>-<title>) into a fresh demo archive and serves it, so the gallery, the self-check and
# the clerks' ingest page can be tried in a browser. The demo archive lives in
# .build/demo-archive and is remade on every run; ./Archive is never touched.
#   scripts/demo-gallery.sh [BINARY]      (PORT=8080 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-.build/release/media-archive}
archive=.build/demo-archive
port=${PORT:-8080}

rm -rf "$archive"
mkdir -p "$archive"
cp Archive/counties.json "$archive/"
# Browsing without a token, so the gallery opens straight away; ingest still needs the clerk token.
python3 - Archive/policy.json "$archive/policy.json" <<'PY'
import json, sys
policy = json.load(open(sys.argv[1]))
policy["publicBrowse"] = True
json.dump(policy, open(sys.argv[2], "w"), ensure_ascii=False, indent=2)
PY

echo "Ingesting the samples into $archive (too-long and cut-off clips kept with verdict fail):"
for sample in Samples/*; do
  name=$(basename "$sample")
  "$binary" ingest --archive "$archive" --county "${name%%-*}" --accept-failing "$sample" | grep -v -e "^$" -e " files: " -e "^FILE " | sed "s/^/  /" || true
done
token=$("$binary" token create --archive "$archive" --role clerk --name "demo clerk" --json \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')

cat <<TXT

Serving the demo archive (Ctrl-C stops):
  gallery     http://127.0.0.1:$port/
  self-check  http://127.0.0.1:$port/check
  ingest      http://127.0.0.1:$port/ingest   (log in at /login with the clerk token below)
  clerk token $token

TXT
exec "$binary" serve --archive "$archive" --port "$port"
