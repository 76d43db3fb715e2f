#!/bin/sh
# Record the CLI golden corpus from GNU Emacs 28.2: scripts/record-cli.sh [NAME...]
# Reads test/cli/cases.txt and writes test/cli/expected/NAME.{out,err,code}.
set -eu
cd "$(dirname "$0")/.."
export LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC
EMACS=${EMACS:-emacs}
case "$("$EMACS" --version | head -n 1)" in
  "GNU Emacs 28.2") ;;
  *) echo "record-cli: need GNU Emacs 28.2 (EMACS=$EMACS)" >&2; exit 1 ;;
esac
out=test/cli/expected
mkdir -p "$out"
# GNU abbreviates long strings in backtraces, file names among them, so the cases run in a
# directory whose name always has the same length, /tmp/tsmacs-cli-XXXXXX, holding a copy of
# test/cli/fixtures (test/cli.test.ts does the same). Its name is then replaced by @ROOT@.
repo=$(pwd -P)
root=$(mktemp -d /tmp/tsmacs-cli-XXXXXX)
mkdir -p "$root/test/cli"
cp -R test/cli/fixtures "$root/test/cli/"
out=$repo/$out
cd "$root"
tmp=$(mktemp)
trap 'rm -f "$tmp" "$tmp.out" "$tmp.err"; rm -rf "$root"' EXIT

WANTED="$*"

run_case() {
  name=$1; stdin=$2; shift 2
  if [ -n "$WANTED" ] && ! echo " $WANTED " | grep -q " $name "; then return 0; fi
  script=no
  for a in "$@"; do [ "$a" = "--script" ] && script=yes; done
  if [ $script = yes ]; then set -- "$EMACS" "$@"; else set -- "$EMACS" --batch -Q "$@"; fi
  code=0
  "$@" < "$stdin" > "$tmp.out" 2> "$tmp.err" || code=$?
  # GNU prints absolute file names (load messages, backtraces): make them
  # independent of where the repo lives.
  sed "s|$root|@ROOT@|g" "$tmp.out" > "$out/$name.out"
  sed "s|$root|@ROOT@|g" "$tmp.err" > "$out/$name.err"
  echo "$code" > "$out/$name.code"
  echo "$name: exit $code"
}

# Each case is replayed by collecting its argument lines into the positional
# parameters, so arguments keep their spaces and quotes verbatim.
name=; stdin=/dev/null
flush() {
  if [ -n "$name" ]; then
    eval "run_case \"\$name\" \"\$stdin\" $argrefs"
  fi
}
argrefs=
i=0
while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in
    "== "*)
      flush
      name=${line#== }; stdin=/dev/null; argrefs=; i=0 ;;
    "#"*|"") ;;
    "<"*) stdin=${line#<} ;;
    *)
      i=$((i + 1)); eval "arg_$i=\$line"; argrefs="$argrefs \"\$arg_$i\"" ;;
  esac
done < "$repo/test/cli/cases.txt"
flush
