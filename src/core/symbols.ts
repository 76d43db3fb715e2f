// The builtin symbol table: every symbol the TypeScript code names, declared once, as GNU's DEFSYM.
//
// Builtin symbols are laid out in order at the start of the static region,
// SYMBOL_WORDS apart, and a symbol word is its granule offset from that base,
// so each builtin symbol is a compile-time constant: nil = 0, t = 24, ...
// The order is fixed by one declared table (builtin-names.ts: nil, t and
// unbound, then every other name sorted), not by the order in which modules
// happen to be imported: a symbol's word, and so the static region and the
// dump fingerprint, are the same whichever module a program imports first.
// A name missing from the table (a test's own primitive, or one added since
// the table was generated) is appended after it in declaration order; a test
// (test/builtin-order.test.ts) keeps the table equal to what the CLI declares.

import { SYMBOL_WORDS } from '../heap/layout.ts';
import { BUILTIN_NAMES } from './builtin-names.ts';

/** The names that must come first, in this order: nil is the word 0. */
const HEAD = ['nil', 't', 'unbound'];
/**
 * The builtin symbols' names, by index (a symbol's word / SYMBOL_STRIDE): the table's, then any
 * DEFSYM of a name outside it. Names, not objects: one native concat where 2,300 object literals
 * cost about 0.13 ms of every start (their only other field, whether the symbol is interned, is
 * true for all but the few in UNINTERNED).
 */
export const BUILTIN_SYMBOLS: string[] = HEAD.concat(BUILTIN_NAMES);
export const SYMBOL_STRIDE = (SYMBOL_WORDS / 2) << 3;
/** Indices of the builtin symbols kept out of the obarray: Qunbound (as in GNU), and DEFSYM(name, false)'s. */
const UNINTERNED: number[] = [2];
/** Whether the builtin symbol at index I is interned in the initial obarray. */
export const builtinInterned = (i: number): boolean => !UNINTERNED.includes(i);
/**
 * Word by name of the entries after the table (a test's own symbols), and of the table's too once a
 * lookup has missed; made at first need. A start-up makes none: the build (scripts/build.mjs) puts
 * each literal DEFSYM's word in place of the call and hands DEFUN and DEFVAR their symbol's word,
 * and wordOf finds the few other names by binary search of the sorted table (a map of its 1,200
 * names, made in the interpreter at every start, cost about 0.3 ms).
 */
let byName: Map<string, number> | null = null;
/** Table entries are builtin whether or not a module declares them; this remembers which were. */
const declared: string[] = [];
let sealed = false;

export function wordOf(name: string): number | undefined {
  for (let i = 0; i < HEAD.length; i++) if (HEAD[i] === name) return i * SYMBOL_STRIDE;
  // builtin-names.ts is sorted by code units, as `<` compares.
  for (let lo = 0, hi = BUILTIN_NAMES.length - 1; lo <= hi;) {
    const mid = (lo + hi) >>> 1;
    const x = BUILTIN_NAMES[mid]!;
    if (x === name) return (HEAD.length + mid) * SYMBOL_STRIDE;
    if (x < name) lo = mid + 1;
    else hi = mid - 1;
  }
  if (byName === null) {
    byName = new Map();
    for (let i = 0; i < BUILTIN_SYMBOLS.length; i++) byName.set(BUILTIN_SYMBOLS[i]!, i * SYMBOL_STRIDE);
  }
  return byName.get(name);
}

function addBuiltin(name: string, interned: boolean): number {
  const w = BUILTIN_SYMBOLS.length * SYMBOL_STRIDE;
  if (!interned) UNINTERNED.push(BUILTIN_SYMBOLS.length);
  BUILTIN_SYMBOLS.push(name);
  byName?.set(name, w);
  return w;
}

/** Called when the first runtime is built: from then on the table is fixed. */
export function sealBuiltinSymbols(): void {
  sealed = true;
}
/** Whether a runtime exists, so the builtin tables may no longer change. */
export const builtinsSealed = (): boolean => sealed;

/** Declare (or find) the builtin symbol NAME and return its constant Lisp word. */
export function DEFSYM(name: string, interned = true): number {
  const found = wordOf(name);
  if (found !== undefined) {
    if (!sealed) declared.push(name);
    return found;
  }
  // A symbol declared after a runtime exists would have no cells in its static region.
  if (sealed) throw new Error(`DEFSYM('${name}') after a runtime was created: declare it at module top level`);
  declared.push(name);
  return addBuiltin(name, interned);
}

/**
 * DEFSYM(NAME) where the build found NAME in the table at WORD (DEFUN's and DEFVAR's last
 * argument in the bundle): the word is taken once the table confirms it, without the map.
 */
export function builtinWord(name: string, word: number | undefined): number {
  return word !== undefined && BUILTIN_SYMBOLS[word / SYMBOL_STRIDE] === name ? word : DEFSYM(name);
}

/** The name of the builtin symbol at WORD (a DEFUN or DEFVAR of the bundle gives the word alone). */
export const builtinName = (word: number): string => BUILTIN_SYMBOLS[word / SYMBOL_STRIDE]!;

