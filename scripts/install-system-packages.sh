#!/bin/sh
# System libraries leichtesprache needs (Debian/Ubuntu): Pango/HarfBuzz for WeasyPrint,
# hb-subset for fast font subsetting, poppler-utils and qpdf to inspect PDFs in tests,
# GNU gettext (msgfmt) to cross-check catalogues. Safe to run again; does nothing if all
# are present.
set -eu
PACKAGES="libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 libfontconfig1 poppler-utils qpdf gettext"
missing=""
for p in $PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
echo "Installing system packages:$missing"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
