#!/bin/sh
# The template of the tool's own messages: every _(), N_(), ngettext(), Nn_() and the
# checker's tr()/translate() in src/ (not gettext(): that is the brochures' template
# labels, domain "ui"), extracted with pybabel into
# src/leichtesprache/locale/leichtesprache.pot (or the file given as $1).
#
#   sh scripts/extract-messages.sh          # remake the committed template
#   msgmerge --update --previous --no-fuzzy-matching --backup=none \
#       src/leichtesprache/locale/de/LC_MESSAGES/leichtesprache.po \
#       src/leichtesprache/locale/leichtesprache.pot
#                                           # bring the German catalogue up to date
#   msgfmt -c --statistics -o /dev/null \
#       src/leichtesprache/locale/de/LC_MESSAGES/leichtesprache.po
#                                           # check it (100 % translated, no fuzzy)
#   .venv/bin/python scripts/compile-messages.py
#                                           # its compiled copy, which the tool reads
#
# tests/test_i18n.py runs this script and fails when a message is not translated.
set -eu
cd "$(dirname "$0")/.."
out="${1:-src/leichtesprache/locale/leichtesprache.pot}"
pybabel="${PYBABEL:-pybabel}"
if ! command -v "$pybabel" >/dev/null 2>&1 && [ -x .venv/bin/pybabel ]; then
    pybabel=.venv/bin/pybabel
fi
"$pybabel" -q extract \
    -F babel.cfg \
    --no-default-keywords \
    -k _ -k N_ -k ngettext:1,2 -k Nn_:1,2 -k tr -k translate \
    -c Translators: \
    --add-location=file \
    --sort-by-file \
    --project=leichtesprache \
    --copyright-holder="leichtesprache maintainers" \
    --msgid-bugs-address="" \
    -w 79 \
    -o "$out" \
    src
