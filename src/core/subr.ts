// The primitive table: DEFUN declares a primitive's Lisp name, arity, docstring and body in one place.
//
// Calling conventions (GNU's, translated):
//   fixed arity MIN..MAX (MAX <= 8)  fn(rt, a0, ..., a{MAX-1}); missing optional args are nil
//   MANY (&rest)                     fn(rt, args: number[])   (the args stay rooted on the Lisp stack)
//   UNEVALLED (special form)         fn(rt, argsList)         (the unevaluated cdr of the form)
// A primitive that calls back into Lisp (funcall, eval) must first push every
// Lisp value it still needs onto the Lisp stack (rt.push): the collector runs
// only at safe points inside the evaluator and sees nothing held in JS locals.
//
// DEFVAR declares a Lisp variable whose value lives in its symbol's value cell,
// with its initial value; the dumper saves it like any other symbol value.

import { MANY, UNEVALLED } from '../heap/layout.ts';
import { BUILTIN_SYMBOLS, SYMBOL_STRIDE, builtinName, builtinWord, builtinsSealed, wordOf } from './symbols.ts';
import type { Runtime, SubrFn } from './runtime.ts';

export { MANY, UNEVALLED };

export type { SubrFn };

export interface SubrDef {
  readonly name: string;
  readonly sym: number;
  readonly min: number;
  readonly max: number;
  /** null in the built bundle, whose docstrings the build moved to the DOC file (emacs/doc.ts). */
  readonly doc: string | null;
  readonly fn: SubrFn;
  /** The interactive spec, when the command is interactive. */
  readonly intspec?: string | undefined;
}

/**
 * The primitives in the order of their symbols' words (symbols.ts), not of declaration: a
 * primitive's index (SUBR_INDEX, its place in the static region, the dump fingerprint) must not
 * depend on which module was imported first. Sorted by sortBuiltinTables before first use.
 */
export const PRIMITIVES: SubrDef[] = [];

/**
 * Whether a list got an item out of order. Declarations are pushed and the lists sorted once, by
 * sortBuiltinTables, before anything reads them: an ordered insert per declaration (a binary
 * search and a splice, 630 of 640 out of order) cost about 2 ms of every start-up, run cold.
 */
let unsorted = false;

/**
 * Each declaration also in the slot of its symbol's index (the word over SYMBOL_STRIDE), so that
 * sortBuiltinTables puts both tables in order with one pass over the slots (two passes per table,
 * 3,300 iterations run cold, cost about 0.2 ms of every start-up). A second declaration for one
 * symbol (a DEFVAR declared twice) sets SHARED, and the tables take a stable comparison sort.
 */
const primitiveSlots: (SubrDef | undefined)[] = new Array<SubrDef | undefined>(BUILTIN_SYMBOLS.length);
const variableSlots: (VarDef | undefined)[] = new Array<VarDef | undefined>(BUILTIN_SYMBOLS.length);
let shared = false;

/** Append ITEM to LIST and put it in its slot, noting whether LIST's order by sym is broken. */
function pushBySym<T extends { readonly sym: number }>(list: T[], slots: (T | undefined)[], item: T): void {
  if (list.length > 0 && list[list.length - 1]!.sym > item.sym) unsorted = true;
  list.push(item);
  const i = item.sym / SYMBOL_STRIDE;
  if (slots[i] !== undefined) shared = true;
  else slots[i] = item;
}

/**
 * The primitives' functions in PRIMITIVES' order, one array shared by every runtime (its
 * subrFns): sortBuiltinTables fills it in its pass over the slots; `PRIMITIVES.map' made it anew
 * per runtime, 1,500 cold callback calls, about 0.1 ms of every start-up.
 */
const SUBR_FNS: SubrFn[] = [];

/** SUBR_FNS, complete: for a runtime, once the tables are sorted and sealed. */
export function subrFunctions(): SubrFn[] {
  sortBuiltinTables();
  if (SUBR_FNS.length !== PRIMITIVES.length || SUBR_FNS[SUBR_FNS.length - 1] !== PRIMITIVES[PRIMITIVES.length - 1]?.fn) {
    SUBR_FNS.length = 0;
    for (let i = 0; i < PRIMITIVES.length; i++) SUBR_FNS.push(PRIMITIVES[i]!.fn);
  }
  return SUBR_FNS;
}

