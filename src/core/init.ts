// Bringing up a runtime from scratch ("temacs"): intern the builtins, give every DEFVAR its value, run each DEFINIT.
//
// The primitive modules must have been imported first (src/emacs/all.ts does
// that), since they fill the tables this reads.

import { SYM_DECLARED_SPECIAL, SYM_NOWRITE, SYM_TRAPPED_SHIFT } from '../heap/layout.ts';
import { makeObarray, internSymbolAt, oblookup } from './obarray.ts';
import { setSymbolFlags, setSymbolRawValue, symbolFlags, symbolName } from './object.ts';
import { G_OBARRAY, type Runtime, type RuntimeOptions } from './runtime.ts';
import { newRuntime } from './static.ts';
import { BUILTIN_SYMBOLS, Qnil, Qt, builtinInterned } from './symbols.ts';
import { INITS, PLAIN_VARIABLES, VARIABLES } from './subr.ts';

export function createRuntime(opts: RuntimeOptions): Runtime {
  const rt = newRuntime(opts);
  const obarray = makeObarray(rt);
  rt.globals[G_OBARRAY] = obarray;
  const stride = 24;
  for (let i = 0; i < BUILTIN_SYMBOLS.length; i++) {
    if (!builtinInterned(i)) continue;
    const sym = i * stride;
    const name = symbolName(rt, sym);
    const r = oblookup(rt, obarray, name);
    if (r.found) throw new Error(`builtin symbol ${BUILTIN_SYMBOLS[i]!} declared twice`);
    internSymbolAt(rt, obarray, sym, r.bucket);
  }
  makeConstant(rt, Qnil, Qnil);
  makeConstant(rt, Qt, Qt);
  for (const v of VARIABLES) {
    setSymbolRawValue(rt, v.sym, typeof v.init === 'number' ? v.init : v.init(rt));
    if (!PLAIN_VARIABLES.has(v.sym)) setSymbolFlags(rt, v.sym, symbolFlags(rt, v.sym) | SYM_DECLARED_SPECIAL);
    if (v.constant) setSymbolFlags(rt, v.sym, symbolFlags(rt, v.sym) | (SYM_NOWRITE << SYM_TRAPPED_SHIFT));
  }
  for (const init of INITS) init(rt);
  return rt;
}

function makeConstant(rt: Runtime, sym: number, value: number): void {
  setSymbolRawValue(rt, sym, value);
  setSymbolFlags(rt, sym, symbolFlags(rt, sym) | (SYM_NOWRITE << SYM_TRAPPED_SHIFT) | SYM_DECLARED_SPECIAL);
}
