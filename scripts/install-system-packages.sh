#!/bin/sh
# System packages leichtesprache needs (Debian/Ubuntu). Safe to run again: installs only
# what is missing.
#
#   sh scripts/install-system-packages.sh          to build brochures
#   sh scripts/install-system-packages.sh --test   also what the tests use
#
# Build: Pango/HarfBuzz/fontconfig for WeasyPrint, hb-subset for fast font subsetting,
# poppler-utils (pdftotext: the preflight reads the Arabic text back).
# Tests: qpdf and GNU gettext (msgfmt, msgmerge, msgcat) to cross-check PDFs and
# catalogues, Chromium with chromedriver and axe-core (npm) for the web pages, zbar-tools
# to read the QR codes back from a screenshot.
set -eu
PACKAGES="libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 libfontconfig1 poppler-utils"
TEST=""
[ "${1:-}" = "--test" ] && TEST=1
if [ -n "$TEST" ]; then
    PACKAGES="$PACKAGES qpdf gettext chromium chromium-driver zbar-tools"
    command -v npm >/dev/null 2>&1 || PACKAGES="$PACKAGES nodejs npm"
fi
missing=""
for p in $PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
    SUDO=""
    [ "$(id -u)" = 0 ] || SUDO="sudo"
    echo "Installing system packages:$missing"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
if [ -n "$TEST" ]; then
    # axe-core, pinned in tests/browser/package-lock.json, from the npm registry.
    cd "$(dirname "$0")/../tests/browser"
    [ -f node_modules/axe-core/axe.min.js ] || npm ci --no-audit --no-fund --silent
fi