/**
 * Each primitive's sym, min and max, three words a primitive in PRIMITIVES' order: the static
 * region's subrs, which the statics kernel writes from them (static.ts). sortBuiltinTables fills
 * it in its pass over the slots; a JS loop over PRIMITIVES' objects, run cold, cost about 0.25 ms
 * of every start-up.
 */
let subrTriples = new Int32Array(0);

/** subrTriples, complete: for a runtime, once the tables are sorted and sealed. */
export function subrWords(): Int32Array {
  sortBuiltinTables();
  if (subrTriples.length !== 3 * PRIMITIVES.length || (PRIMITIVES.length > 0 && subrTriples[subrTriples.length - 3] !== PRIMITIVES[PRIMITIVES.length - 1]!.sym)) {
    subrTriples = new Int32Array(3 * PRIMITIVES.length);
    for (let i = 0; i < PRIMITIVES.length; i++) {
      const p = PRIMITIVES[i]!;
      subrTriples[3 * i] = p.sym;
      subrTriples[3 * i + 1] = p.min;
      subrTriples[3 * i + 2] = p.max;
    }
  }
  return subrTriples;
}

/**
 * Put PRIMITIVES and VARIABLES in the order of their symbols' words, entries with the same sym
 * in declaration order (the sort is stable). Called by whatever reads the tables first: building
 * a runtime (static.ts newRuntime) or the fingerprint (dump/format.ts).
 */
export function sortBuiltinTables(): void {
  if (!unsorted) return;
  unsorted = false;
  if (shared) {
    PRIMITIVES.sort((a, b) => a.sym - b.sym);
    VARIABLES.sort((a, b) => a.sym - b.sym);
    return;
  }
  let np = 0;
  let nv = 0;
  const n = Math.max(primitiveSlots.length, variableSlots.length);
  const tri = new Int32Array(3 * PRIMITIVES.length);
  for (let i = 0; i < n; i++) {
    const p = primitiveSlots[i];
    if (p !== undefined) {
      SUBR_FNS[np] = p.fn;
      tri[3 * np] = p.sym;
      tri[3 * np + 1] = p.min;
      tri[3 * np + 2] = p.max;
      PRIMITIVES[np++] = p;
    }
    const v = variableSlots[i];
    if (v !== undefined) VARIABLES[nv++] = v;
  }
  subrTriples = tri;
}

/** Refuse a declaration made after a runtime was built: it would shift the indices that runtime uses. */
function checkOpen(what: string, name: string): void {
  if (builtinsSealed()) throw new Error(`${what}('${name}') after a runtime was created: declare it at module top level`);
}

/**
 * Declare a primitive. Returns fn, so a module can also call it directly. SYM is NAME's symbol
 * word when the build found it in the table (scripts/build.mjs adds it to the bundle's calls).
 */
export function DEFUN<F extends SubrFn>(given: string | null, min: number, max: number, doc: string, fn: F, intspec?: string, sym?: number): F {
  // In the bundle a name found in the builtin table is null and SYM its word (scripts/build.mjs).
  const name = given ?? builtinName(sym!);
  checkOpen('DEFUN', name);
  const word = given === null ? sym! : builtinWord(name, sym);
  // One name, one symbol, one slot: the slot finds a second declaration (a map of the names cost
  // the module bodies 1,500 cold inserts).
  if (primitiveSlots[word / SYMBOL_STRIDE] !== undefined) throw new Error(`primitive ${name} declared twice`);
  if (max !== MANY && max !== UNEVALLED && (max < min || max > 8)) throw new Error(`bad arity for ${name}`);
  const def: SubrDef = { name, sym: word, min, max, doc, fn, intspec };
  pushBySym(PRIMITIVES, primitiveSlots, def);
  return fn;
}

