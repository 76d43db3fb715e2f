#!/bin/sh
# Differential fuzz against GNU Emacs 28.2: scripts/diff-fuzz.sh FUNCTIONS-FILE
# Calls each function named in FUNCTIONS-FILE (one per line; choose side-effect-free ones) with
# every argument tuple of a small pool, under GNU and under dist/tsmacs.cjs, and lists the calls
# whose value or error differs. Needs `npm run build` first.
set -eu
cd "$(dirname "$0")/.."
[ $# -eq 1 ] || { echo "usage: scripts/diff-fuzz.sh FUNCTIONS-FILE" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export DIFF_FUZZ_FUNCTIONS=$(realpath "$1") LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC
${EMACS:-emacs} -Q --batch -l scripts/diff-fuzz.el > "$out/gnu" 2>/dev/null
node dist/tsmacs.cjs --batch -l scripts/diff-fuzz.el > "$out/ts" 2>/dev/null
python3 - "$out/gnu" "$out/ts" <<'PY'
import sys
def load(path):
    rows = {}
    for line in open(path, errors='replace'):
        key, tab, value = line.rstrip('\n').partition('\t')
        if tab: rows[key] = value
    return rows
gnu, ours = load(sys.argv[1]), load(sys.argv[2])
shared = [k for k in gnu if k in ours]
differ = [k for k in shared if gnu[k] != ours[k]]
for k in differ: print(f'{k}\n  GNU    {gnu[k]}\n  tsmacs {ours[k]}')
print(f'{len(shared)} calls compared, {len(differ)} differ', file=sys.stderr)
PY
