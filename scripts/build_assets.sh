#!/usr/bin/env bash
# Fetches the web app's browser assets from the npm registry (versions pinned in package-lock.json)
# and copies the files the pages load into src/nkevents/web/static/vendor/ (git-ignored), plus
# the map outlines built from Natural Earth data. The app then needs no network: no CDN, no tiles.
# Idempotent: skips npm when node_modules matches the lock file and the vendor folder is complete.
set -euo pipefail
cd "$(dirname "$0")/.."
VENDOR=src/nkevents/web/static/vendor
STAMP=$VENDOR/.built-from
LOCK_SUM=$(sha256sum package-lock.json scripts/build_assets.sh scripts/build_outlines.py | sha256sum | cut -d' ' -f1)
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$LOCK_SUM" ]; then
  echo "web assets up to date in $VENDOR"
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "build_assets: npm is not installed (apt-get install npm); the web pages need these assets" >&2
  exit 1
fi
npm ci --no-audit --no-fund --loglevel=error
rm -rf "$VENDOR"
mkdir -p "$VENDOR/leaflet/images" "$VENDOR/markercluster" "$VENDOR/outlines" "$VENDOR/swagger-ui"
cp node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css "$VENDOR/leaflet/"
cp node_modules/leaflet/dist/images/*.png "$VENDOR/leaflet/images/"
cp node_modules/leaflet.markercluster/dist/leaflet.markercluster.js \
   node_modules/leaflet.markercluster/dist/MarkerCluster.css \
   node_modules/leaflet.markercluster/dist/MarkerCluster.Default.css "$VENDOR/markercluster/"
cp node_modules/htmx.org/dist/htmx.min.js "$VENDOR/"
cp node_modules/chart.js/dist/chart.umd.js "$VENDOR/chart.umd.js"
cp node_modules/swagger-ui-dist/swagger-ui-bundle.js node_modules/swagger-ui-dist/swagger-ui.css "$VENDOR/swagger-ui/"
PY=python3
if [ -x .venv/bin/python ]; then PY=.venv/bin/python; fi
"$PY" scripts/build_outlines.py node_modules "$VENDOR/outlines"
echo "$LOCK_SUM" > "$STAMP"
echo "web assets copied to $VENDOR"