/**
 * DEFUN for the built bundle (scripts/build.mjs `lazyDefuns`): the primitive's function is the Kth
 * of GROUP(), the array of its file's top-level primitives, which GROUP makes at its first call. The
 * entry holds a stub until a call of it: the stub puts the real function in the entry and in the
 * calling runtime's subrFns (another runtime's stub does the same at its own first call) and calls
 * it. The module bodies then make one closure per primitive fewer, and V8's code cache holds no
 * function info for a file's primitives until one of them ran. Same table, same fingerprint.
 */
export function DEFLAZY(given: string | null, min: number, max: number, doc: string, group: () => SubrFn[], k: number, intspec: string | undefined, sym: number): void {
  DEFUN(given, min, max, doc, null as unknown as SubrFn, intspec, sym);
  const def = primitiveSlots[sym / SYMBOL_STRIDE] as { fn: SubrFn; readonly sym: number };
  def.fn = lazyStub(def, group, k);
}

/** The stub of a DEFLAZY primitive (DEF's entry, the Kth function of GROUP()). */
function lazyStub(def: { fn: SubrFn; readonly sym: number }, group: () => SubrFn[], k: number): SubrFn {
  const stub = (rt: Runtime, ...args: unknown[]): number => {
    const real = group()[k]!;
    def.fn = real;
    // Its index in rt.subrFns is its place in PRIMITIVES, which is in the order of the words.
    let lo = 0;
    let hi = PRIMITIVES.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (PRIMITIVES[mid]!.sym < def.sym) lo = mid + 1;
      else hi = mid;
    }
    if (rt.subrFns[lo] === stub) rt.subrFns[lo] = real;
    return (real as (...a: unknown[]) => number)(rt, ...args);
  };
  return stub as unknown as SubrFn;
}

export const primitiveNamed = (name: string): SubrDef | undefined => {
  const word = wordOf(name);
  return word === undefined ? undefined : primitiveSlots[word / SYMBOL_STRIDE];
};

export interface VarDef {
  readonly name: string;
  readonly sym: number;
  /**
   * Computes the initial value in a fresh runtime (temacs start-up); in the built bundle a word
   * where the source's function returned a constant (scripts/build.mjs): no closure to make.
   */
  readonly init: ((rt: Runtime) => number) | number;
  /** null in the built bundle, whose docstrings the build moved to the DOC file (emacs/doc.ts). */
  readonly doc: string | null;
  /** defconst-like: setq signals setting-constant. */
  readonly constant: boolean;
}

/** The variables in the order of their symbols' words, as PRIMITIVES (the fingerprint names them in this order). */
export const VARIABLES: VarDef[] = [];

/**
 * Declare a special variable with its initial value, as GNU's DEFVAR_LISP/INT/BOOL (WORD: as DEFUN's
 * SYM). INIT is the value's word itself in the built bundle when the source's function returned a
 * constant (`() => Qnil`: 148 closures and function infos fewer at every start-up).
 */
export function DEFVAR(given: string | null, init: ((rt: Runtime) => number) | number, doc: string, constant = false, word?: number): number {
  // As DEFUN's: null in the bundle for a name in the builtin table, WORD its word.
  const name = given ?? builtinName(word!);
  checkOpen('DEFVAR', name);
  const sym = given === null ? word! : builtinWord(name, word);
  pushBySym(VARIABLES, variableSlots, { name, sym, init, doc, constant });
  return sym;
}

/** Builtin variables GNU declares in C but leaves not special (`features', `values'...): see NOT_SPECIAL. */
export const PLAIN_VARIABLES = new Set<number>();

/** Leave the DEFVAR'd SYM not special, as GNU does for a few: under lexical binding a `let' of it is lexical. */
export function NOT_SPECIAL(sym: number): number {
  PLAIN_VARIABLES.add(sym);
  return sym;
}

/**
 * Start-up work for a module that needs a runtime (error symbols' properties,
 * keyword constants...). Runs once when a runtime is built from scratch; its
 * results are Lisp state and are dumped, so it does not run after a load.
 */
export const INITS: ((rt: Runtime) => void)[] = [];
export function DEFINIT(fn: (rt: Runtime) => void): void {
  INITS.push(fn);
}
