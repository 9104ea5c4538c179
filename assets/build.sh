#!/usr/bin/env bash
# Build the site's CSS from GOV.UK Frontend's Sass and vendor its JavaScript
# and images into static/. Run from anywhere: bash assets/build.sh
# The outputs are committed, so the Django site needs no npm at run time.
set -euo pipefail

ASSETS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT_DIR="$(cd "$ASSETS_DIR/.." && pwd)"
STATIC_DIR="$ROOT_DIR/static"
PKG_DIR="$ASSETS_DIR/node_modules/govuk-frontend"
DIST_DIR="$PKG_DIR/dist/govuk"

cd "$ASSETS_DIR"

# Exact versions from package-lock.json; no install scripts are needed.
npm ci --ignore-scripts --no-audit --no-fund

VERSION="$(node -p 'require("./node_modules/govuk-frontend/package.json").version')"
case "$VERSION" in
  6.*) ;;
  *) echo "build.sh: expected govuk-frontend 6.x, found $VERSION" >&2; exit 1 ;;
esac

# CSS: Arial, no @font-face, images under /static/govuk/images/
mkdir -p "$STATIC_DIR/css"
npx --no-install sass --pkg-importer=node --style=compressed --no-source-map \
  scss/site.scss "$STATIC_DIR/css/site.css"

# Vendored GOV.UK Frontend files (not the fonts: the site uses Arial)
rm -rf "$STATIC_DIR/govuk"
mkdir -p "$STATIC_DIR/govuk/images"
cp "$DIST_DIR/govuk-frontend.min.js" "$STATIC_DIR/govuk/govuk-frontend.min.js"
cp "$DIST_DIR"/assets/images/* "$STATIC_DIR/govuk/images/"
if [ -f "$DIST_DIR/assets/manifest.json" ]; then
  cp "$DIST_DIR/assets/manifest.json" "$STATIC_DIR/govuk/manifest.json"
fi

# The npm package ships no LICENSE file; fall back to the upstream MIT text
# kept in assets/licenses/.
LICENSE_SRC=""
for f in "$PKG_DIR"/LICENSE "$PKG_DIR"/LICENSE.txt "$PKG_DIR"/LICENSE.md "$PKG_DIR"/LICENCE; do
  if [ -f "$f" ]; then LICENSE_SRC="$f"; break; fi
done
cp "${LICENSE_SRC:-$ASSETS_DIR/licenses/govuk-frontend-LICENSE.txt}" "$STATIC_DIR/govuk/LICENSE.txt"

printf 'govuk-frontend %s\n' "$VERSION" > "$STATIC_DIR/govuk/VERSION.txt"

# The minified JS ends with a source map comment whose file is not vendored;
# drop it so browsers and static-file hashing do not look for it.
sed -i -e 's|//# sourceMappingURL=[^[:space:]]*$||' "$STATIC_DIR/govuk/govuk-frontend.min.js"

# Checks: no web fonts, and every url(...) in the CSS points to a file.
CSS="$STATIC_DIR/css/site.css"
if grep -q -e '@font-face' -e 'GDS Transport' -e 'gds-transport' -e '\.woff' "$CSS"; then
  echo "build.sh: site.css must not load the GDS Transport font" >&2
  exit 1
fi
status=0
while IFS= read -r url; do
  case "$url" in
    data:*|\#*) continue ;;
    /static/*) path="$STATIC_DIR/${url#/static/}" ;;
    *) echo "build.sh: unexpected url($url) in site.css" >&2; status=1; continue ;;
  esac
  if [ ! -f "$path" ]; then
    echo "build.sh: site.css refers to missing file $url" >&2
    status=1
  fi
done < <(grep -o 'url([^)]*)' "$CSS" | sed -e 's/^url(//' -e 's/)$//' -e 's/^["'\'']//' -e 's/["'\'']$//' | sort -u)
exit "$status"
