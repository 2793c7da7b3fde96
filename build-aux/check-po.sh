#!/usr/bin/env bash
# Usage: build-aux/check-po.sh [SOURCE_ROOT]
#
# Fails when po/POTFILES.in misses a file with translatable strings, lists a file that is
# gone or is not sorted, or when a language in po/LINGUAS lacks a translation of a string in
# the sources as they are now (untranslated or fuzzy after a fresh msgmerge). Run as the meson
# test `po-complete`; build-aux/update-po.sh brings the lists up to date for a translator.
# Exits 77 (skip) when the gettext tools are missing.

set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "${1:-$here/..}" && pwd)
# shellcheck source=build-aux/po-lib.sh
source "$here/po-lib.sh"

for tool in xgettext msgmerge msgfmt msgattrib; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIP: $tool not found (install gettext)"
    exit 77
  fi
done

potfiles=$root/po/POTFILES.in
[[ -f $potfiles ]] || po_die "po/POTFILES.in is missing; run build-aux/update-po.sh"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

status=0

po_listed_files "$potfiles" >"$tmp/listed"
po_translatable_files "$root" >"$tmp/wanted"

if ! LC_ALL=C sort -c "$tmp/listed" 2>/dev/null; then
  echo "po/POTFILES.in is not sorted (LC_ALL=C sort)"
  status=1
fi
if [[ -n $(LC_ALL=C sort "$tmp/listed" | uniq -d) ]]; then
  echo "po/POTFILES.in lists a file twice: $(LC_ALL=C sort "$tmp/listed" | uniq -d | xargs)"
  status=1
fi

while IFS= read -r file; do
  if [[ ! -f $root/$file ]]; then
    echo "po/POTFILES.in lists $file, which does not exist"
    status=1
  fi
done <"$tmp/listed"

LC_ALL=C sort -u "$tmp/listed" >"$tmp/listed-sorted"
while IFS= read -r file; do
  echo "$file has translatable strings but is missing from po/POTFILES.in"
  status=1
done < <(LC_ALL=C comm -13 "$tmp/listed-sorted" "$tmp/wanted")

if [[ $status -ne 0 ]]; then
  echo "Run build-aux/update-po.sh to regenerate po/POTFILES.in."
  exit "$status"
fi

po_extract_template "$root" "$tmp/template.pot" 2>"$tmp/xgettext.log" || {
  cat "$tmp/xgettext.log"
  po_die "xgettext failed"
}
# xgettext warns about things translators would trip over; show them all. One is a bug: a
# msgid cut short at a format macro such as G_GINT64_FORMAT ("Line %" G_GINT64_FORMAT) is
# never found at run time, so the string silently stays English.
grep -v '^$' "$tmp/xgettext.log" || true
if grep -q 'ends in the middle of a directive' "$tmp/xgettext.log"; then
  echo "A translatable string above is cut short at a format macro (G_GINT64_FORMAT and" \
       "the like), so it can never be translated: use PRId64 / PRIu64 from <inttypes.h>" \
       "(gettext understands those), %s with a formatted number, or a plain int type."
  status=1
fi

messages=$(grep -c '^msgid ' "$tmp/template.pot" || true)
langs=$(po_languages "$root/po/LINGUAS")
[[ -n $langs ]] || po_die "po/LINGUAS names no language"

for lang in $langs; do
  po=$root/po/$lang.po
  if [[ ! -f $po ]]; then
    echo "po/$lang.po is missing (po/LINGUAS names $lang); run build-aux/update-po.sh"
    status=1
    continue
  fi

  # Merge into a copy: the check must not touch the work tree.
  if ! msgmerge --quiet --previous -o "$tmp/$lang.po" "$po" "$tmp/template.pot"; then
    echo "po/$lang.po: msgmerge failed"
    status=1
    continue
  fi

  if ! stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$tmp/$lang.po" 2>&1); then
    echo "$stats"
    echo "po/$lang.po: msgfmt --check failed (see above)"
    status=1
    continue
  fi
  stats=$(tail -n 1 <<<"$stats")

  untranslated=$(grep -oE '[0-9]+ untranslated' <<<"$stats" | grep -oE '^[0-9]+' || echo 0)
  fuzzy=$(grep -oE '[0-9]+ fuzzy' <<<"$stats" | grep -oE '^[0-9]+' || echo 0)
  if [[ $untranslated -ne 0 || $fuzzy -ne 0 ]]; then
    echo "po/$lang.po is incomplete: $stats"
    po_show_unfinished "$tmp/$lang.po"
    echo "Run build-aux/update-po.sh, then translate these entries in po/$lang.po" \
         "(and remove their fuzzy flags)."
    status=1
  else
    echo "po/$lang.po: $stats"
  fi
done

echo "$(wc -l <"$tmp/listed") files in po/POTFILES.in, $((messages > 0 ? messages - 1 : 0)) messages"
exit "$status"