/** The names DEFSYM was given before the first runtime (with repeats), for builtin-names.ts's generator and test. */
export const declaredBuiltinNames = (): readonly string[] => declared;

export const Qnil = DEFSYM('nil');
export const Qt = DEFSYM('t');
export const Qunbound = DEFSYM('unbound', false);

// Symbols used throughout the core. Modules DEFSYM their own as well.
export const Qquote = DEFSYM('quote');
export const Qfunction = DEFSYM('function');
export const Qlambda = DEFSYM('lambda');
export const Qclosure = DEFSYM('closure');
export const Qmacro = DEFSYM('macro');
export const Qautoload = DEFSYM('autoload');
export const Qbackquote = DEFSYM('`');
export const Qcomma = DEFSYM(',');
export const Qcomma_at = DEFSYM(',@');
export const Qand_optional = DEFSYM('&optional');
export const Qand_rest = DEFSYM('&rest');
export const Qerror = DEFSYM('error');
export const Qerror_conditions = DEFSYM('error-conditions');
export const Qerror_message = DEFSYM('error-message');
export const Qquit = DEFSYM('quit');
export const Qvariable_documentation = DEFSYM('variable-documentation');
export const Qfunction_documentation = DEFSYM('function-documentation');
export const Qinteractive = DEFSYM('interactive');
export const Qlexical_binding = DEFSYM('lexical-binding');
export const Qinternal_interpreter_environment = DEFSYM('internal-interpreter-environment');

// Type predicates named in wrong-type-argument signals.
export const Qlistp = DEFSYM('listp');
export const Qconsp = DEFSYM('consp');
export const Qsymbolp = DEFSYM('symbolp');
export const Qstringp = DEFSYM('stringp');
export const Qintegerp = DEFSYM('integerp');
export const Qfixnump = DEFSYM('fixnump');
export const Qnatnump = DEFSYM('natnump');
export const Qwholenump = DEFSYM('wholenump');
export const Qnumberp = DEFSYM('numberp');
export const Qnumber_or_marker_p = DEFSYM('number-or-marker-p');
export const Qinteger_or_marker_p = DEFSYM('integer-or-marker-p');
export const Qfloatp = DEFSYM('floatp');
export const Qvectorp = DEFSYM('vectorp');
export const Qarrayp = DEFSYM('arrayp');
export const Qsequencep = DEFSYM('sequencep');
export const Qcharacterp = DEFSYM('characterp');
export const Qchar_or_string_p = DEFSYM('char-or-string-p');
export const Qfunctionp = DEFSYM('functionp');
export const Qhash_table_p = DEFSYM('hash-table-p');
export const Qbool_vector_p = DEFSYM('bool-vector-p');
export const Qchar_table_p = DEFSYM('char-table-p');
export const Qrecordp = DEFSYM('recordp');
export const Qplistp = DEFSYM('plistp');
export const Qkeywordp = DEFSYM('keywordp');

// Error symbols (their conditions and messages are set up in data.ts).
export const Qwrong_type_argument = DEFSYM('wrong-type-argument');
export const Qargs_out_of_range = DEFSYM('args-out-of-range');
export const Qvoid_function = DEFSYM('void-function');
export const Qvoid_variable = DEFSYM('void-variable');
export const Qsetting_constant = DEFSYM('setting-constant');
export const Qinvalid_function = DEFSYM('invalid-function');
export const Qwrong_number_of_arguments = DEFSYM('wrong-number-of-arguments');
export const Qno_catch = DEFSYM('no-catch');
export const Qend_of_file = DEFSYM('end-of-file');
export const Qinvalid_read_syntax = DEFSYM('invalid-read-syntax');
export const Qarith_error = DEFSYM('arith-error');
export const Qoverflow_error = DEFSYM('overflow-error');
export const Qrange_error = DEFSYM('range-error');
export const Qdomain_error = DEFSYM('domain-error');
export const Qsingularity_error = DEFSYM('singularity-error');
export const Qunderflow_error = DEFSYM('underflow-error');
export const Qcircular_list = DEFSYM('circular-list');
export const Qcyclic_function_indirection = DEFSYM('cyclic-function-indirection');
export const Qcyclic_variable_indirection = DEFSYM('cyclic-variable-indirection');
export const Qmemory_full = DEFSYM('memory-full');
export const Qfile_error = DEFSYM('file-error');
export const Qfile_missing = DEFSYM('file-missing');
export const Qfile_already_exists = DEFSYM('file-already-exists');
export const Qinvalid_regexp = DEFSYM('invalid-regexp');
export const Qcl_assertion_failed = DEFSYM('cl-assertion-failed');
export const Quser_error = DEFSYM('user-error');
export const Qexcessive_lisp_nesting = DEFSYM('excessive-lisp-nesting');
export const Qexcessive_variable_binding = DEFSYM('excessive-variable-binding');
export const Qwrong_length_argument = DEFSYM('wrong-length-argument');
export const Qmark_inactive = DEFSYM('mark-inactive');
