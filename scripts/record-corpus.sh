#!/bin/sh
# Record test/corpus/*.expected from GNU Emacs 28.2: scripts/record-corpus.sh [NAME...]
# Run from anywhere; with no arguments every test/corpus/*.el is recorded.
set -eu
cd "$(dirname "$0")/.."
export LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC
EMACS=${EMACS:-emacs}
case "$("$EMACS" --version | head -n 1)" in
  "GNU Emacs 28.2") ;;
  *) echo "record-corpus: need GNU Emacs 28.2 (EMACS=$EMACS)" >&2; exit 1 ;;
esac
if [ $# -eq 0 ]; then
  set -- test/corpus/*.el
fi
for arg in "$@"; do
  name=$(basename "$arg" .el)
  src=test/corpus/$name.el
  tmp=test/corpus/$name.expected.tmp
  # Cases' messages go to stderr and are not part of the record: keep them
  # only to explain a failure.
  if ! "$EMACS" -batch -Q -l scripts/record-corpus.el \
       -f record-corpus-batch "$src" > "$tmp" 2> "$tmp.err"; then
    cat "$tmp.err" >&2; rm -f "$tmp" "$tmp.err"
    echo "record-corpus: $src failed" >&2; exit 1
  fi
  rm -f "$tmp.err"
  mv "$tmp" "test/corpus/$name.expected"
  echo "$name: $(wc -l < "test/corpus/$name.expected") cases"
done
