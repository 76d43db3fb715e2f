#!/bin/bash
# EIEIO against GNU Emacs 28.2: CPU seconds (user + system) of `(require 'eieio)` and of
# bench/eieio-objects.el, each over an empty run, N interleaved runs (default 9), medians.
#   bench/eieio.sh [TSMACS-LAUNCHER]       (default dist/tsmacs.cjs; run from the checkout)
N=${N:-9}
TS=${1:-dist/tsmacs.cjs}
OBJ="$(dirname "$0")/eieio-objects.el"
cmds=("emacs -Q --batch --eval nil" "emacs -Q --batch --eval (require'eieio)" "emacs -Q --batch -l $OBJ"
      "node $TS -Q --batch --eval nil" "node $TS -Q --batch --eval (require'eieio)" "node $TS -Q --batch -l $OBJ")
declare -A R
for _ in $(seq "$N"); do
  for c in "${cmds[@]}"; do
    t=$( { TIMEFORMAT='%U %S'; time $c >/dev/null 2>&1; } 2>&1 | awk '{print $1+$2}')
    R["$c"]+="$t "
  done
done
for c in "${cmds[@]}"; do
  printf '%s\t%s\n' "$(echo ${R[$c]} | tr ' ' '\n' | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')" "$c"
done
