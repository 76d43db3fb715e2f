#!/bin/sh
# Compare the whole CJK charset and coding-system tables of tsmacs with GNU Emacs 28.2:
# scripts/check-mule-tables.sh (needs emacs 28.2 and a built dist/). Prints differing checks.
set -eu
cd "$(dirname "$0")/.."
export LANG=C.UTF-8 LC_ALL=C.UTF-8
EMACS=${EMACS:-emacs}
gnu=$(mktemp) ours=$(mktemp)
"$EMACS" -Q --batch -l scripts/check-mule-tables.el > "$gnu"
node dist/tsmacs.cjs -Q --batch -l scripts/check-mule-tables.el > "$ours"
if diff "$gnu" "$ours"; then echo "check-mule-tables: $(wc -l < "$gnu") checks, all the same as GNU"; rm -f "$gnu" "$ours"
else echo "check-mule-tables: differences (GNU <, tsmacs >)"; rm -f "$gnu" "$ours"; exit 1; fi
