#!/bin/sh
# Record test/ert/NAME.expected from GNU Emacs 28.2: scripts/record-ert.sh [NAME...]
# Each test/ert/NAME.el is run as
#   emacs -batch -Q -l ert -l test/ert/NAME.el -f ert-run-tests-batch-and-exit
# and its summary counts and exit status are written to NAME.expected as
#   ran=N expected=N unexpected=N skipped=N exit=N
# followed by one line per test, its result as ERT's batch report words it and its name
# (`passed NAME`, `FAILED NAME`, `skipped NAME`...), in the order the tests ran.
# test/ert.test.ts runs the same files under tsmacs and compares, test by test.
set -eu
cd "$(dirname "$0")/.."
export LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC
EMACS=${EMACS:-emacs}
case "$("$EMACS" --version | head -n 1)" in
  "GNU Emacs 28.2") ;;
  *) echo "record-ert: need GNU Emacs 28.2 (EMACS=$EMACS)" >&2; exit 1 ;;
esac
if [ $# -eq 0 ]; then
  set -- test/ert/*.el
fi
for arg in "$@"; do
  name=$(basename "$arg" .el)
  src=test/ert/$name.el
  log=test/ert/$name.log.tmp
  status=0
  "$EMACS" -batch -Q -l ert -l "$src" -f ert-run-tests-batch-and-exit > "$log" 2>&1 || status=$?
  summary=$(grep -E '^(Aborted: )?Ran [0-9]+ tests?, ' "$log" | tail -n 1 || true)
  if [ -z "$summary" ]; then
    cat "$log" >&2; rm -f "$log"
    echo "record-ert: $src printed no summary (exit $status)" >&2; exit 1
  fi
  results=$(sed -nE 's/^ +([A-Za-z]+) +[0-9]+\/[0-9]+  ([^ ]+)( \(.*)?$/\1 \2/p' "$log")
  rm -f "$log"
  ran=$(echo "$summary" | sed -E 's/.*Ran ([0-9]+) tests?.*/\1/')
  expected=$(echo "$summary" | sed -E 's/.*, ([0-9]+) results? as expected.*/\1/')
  unexpected=$(echo "$summary" | sed -E 's/.*, ([0-9]+) unexpected.*/\1/')
  case "$summary" in
    *skipped*) skipped=$(echo "$summary" | sed -E 's/.*, ([0-9]+) skipped.*/\1/') ;;
    *) skipped=0 ;;
  esac
  line="ran=$ran expected=$expected unexpected=$unexpected skipped=$skipped exit=$status"
  { echo "$line"; [ -z "$results" ] || echo "$results"; } > "test/ert/$name.expected"
  echo "$name: $line"
done
