# shellcheck shell=bash
# Shared by check-po.sh and update-po.sh; source it, don't run it.
#
# Both scripts must agree on which files carry translatable strings and on how the template
# is extracted, or update-po.sh would write a POTFILES.in that check-po.sh then rejects.

# The keywords and flags of meson's i18n.gettext(preset: 'glib'), so the template made here
# is the one `meson compile sigap-pot` would make.
# shellcheck disable=SC2054  # the commas belong to the keyword specs
PO_XGETTEXT_ARGS=(
  --from-code=UTF-8
  --add-comments
  --keyword=_
  --keyword=N_
  --keyword=C_:1c,2
  --keyword=NC_:1c,2
  --keyword=g_dcgettext:2
  --keyword=g_dngettext:2,3
  --keyword=g_dpgettext2:2c,3
  --flag=N_:1:pass-c-format
  --flag=C_:2:pass-c-format
  --flag=NC_:2:pass-c-format
  --flag=g_dngettext:2:pass-c-format
  --flag=g_strdup_printf:1:c-format
  --flag=g_string_printf:2:c-format
  --flag=g_string_append_printf:2:c-format
  --flag=g_error_new:3:c-format
  --flag=g_set_error:4:c-format
  --flag=g_markup_printf_escaped:1:c-format
  --flag=g_log:3:c-format
  --flag=g_print:1:c-format
  --flag=g_printerr:1:c-format
  --flag=g_printf:1:c-format
  --flag=g_fprintf:2:c-format
  --flag=g_sprintf:2:c-format
  --flag=g_snprintf:3:c-format
)

# Folders whose files may be translated; tests/ and build-aux/ never are.
PO_SOURCE_DIRS=(src ui resources)

po_die () {
  echo "${0##*/}: $*" >&2
  exit 1
}

# Prints every file under PO_SOURCE_DIRS that git knows about (tracked, or new and not
# ignored), one per line, relative to the root. Falls back to find(1) outside a git checkout
# or when git refuses the checkout (another owner), so a tarball build still works.
po_candidate_files () {
  local root=$1

  if command -v git >/dev/null 2>&1 \
     && git -C "$root" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git -C "$root" ls-files --cached --others --exclude-standard -- "${PO_SOURCE_DIRS[@]}"
  else
    (cd "$root" && for dir in "${PO_SOURCE_DIRS[@]}"; do
       [[ -d $dir ]] && find "$dir" -type f
     done) || true
  fi
}

# Prints, sorted and unique, every file that has strings to translate.
po_translatable_files () {
  local root=$1
  local file

  po_candidate_files "$root" | while IFS= read -r file; do
    [[ -f $root/$file ]] || continue   # deleted in the work tree but still in the index
    case $file in
      *.c|*.h)
        # _( N_( C_( NC_( Q_( and the plural forms, not as the tail of a longer name.
        grep -qE '(^|[^[:alnum:]_])(_|N_|C_|NC_|Q_|ngettext|g_dngettext|g_dpgettext2)[[:space:]]*\(' \
          "$root/$file" && echo "$file"
        ;;
      *.ui)
        grep -qE 'translatable="(yes|true|1)"' "$root/$file" && echo "$file"
        ;;
      *.desktop.in|*.metainfo.xml.in|*.appdata.xml.in)
        echo "$file"
        ;;
      *.gschema.xml)
        grep -q 'gettext-domain=' "$root/$file" && echo "$file"
        ;;
    esac
  done | LC_ALL=C sort -u
}

# Prints the entries of POTFILES.in, without comments and blank lines, in file order.
po_listed_files () {
  local potfiles=$1

  sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e 's/^[[:space:]]*//' "$potfiles" | grep -v '^$' || true
}

# Prints the languages named in LINGUAS.
po_languages () {
  local linguas=$1

  sed -e 's/#.*//' "$linguas" | tr -s ' \t' '\n' | grep -v '^$' || true
}

# Extracts the template of the files listed in POTFILES.in into $2.
po_extract_template () {
  local root=$1
  local pot=$2

  if [[ -z $(po_listed_files "$root/po/POTFILES.in") ]]; then
    # xgettext refuses an empty list; an empty template still merges.
    printf 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n' >"$pot"
    return
  fi
  (cd "$root" && xgettext --package-name=sigap --force-po -f po/POTFILES.in -o "$pot" \
     "${PO_XGETTEXT_ARGS[@]}")
}

# Prints the msgids that are untranslated or fuzzy in a .po file, for the failure message.
po_show_unfinished () {
  local po=$1
  local kind

  for kind in untranslated only-fuzzy; do
    msgattrib --"$kind" --no-obsolete --no-wrap "$po" 2>/dev/null \
      | awk -v label="${kind#only-}" '
          /^msgid / {
            text = substr($0, 7); take = (text == "\"\"")
            if (!take) print "  " label ": " text
            next
          }
          take && /^"/ { print "  " label ": " $0; take = 0; next }
          { take = 0 }'
  done
}
