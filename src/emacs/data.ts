// Primitive operations on Lisp data: type predicates, conses, symbol cells, arrays, arithmetic, bool-vectors (GNU data.c).
//
// Integer arithmetic stays on JS numbers while the values are exact (|x| <= 2^52)
// and only falls back to BigInt when a result leaves that range; the result is
// a fixnum whenever it fits, as GNU's make_int.

import {
  MANY, MARKER_BUFFER, MARKER_CHARPOS, PVEC_BIGNUM, PVEC_BOOL_VECTOR, PVEC_BUFFER, PVEC_CHAR_TABLE, PVEC_COMPILED, PVEC_FINALIZER, PVEC_OVERLAY, PVEC_PROCESS, PVEC_WINDOW, PVEC_FRAME, PVEC_THREAD, PVEC_MUTEX, PVEC_CONDVAR,
  PVEC_HASH_TABLE, PVEC_MARKER, PVEC_NORMAL_VECTOR, PVEC_RECORD, PVEC_SUB_CHAR_TABLE, PVEC_SUBR, PVEC_USER_PTR,
  STR_DATA, STR_NBYTES, SUBR_NAME, SYM_INTERNED_IN_INITIAL_OBARRAY, SYM_INTERNED_MASK, SYM_INTERNED_SHIFT,
  SYM_NOWRITE, PVEC_TYPE_SHIFT, SYM_TRAPPED_MASK, SYM_TRAPPED_SHIFT, SYM_TRAPWRITE, BUF_LOCAL_VAR_ALIST, SYM_FWD_BOOL, SYM_FWD_INT, SYM_FWD_MASK, SYM_FWD_SHIFT,
} from '../heap/layout.ts';
import {
  Lisp_Cons, Lisp_Float, Lisp_String, Lisp_Symbol, Lisp_Vectorlike, MOST_NEGATIVE_FIXNUM, MOST_POSITIVE_FIXNUM,
  makeFixnum,
} from '../heap/tags.ts';
import { MAX_CHAR, charBytes, charLenAt, readChar, writeChar } from '../core/character.ts';
import {
  allocString, bignumValue, cons, getProp, magnitudeBits, makeBignum, makeSafeInteger, safeIntegerValue, makeFloat, makeString, pvecSize, pvecType, putProp, schars,
  sbytes, sdata, setSymbolFunction, setSymbolPlist, stringMultibyte, symbolFlags, symbolFunction, symbolName,
  symbolPlist, xcar, xcdr, xfloat, xsetcar, xsetcdr,
  stringCharToByte, stringBytesChanged, stringContentsChanged, aref as slotRef, consp, setSymbolFlags,
} from '../core/object.ts';
import type { Runtime } from '../core/runtime.ts';
import { intern } from '../core/obarray.ts';
import { argsOutOfRange, wrongTypeArgument, xsignal, xsignal1, xsignal2, xsignal3 } from '../core/signal.ts';
import { DEFINIT, DEFUN, DEFVAR } from '../core/subr.ts';
import {
  DEFSYM, Qargs_out_of_range, Qarith_error, Qarrayp, Qbool_vector_p, Qcharacterp, Qconsp,
  Qcyclic_function_indirection, Qcyclic_variable_indirection, Qdomain_error, Qend_of_file, Qerror,
  Qerror_conditions, Qerror_message, Qmark_inactive, Qfixnump, Qfunction_documentation, Qinteger_or_marker_p, Qintegerp,
  Qinvalid_function, Qinvalid_read_syntax, Qinvalid_regexp, Qlistp, Qnil, Qno_catch, Qnumber_or_marker_p, Qnumberp,
  Qoverflow_error, Qquit, Qrange_error, Qsetting_constant, Qsingularity_error, Qstringp, Qsymbolp, Qt, Qunbound,
  Qunderflow_error, Quser_error, Qvoid_function, Qvoid_variable, Qwrong_length_argument, Qwrong_number_of_arguments,
  Qwrong_type_argument, Qcircular_list, Qfile_error, Qfile_missing, Qfile_already_exists, Qautoload,
} from '../core/symbols.ts';
import {
  BLV_ALWAYS_LOCAL, BLV_BUILTIN_SHIFT, BLV_FWD_SHIFT, BLV_LOCAL_IF_SET, blvFlags, call2, currentBufferObject, defaultValue, findSymbolValue,
  hasLocalBinding, indirectVariable, isLocalized, localCell, localIfSetIn, localize, localizedValue, notifyWatchers, setDefault,
  localBindingsChanged, setInternal, setLocalBindings, subrArity, symbolValue,
} from './eval.ts';
import { charTableRef, charTableSet } from './chartab.ts';
import { floatToString } from './print.ts';
import { makeBoolVector } from './alloc.ts';
import { loadhistAttach } from './lread.ts';

// ---- symbols --------------------------------------------------------------------------------

const Qminibuffer_quit = DEFSYM('minibuffer-quit');
const Qtrapping_constant = DEFSYM('trapping-constant');
const Qbufferp = DEFSYM('bufferp');
const Qmakunbound = DEFSYM('makunbound');
const Qwatchers = DEFSYM('watchers');
const Qequal = DEFSYM('equal');
const Qbeginning_of_buffer = DEFSYM('beginning-of-buffer');
const Qend_of_buffer = DEFSYM('end-of-buffer');
const Qbuffer_read_only = DEFSYM('buffer-read-only');
const Qtext_read_only = DEFSYM('text-read-only');
export const Qinhibited_interaction = DEFSYM('inhibited-interaction');
const Qsearch_failed = DEFSYM('search-failed');
const Quser_search_failed = DEFSYM('user-search-failed');
const Qfile_date_error = DEFSYM('file-date-error');
const Qfile_notify_error = DEFSYM('file-notify-error');
const Qremote_file_error = DEFSYM('remote-file-error');
const Qcoding_system_error = DEFSYM('coding-system-error');
const Qscan_error = DEFSYM('scan-error');
const Qprotected_field = DEFSYM('protected-field');

const Qinteger = DEFSYM('integer');
const Qsymbol = DEFSYM('symbol');
const Qstring = DEFSYM('string');
const Qcons = DEFSYM('cons');
const Qfloat = DEFSYM('float');
const Qvector = DEFSYM('vector');
const Qhash_table = DEFSYM('hash-table');
const Qbool_vector = DEFSYM('bool-vector');
const Qchar_table = DEFSYM('char-table');
const Qsub_char_table = DEFSYM('sub-char-table');
const Qsubr = DEFSYM('subr');
const Qcompiled_function = DEFSYM('compiled-function');
const Qmarker = DEFSYM('marker');
const Qbuffer = DEFSYM('buffer');
const Quser_ptr = DEFSYM('user-ptr');
const Qfinalizer = DEFSYM('finalizer');
const Qrecord = DEFSYM('record');

const Qwholenump = DEFSYM('wholenump');
const Qnatnump = DEFSYM('natnump');
const Qdefalias_fset_function = DEFSYM('defalias-fset-function');
const Qdefun = DEFSYM('defun');
const Qdump_mode = DEFSYM('dump-mode');
const Qinteger_width = DEFSYM('integer-width');
const Qfloat_output_format = DEFSYM('float-output-format');

// ---- the standard errors (syms_of_data and the other C files' error symbols) --------------------

function putError(rt: Runtime, sym: number, tail: number, message: string): void {
  putProp(rt, sym, Qerror_conditions, cons(rt, sym, tail));
  putProp(rt, sym, Qerror_message, makeString(rt, message));
}

// The built-in variables that GNU keeps in a C bool or integer (DEFVAR_BOOL, DEFVAR_INT): a
// boolean stores any non-nil value as t, an integer one refuses other values (eval.ts's
// forwardedValue). Found by binding each of our built-in variables in GNU Emacs 28.2 to 5 and 5.0.
const BOOL_VARIABLES = [
  'backtrace-on-error-noninteractive', 'completion-ignore-case', 'debug-on-next-call', 'debug-on-quit',
  'debugger-may-continue', 'force-load-messages', 'garbage-collection-messages',
  'inhibit-modification-hooks', 'inhibit-x-resources', 'load-convert-to-unibyte', 'load-in-progress',
  'load-prefer-newer', 'noninteractive', 'open-paren-in-column-0-is-defun-start',
  'parse-sexp-lookup-properties', 'print-escape-control-characters', 'print-escape-multibyte',
  'print-escape-newlines', 'print-escape-nonascii', 'print-integers-as-characters', 'print-quoted',
  'undo-inhibit-record-point', 'words-include-escapes', 'display-hourglass',
];
const INT_VARIABLES = [
  'gc-cons-threshold', 'gcs-done', 'integer-width', 'max-lisp-eval-depth', 'max-specpdl-size',
  'num-nonmacro-input-events', 'pure-bytes-used', 'undo-limit', 'undo-strong-limit',
];

DEFVAR('display-hourglass', () => Qt, 'Non-nil means show a busy cursor while Emacs works (no effect in batch).');

DEFINIT((rt) => {
  const mark = (names: string[], kind: number): void => {
    for (const n of names) {
      const s = intern(rt, n);
      setSymbolFlags(rt, s, (symbolFlags(rt, s) & ~SYM_FWD_MASK) | (kind << SYM_FWD_SHIFT));
    }
  };
  mark(BOOL_VARIABLES, SYM_FWD_BOOL);
  mark(INT_VARIABLES, SYM_FWD_INT);
});

DEFINIT((rt) => {
  const errorTail = cons(rt, Qerror, Qnil);
  putProp(rt, Qerror, Qerror_conditions, errorTail);
  putProp(rt, Qerror, Qerror_message, makeString(rt, 'error'));
  putError(rt, Qquit, Qnil, 'Quit');
  putError(rt, Qminibuffer_quit, cons(rt, Qquit, Qnil), 'Quit');
  putError(rt, Quser_error, errorTail, '');
  putError(rt, Qwrong_length_argument, errorTail, 'Wrong length argument');
  putError(rt, Qwrong_type_argument, errorTail, 'Wrong type argument');
  putError(rt, Qargs_out_of_range, errorTail, 'Args out of range');
  putError(rt, Qvoid_function, errorTail, "Symbol's function definition is void");
  putError(rt, Qcyclic_function_indirection, errorTail, "Symbol's chain of function indirections contains a loop");
  putError(rt, Qcyclic_variable_indirection, errorTail, "Symbol's chain of variable indirections contains a loop");
  putError(rt, Qcircular_list, errorTail, 'List contains a loop');
  putError(rt, Qvoid_variable, errorTail, "Symbol's value as variable is void");
  putError(rt, Qsetting_constant, errorTail, 'Attempt to set a constant symbol');
  putError(rt, Qtrapping_constant, errorTail, 'Attempt to trap writes to a constant symbol');
  putError(rt, Qinvalid_read_syntax, errorTail, 'Invalid read syntax');
  putError(rt, Qinvalid_function, errorTail, 'Invalid function');
  putError(rt, Qwrong_number_of_arguments, errorTail, 'Wrong number of arguments');
  putError(rt, Qno_catch, errorTail, 'No catch for tag');
  putError(rt, Qend_of_file, errorTail, 'End of file during parsing');
  const arithTail = cons(rt, Qarith_error, errorTail);
  putProp(rt, Qarith_error, Qerror_conditions, arithTail);
  putProp(rt, Qarith_error, Qerror_message, makeString(rt, 'Arithmetic error'));
  putError(rt, Qbeginning_of_buffer, errorTail, 'Beginning of buffer');
  putError(rt, Qend_of_buffer, errorTail, 'End of buffer');
  putError(rt, Qbuffer_read_only, errorTail, 'Buffer is read-only');
  putError(rt, Qmark_inactive, errorTail, 'The mark is not active now');
  putError(rt, Qtext_read_only, cons(rt, Qbuffer_read_only, errorTail), 'Text is read-only');
  putError(rt, Qinhibited_interaction, errorTail, 'User interaction while inhibited');
  putError(rt, Qdomain_error, arithTail, 'Arithmetic domain error');
  putError(rt, Qrange_error, arithTail, 'Arithmetic range error');
  putError(rt, Qsingularity_error, cons(rt, Qdomain_error, arithTail), 'Arithmetic singularity error');
  putError(rt, Qoverflow_error, cons(rt, Qrange_error, arithTail), 'Arithmetic overflow error');
  putError(rt, Qunderflow_error, cons(rt, Qrange_error, arithTail), 'Arithmetic underflow error');
  // search.c
  putError(rt, Qsearch_failed, errorTail, 'Search failed');
  putError(rt, Quser_search_failed, list3(rt, Quser_error, Qsearch_failed, Qerror), 'Search failed');
  putError(rt, Qinvalid_regexp, errorTail, 'Invalid regexp');
  // fileio.c
  const fileTail = cons(rt, Qfile_error, errorTail);
  putError(rt, Qfile_error, errorTail, 'File error');
  putError(rt, Qfile_already_exists, fileTail, 'File already exists');
  putError(rt, Qfile_date_error, fileTail, 'Cannot set file date');
  putError(rt, Qfile_missing, fileTail, 'File is missing');
  putError(rt, Qfile_notify_error, fileTail, 'File notification error');
  putError(rt, Qremote_file_error, fileTail, 'Remote file error');
  // coding.c, syntax.c, buffer.c
  putError(rt, Qcoding_system_error, errorTail, 'Invalid coding system');
  putError(rt, Qscan_error, errorTail, 'Scan error');
  putError(rt, Qprotected_field, errorTail, 'Attempt to modify a protected field');
  // wholenump is natnump's own subr object, as in GNU.
  setSymbolFunction(rt, Qwholenump, symbolFunction(rt, Qnatnump));
});

function list3(rt: Runtime, a: number, b: number, c: number): number {
  return cons(rt, a, cons(rt, b, cons(rt, c, Qnil)));
}

// ---- type checks shared with other modules ----------------------------------------------------

const isVl = (rt: Runtime, x: number, type: number): boolean =>
  (x & 7) === Lisp_Vectorlike && rt.i32[(x & -8) >>> 2]! >>> 26 === type;
export const isBignum = (rt: Runtime, x: number): boolean => isVl(rt, x, PVEC_BIGNUM);
export const isInteger = (rt: Runtime, x: number): boolean => (x & 3) === 2 || isVl(rt, x, PVEC_BIGNUM);
export const isNumber = (rt: Runtime, x: number): boolean =>
  (x & 3) === 2 || (x & 7) === Lisp_Float || isVl(rt, x, PVEC_BIGNUM);

/** CHECK_NUMBER: signals (wrong-type-argument numberp X). */
export function checkNumber(rt: Runtime, x: number): number {
  if (!isNumber(rt, x)) wrongTypeArgument(rt, Qnumberp, x);
  return x;
}
/** CHECK_FIXNUM: the JS value of a fixnum, else (wrong-type-argument fixnump X). */
export function checkFixnum(rt: Runtime, x: number): number {
  if ((x & 3) !== 2) wrongTypeArgument(rt, Qfixnump, x);
  return x >> 2;
}
/** CHECK_INTEGER: signals (wrong-type-argument integerp X). */
export function checkInteger(rt: Runtime, x: number): number {
  if (!isInteger(rt, x)) wrongTypeArgument(rt, Qintegerp, x);
  return x;
}
/**
 * A marker argument of arithmetic as its position, as GNU's CHECK_NUMBER_COERCE_MARKER; a marker
 * that points nowhere is an error. Anything else is given back as it is.
 */
export function coerceMarker(rt: Runtime, x: number): number {
  if ((x & 7) !== Lisp_Vectorlike || !isVl(rt, x, PVEC_MARKER)) return x;
  const wi = ((x & -8) >>> 2) + 1;
  if (rt.i32[wi + MARKER_BUFFER] === Qnil) xsignal(Qerror, cons(rt, makeString(rt, 'Marker does not point anywhere'), Qnil));
  return rt.i32[wi + MARKER_CHARPOS]!;
}
/** The arguments with each marker replaced by its position (a copy only when there is one). */
function coerceMarkers(rt: Runtime, args: number[]): number[] {
  for (let i = 0; i < args.length; i++) {
    const x = args[i]!;
    if ((x & 7) === Lisp_Vectorlike && isVl(rt, x, PVEC_MARKER)) return args.map((a) => coerceMarker(rt, a));
  }
  return args;
}
/** CHECK_NUMBER_COERCE_MARKER's check (callers coerce markers first). */
function checkNumberOrMarker(rt: Runtime, x: number): number {
  if (!isNumber(rt, x)) wrongTypeArgument(rt, Qnumber_or_marker_p, x);
  return x;
}
function checkIntegerOrMarker(rt: Runtime, x: number): number {
  if (!isInteger(rt, x)) wrongTypeArgument(rt, Qinteger_or_marker_p, x);
  return x;
}
/** A Lisp number as a JS double (GNU's XFLOATINT); the caller has checked it is a number. */
export function numberValue(rt: Runtime, x: number): number {
  if ((x & 3) === 2) return x >> 2;
  if ((x & 7) === Lisp_Float) return rt.f64[(x & -8) >>> 3]!;
  return Number(bignumValue(rt, x));
}
/** A Lisp integer as a bigint. */
export const bigValue = (rt: Runtime, x: number): bigint => ((x & 3) === 2 ? BigInt(x >> 2) : bignumValue(rt, x));

const BIG_FIX_MAX = BigInt(MOST_POSITIVE_FIXNUM);
const BIG_FIX_MIN = BigInt(MOST_NEGATIVE_FIXNUM);
const BIG_128 = 1n << 128n;
const NEG_BIG_128 = -BIG_128;

/** Bits needed for the magnitude of n (GNU's mpz_sizeinbase (n, 2)). */
export function bigBitLength(n: bigint): number {
  if (n < 0n) n = -n;
  if (n === 0n) return 1;
  return magnitudeBits(n);
}

function integerWidth(rt: Runtime): number {
  const w = findSymbolValue(rt, Qinteger_width);
  return (w & 3) === 2 ? w >> 2 : (w & 7) === Lisp_Vectorlike ? Infinity : 0;
}

/** Signal overflow-error when n, at least 2^128 in magnitude, needs more than `integer-width' bits. */
function checkBigWidth(rt: Runtime, n: bigint, bound: number): void {
  const w = integerWidth(rt);
  // A bound within the width settles it without touching n (cutting n to w bits copies it).
  if (w === Infinity || (bound > 0 && bound <= w)) return;
  if (w <= 128) xsignal(Qoverflow_error, Qnil);
  // |n| < 2^w exactly when cutting it to w bits leaves it unchanged: no need to count its bits.
  const mag = n < 0n ? -n : n;
  if (BigInt.asUintN(w, mag) !== mag) xsignal(Qoverflow_error, Qnil);
}

/**
 * A Lisp integer for a bigint, signalling overflow-error past `integer-width' bits as GNU's
 * make_integer_mpz. BOUND, if not 0, is a number of bits |n| is known not to exceed.
 */
export function makeBigInteger(rt: Runtime, n: bigint, bound = 0): number {
  if (n >= BIG_FIX_MIN && n <= BIG_FIX_MAX) return makeFixnum(Number(n));
  if (n >= BIG_128 || n <= NEG_BIG_128) checkBigWidth(rt, n, bound);
  return makeBignum(rt, n, bound);
}
/** A Lisp integer for an exact JS integer. */
export function makeInt(rt: Runtime, n: number): number {
  if (n >= MOST_NEGATIVE_FIXNUM && n <= MOST_POSITIVE_FIXNUM) return makeFixnum(n);
  return makeBignum(rt, BigInt(n));
}

/** Raise overflow-error early when a result would need more than `integer-width' bits. */
export function checkResultBits(rt: Runtime, bits: number): void {
  if (bits > 128 && bits > integerWidth(rt)) xsignal(Qoverflow_error, Qnil);
}

// NaNs made from non-NaN operands carry the sign x86 gives them, so results print as GNU's do.
const nanBuf = new Float64Array(1);
const nanHi = new Int32Array(nanBuf.buffer);
export const NEG_NAN: number = (() => {
  nanHi[0] = 0;
  nanHi[1] = 0xfff80000 | 0;
  return nanBuf[0]!;
})();
export const POS_NAN: number = (() => {
  nanHi[0] = 0;
  nanHi[1] = 0x7ff80000;
  return nanBuf[0]!;
})();

// ---- type predicates -------------------------------------------------------------------------

const bool = (b: boolean): number => (b ? Qt : Qnil);

DEFUN('eq', 2, 2, 'Tell whether the two arguments are one and the same Lisp object.', (rt, a: number, b: number) => bool(a === b));
DEFUN('null', 1, 1, 'Give t when OBJECT is nil and nil for anything else.', (rt, x: number) => bool(x === Qnil));

/** GNU's Ftype_of. */
export function typeOf(rt: Runtime, x: number): number {
  switch (x & 7) {
    case Lisp_Symbol: return Qsymbol;
    case Lisp_Cons: return Qcons;
    case Lisp_String: return Qstring;
    case Lisp_Float: return Qfloat;
    case Lisp_Vectorlike:
      break;
    default:
      return Qinteger;
  }
  switch (pvecType(rt, x)) {
    case PVEC_NORMAL_VECTOR: return Qvector;
    case PVEC_RECORD: {
      const t = rt.i32[((x & -8) >>> 2) + 1]!;
      // An EIEIO class object names its type in slot 1.
      if (isVl(rt, t, PVEC_RECORD) && pvecSize(rt, t) > 1) return rt.i32[((t & -8) >>> 2) + 2]!;
      return t;
    }
    case PVEC_HASH_TABLE: return Qhash_table;
    case PVEC_BOOL_VECTOR: return Qbool_vector;
    case PVEC_CHAR_TABLE: return Qchar_table;
    case PVEC_SUB_CHAR_TABLE: return Qsub_char_table;
    case PVEC_SUBR: return Qsubr;
    case PVEC_BIGNUM: return Qinteger;
    case PVEC_USER_PTR: return Quser_ptr;
    case PVEC_FINALIZER: return Qfinalizer;
    case PVEC_COMPILED: return Qcompiled_function;
    case PVEC_MARKER: return Qmarker;
    case PVEC_BUFFER: return Qbuffer;
    case PVEC_OVERLAY: return Qoverlay;
    case PVEC_PROCESS: return Qprocess;
    case PVEC_WINDOW: return Qwindow;
    case PVEC_FRAME: return Qframe;
    case PVEC_THREAD: return Qthread;
    case PVEC_MUTEX: return Qmutex;
    case PVEC_CONDVAR: return Qcondition_variable;
    default: return Qrecord;
  }
}
const Qoverlay = DEFSYM('overlay');
const Qprocess = DEFSYM('process');
const Qwindow = DEFSYM('window');
const Qframe = DEFSYM('frame');
const Qthread = DEFSYM('thread');
const Qmutex = DEFSYM('mutex');
const Qcondition_variable = DEFSYM('condition-variable');
DEFUN('type-of', 1, 1, 'Name the type of OBJECT with a symbol; a record is named by its type slot.', typeOf);

DEFUN('consp', 1, 1, 'Give t when OBJECT is a cons cell, nil otherwise.', (rt, x: number) => bool((x & 7) === Lisp_Cons));
DEFUN('atom', 1, 1, 'Give t when OBJECT is anything but a cons cell.', (rt, x: number) => bool((x & 7) !== Lisp_Cons));
DEFUN('listp', 1, 1, 'Give t when OBJECT is nil or a cons cell, the two kinds of list.', (rt, x: number) =>
  bool(x === Qnil || (x & 7) === Lisp_Cons));
DEFUN('nlistp', 1, 1, 'Give t when OBJECT is neither nil nor a cons cell.', (rt, x: number) => bool(x !== Qnil && (x & 7) !== Lisp_Cons));
DEFUN('symbolp', 1, 1, 'Give t when OBJECT is a symbol, nil otherwise.', (rt, x: number) => bool((x & 7) === Lisp_Symbol));

/** GNU's keywordp: an interned-in-obarray symbol whose name starts with a colon. */
export function keywordp(rt: Runtime, x: number): boolean {
  if ((x & 7) !== Lisp_Symbol) return false;
  const name = symbolName(rt, x);
  if (sbytes(rt, name) === 0 || rt.u8[sdata(rt, name)] !== 0x3a) return false;
  return ((symbolFlags(rt, x) & SYM_INTERNED_MASK) >> SYM_INTERNED_SHIFT) === SYM_INTERNED_IN_INITIAL_OBARRAY;
}
DEFUN('keywordp', 1, 1, 'Give t when OBJECT is a keyword: a symbol of the standard obarray whose name starts with a colon.',
  (rt, x: number) => bool(keywordp(rt, x)));
DEFUN('stringp', 1, 1, 'Give t when OBJECT is a string, nil otherwise.', (rt, x: number) => bool((x & 7) === Lisp_String));
DEFUN('multibyte-string-p', 1, 1, 'Give t when OBJECT is a string stored as multibyte text.', (rt, x: number) =>
  bool((x & 7) === Lisp_String && stringMultibyte(rt, x)));
DEFUN('vectorp', 1, 1, 'Give t when OBJECT is a vector, nil otherwise.', (rt, x: number) => bool(isVl(rt, x, PVEC_NORMAL_VECTOR)));
DEFUN('recordp', 1, 1, 'Give t when OBJECT is a record, nil otherwise.', (rt, x: number) => bool(isVl(rt, x, PVEC_RECORD)));
DEFUN('char-table-p', 1, 1, 'Give t when OBJECT is a char-table, nil otherwise.', (rt, x: number) => bool(isVl(rt, x, PVEC_CHAR_TABLE)));
DEFUN('vector-or-char-table-p', 1, 1, 'Give t when OBJECT is either a vector or a char-table.', (rt, x: number) =>
  bool(isVl(rt, x, PVEC_NORMAL_VECTOR) || isVl(rt, x, PVEC_CHAR_TABLE)));
DEFUN('bool-vector-p', 1, 1, 'Give t when OBJECT is a bool-vector, nil otherwise.', (rt, x: number) => bool(isVl(rt, x, PVEC_BOOL_VECTOR)));

/** GNU's ARRAYP: vector, string, char-table or bool-vector. */
export function arrayp(rt: Runtime, x: number): boolean {
  if ((x & 7) === Lisp_String) return true;
  if ((x & 7) !== Lisp_Vectorlike) return false;
  const t = pvecType(rt, x);
  return t === PVEC_NORMAL_VECTOR || t === PVEC_BOOL_VECTOR || t === PVEC_CHAR_TABLE;
}
DEFUN('arrayp', 1, 1, 'Give t when OBJECT is an array of any kind: string, vector, char-table or bool-vector.', (rt, x: number) =>
  bool(arrayp(rt, x)));
DEFUN('sequencep', 1, 1, 'Give t when OBJECT is a list or an array.', (rt, x: number) =>
  bool(x === Qnil || (x & 7) === Lisp_Cons || arrayp(rt, x)));
DEFUN('bufferp', 1, 1, 'Give t when OBJECT is a buffer, nil otherwise.', (rt, x: number) => bool(isVl(rt, x, PVEC_BUFFER)));
DEFUN('markerp', 1, 1, 'Give t when OBJECT is a marker, nil otherwise.', (rt, x: number) => bool(isVl(rt, x, PVEC_MARKER)));
DEFUN('user-ptrp', 1, 1, 'Give t when OBJECT is a user pointer from a module, nil otherwise.', (rt, x: number) => bool(isVl(rt, x, PVEC_USER_PTR)));
const Qsubrp = DEFSYM('subrp');
DEFUN('subr-type', 1, 1, 'Give the type a natively compiled SUBR was declared with; nil for a primitive, none of which are native code here.', (rt, x: number) => {
  if (!isVl(rt, x, PVEC_SUBR)) wrongTypeArgument(rt, Qsubrp, x);
  return Qnil;
});

DEFUN('subrp', 1, 1, 'Give t when OBJECT is a primitive function built into the runtime.', (rt, x: number) => bool(isVl(rt, x, PVEC_SUBR)));
DEFUN('byte-code-function-p', 1, 1, 'Give t when OBJECT is a compiled function object.', (rt, x: number) =>
  bool(isVl(rt, x, PVEC_COMPILED)));
// No dynamic modules exist here, so nothing is a module function.
DEFUN('module-function-p', 1, 1, 'Give t when OBJECT is a function provided by a dynamic module.', () => Qnil);
DEFUN('threadp', 1, 1, 'Give t when OBJECT is a thread object, nil otherwise.', (rt, x: number) => bool(isVl(rt, x, PVEC_THREAD)));
DEFUN('mutexp', 1, 1, 'Give t when OBJECT is a mutex object, nil otherwise.', (rt, x: number) => bool(isVl(rt, x, PVEC_MUTEX)));
DEFUN('condition-variable-p', 1, 1, 'Give t when OBJECT is a condition variable object, nil otherwise.', (rt, x: number) =>
  bool(isVl(rt, x, PVEC_CONDVAR)));
DEFUN('char-or-string-p', 1, 1, 'Give t when OBJECT is either a character code or a string.', (rt, x: number) =>
  bool((x & 7) === Lisp_String || ((x & 3) === 2 && x >> 2 >= 0 && x >> 2 <= MAX_CHAR)));
DEFUN('integerp', 1, 1, 'Give t when OBJECT is an integer, fixnum or bignum.', (rt, x: number) => bool(isInteger(rt, x)));
DEFUN('integer-or-marker-p', 1, 1, 'Give t when OBJECT is an integer or a marker.', (rt, x: number) =>
  bool(isInteger(rt, x) || isVl(rt, x, PVEC_MARKER)));
DEFUN('natnump', 1, 1, 'Give t when OBJECT is an integer no less than zero.', (rt, x: number) =>
  bool((x & 3) === 2 ? x >= 0 : isVl(rt, x, PVEC_BIGNUM) && bignumValue(rt, x) > 0n));
DEFUN('numberp', 1, 1, 'Give t when OBJECT is an integer or a float.', (rt, x: number) => bool(isNumber(rt, x)));
DEFUN('number-or-marker-p', 1, 1, 'Give t when OBJECT is a number or a marker.', (rt, x: number) =>
  bool(isNumber(rt, x) || isVl(rt, x, PVEC_MARKER)));
DEFUN('floatp', 1, 1, 'Give t when OBJECT is a floating-point number.', (rt, x: number) => bool((x & 7) === Lisp_Float));

// ---- conses ------------------------------------------------------------------------------------

export function car(rt: Runtime, x: number): number {
  if ((x & 7) === Lisp_Cons) return rt.i32[(x & -8) >>> 2]!;
  if (x !== Qnil) wrongTypeArgument(rt, Qlistp, x);
  return Qnil;
}
export function cdr(rt: Runtime, x: number): number {
  if ((x & 7) === Lisp_Cons) return rt.i32[((x & -8) >>> 2) + 1]!;
  if (x !== Qnil) wrongTypeArgument(rt, Qlistp, x);
  return Qnil;
}
DEFUN('car', 1, 1, 'Give the first half of the cons LIST, or nil when LIST is nil.', car);
DEFUN('cdr', 1, 1, 'Give the second half of the cons LIST, or nil when LIST is nil.', cdr);
DEFUN('car-safe', 1, 1, 'Give the car of OBJECT when it is a cons cell, and nil for any other object.', (rt, x: number) =>
  (x & 7) === Lisp_Cons ? xcar(rt, x) : Qnil);
DEFUN('cdr-safe', 1, 1, 'Give the cdr of OBJECT when it is a cons cell, and nil for any other object.', (rt, x: number) =>
  (x & 7) === Lisp_Cons ? xcdr(rt, x) : Qnil);
DEFUN('setcar', 2, 2, 'Replace the car of the cons CELL with NEWCAR, and give NEWCAR.', (rt, c: number, v: number) => {
  if ((c & 7) !== Lisp_Cons) wrongTypeArgument(rt, Qconsp, c);
  xsetcar(rt, c, v);
  return v;
});
DEFUN('setcdr', 2, 2, 'Replace the cdr of the cons CELL with NEWCDR, and give NEWCDR.', (rt, c: number, v: number) => {
  if ((c & 7) !== Lisp_Cons) wrongTypeArgument(rt, Qconsp, c);
  xsetcdr(rt, c, v);
  return v;
});

// ---- symbol cells ----------------------------------------------------------------------------

const checkSymbol = (rt: Runtime, x: number): void => {
  if ((x & 7) !== Lisp_Symbol) wrongTypeArgument(rt, Qsymbolp, x);
};
const isConstant = (rt: Runtime, s: number): boolean =>
  ((symbolFlags(rt, s) & SYM_TRAPPED_MASK) >> SYM_TRAPPED_SHIFT) === SYM_NOWRITE;

DEFUN('boundp', 1, 1, 'Tell whether SYMBOL currently has a value as a variable.', (rt, s: number) => {
  checkSymbol(rt, s);
  return bool(findSymbolValue(rt, s) !== Qunbound);
});
DEFUN('fboundp', 1, 1, 'Tell whether SYMBOL\'s function cell holds something other than nil.', (rt, s: number) => {
  checkSymbol(rt, s);
  return bool(symbolFunction(rt, s) !== Qnil);
});
DEFUN('makunbound', 1, 1, 'Leave SYMBOL without a value, so that reading it as a variable signals; give SYMBOL.', (rt, s: number) => {
  checkSymbol(rt, s);
  if (isConstant(rt, s)) xsignal1(rt, Qsetting_constant, s);
  setInternal(rt, s, Qunbound);
  return s;
});
DEFUN('fmakunbound', 1, 1, 'Leave SYMBOL without a function definition; give SYMBOL.', (rt, s: number) => {
  checkSymbol(rt, s);
  if (s === Qnil || s === Qt) xsignal1(rt, Qsetting_constant, s);
  setSymbolFunction(rt, s, Qnil);
  return s;
});
DEFUN('symbol-function', 1, 1, 'Give the contents of SYMBOL\'s function cell, nil when it is empty.', (rt, s: number) => {
  checkSymbol(rt, s);
  return symbolFunction(rt, s);
});
DEFUN('symbol-plist', 1, 1, 'Give the property list stored in SYMBOL.', (rt, s: number) => {
  checkSymbol(rt, s);
  return symbolPlist(rt, s);
});
DEFUN('symbol-name', 1, 1, 'Give the name of SYMBOL as a string.', (rt, s: number) => {
  checkSymbol(rt, s);
  return symbolName(rt, s);
});

/** GNU's Ffset. */
export function fset(rt: Runtime, s: number, def: number): number {
  checkSymbol(rt, s);
  if (s === Qnil && def !== Qnil) xsignal1(rt, Qsetting_constant, s);
  const old = symbolFunction(rt, s);
  if ((old & 7) === Lisp_Cons && xcar(rt, old) === Qautoload) putProp(rt, s, Qautoload, xcdr(rt, old));
  setSymbolFunction(rt, s, def);
  return def;
}
DEFUN('fset', 2, 2, 'Store DEFINITION in SYMBOL\'s function cell and give DEFINITION.', fset);

DEFUN('defalias', 2, 3, 'Define SYMBOL as the function DEFINITION and note the definition in the load history.\nWhen SYMBOL has a `defalias-fset-function\' property, that function does the storing instead of `fset\'. DOCSTRING, when given, goes to the `function-documentation\' property. The value is SYMBOL.',
(rt, s: number, def: number, doc: number) => {
  checkSymbol(rt, s);
  const autoload = (def & 7) === Lisp_Cons && xcar(rt, def) === Qautoload;
  if (!autoload || findSymbolValue(rt, Qdump_mode) === Qnil || findSymbolValue(rt, Qdump_mode) === Qunbound) {
    const old = symbolFunction(rt, s);
    if ((old & 7) === Lisp_Cons && xcar(rt, old) === Qautoload) loadhistAttach(rt, cons(rt, Qt, s));
    loadhistAttach(rt, cons(rt, autoload ? Qautoload : Qdefun, s));
  }
  const hook = getProp(rt, s, Qdefalias_fset_function);
  if (hook !== Qnil) {
    const sp = rt.sp;
    rt.push(s);
    rt.push(doc);
    try {
      call2(rt, hook, s, def);
    } finally {
      rt.sp = sp;
    }
  } else fset(rt, s, def);
  if (doc !== Qnil) putProp(rt, s, Qfunction_documentation, doc);
  return s;
});

DEFUN('setplist', 2, 2, 'Make NEWPLIST the property list of SYMBOL, and give NEWPLIST.', (rt, s: number, p: number) => {
  checkSymbol(rt, s);
  setSymbolPlist(rt, s, p);
  return p;
});

DEFUN('indirect-variable', 1, 1, 'Follow the chain of variable aliases from OBJECT and give the variable it ends at.', (rt, x: number) =>
  (x & 7) === Lisp_Symbol ? indirectVariable(rt, x) : x);

DEFUN('indirect-function', 1, 2, 'Follow the chain of symbols from OBJECT through function cells and give the definition it ends at.\nThe value is nil when the chain ends at a symbol with no definition.', (rt, object: number) => {
  let result = object;
  if ((result & 7) === Lisp_Symbol && result !== Qnil) {
    result = symbolFunction(rt, result);
    if ((result & 7) === Lisp_Symbol) {
      // Tortoise and hare, as GNU's indirect_function, so a cycle reports the same symbol.
      const start = result;
      let hare = result;
      let tortoise = result;
      for (;;) {
        if ((hare & 7) !== Lisp_Symbol || hare === Qnil) break;
        hare = symbolFunction(rt, hare);
        if ((hare & 7) !== Lisp_Symbol || hare === Qnil) break;
        hare = symbolFunction(rt, hare);
        tortoise = symbolFunction(rt, tortoise);
        if (hare === tortoise) xsignal1(rt, Qcyclic_function_indirection, start);
      }
      result = hare;
    }
  }
  return result;
});

DEFUN('symbol-value', 1, 1, 'Give the current value of the variable SYMBOL; signal `void-variable\' if it has none.', (rt, s: number) => {
  checkSymbol(rt, s);
  return symbolValue(rt, s);
});

DEFUN('set', 2, 2, 'Give the variable SYMBOL the value NEWVAL, and give NEWVAL.', (rt, s: number, v: number) => {
  checkSymbol(rt, s);
  // A keyword may be "set" to itself (GNU's set_internal).
  if (v === s && keywordp(rt, s)) return v;
  setInternal(rt, s, v);
  return v;
});

DEFUN('default-boundp', 1, 1, 'Tell whether SYMBOL has a default value, the one seen where no local value applies.', (rt, s: number) => {
  checkSymbol(rt, s);
  return bool(defaultValue(rt, s) !== Qunbound);
});
DEFUN('default-value', 1, 1, 'Give SYMBOL\'s default value, the one seen where no local value applies.',
  (rt, s: number) => {
    checkSymbol(rt, s);
    const v = defaultValue(rt, s);
    if (v === Qunbound) xsignal1(rt, Qvoid_variable, s);
    return v;
  });
DEFUN('set-default', 2, 2, 'Make VALUE the default value of SYMBOL, and give VALUE.', (rt, s: number, v: number) => {
  checkSymbol(rt, s);
  if (v === s && keywordp(rt, s)) return v;
  setDefault(rt, s, v);
  return v;
});

// ---- buffer-local variables (the record and the lookups are in eval.ts) ------------------------

/** BUFFER, or the current buffer when it is nil; anything else is a wrong-type-argument. */
function bufferArg(rt: Runtime, b: number): number {
  if (b === Qnil) return currentBufferObject(rt);
  if (!isVl(rt, b, PVEC_BUFFER)) wrongTypeArgument(rt, Qbufferp, b);
  return b;
}

function checkLocalizable(rt: Runtime, variable: number): number {
  checkSymbol(rt, variable);
  const s = indirectVariable(rt, variable);
  if (isConstant(rt, s)) xsignal1(rt, Qsetting_constant, variable);
  return s;
}

DEFUN('make-variable-buffer-local', 1, 1, 'Make VARIABLE get a buffer-local value in whichever buffer it is set in from now on, and give VARIABLE.\nA void VARIABLE gets the default value nil first. `let\' still binds the default value where the variable is not local yet.', (rt, variable: number) => {
  const s = checkLocalizable(rt, variable);
  if (defaultValue(rt, s) === Qunbound) setDefault(rt, s, Qnil);
  localize(rt, s, BLV_LOCAL_IF_SET);
  return variable;
}, 'vMake Variable Buffer Local: ');

DEFUN('make-local-variable', 1, 1, 'Give VARIABLE a value of its own in the current buffer, starting as its default value, and give VARIABLE.\nOther buffers go on seeing the default value; a void VARIABLE has a void local binding.', (rt, variable: number) => {
  const s = checkLocalizable(rt, variable);
  const buf = currentBufferObject(rt);
  if (isLocalized(rt, s) && (blvFlags(rt, s) & BLV_LOCAL_IF_SET) !== 0) {
    // As GNU: set to the value it has, which makes the binding unless a let of the default made
    // here is in force; watchers see that set, even when the binding was there already.
    setInternal(rt, s, findSymbolValue(rt, s));
    return s;
  }
  if (!isLocalized(rt, s)) localize(rt, s, 0);
  if (buf !== Qnil && !hasLocalBinding(rt, s, buf))
    setLocalBindings(rt, buf, cons(rt, cons(rt, s, defaultValue(rt, s)), slotRef(rt, buf, BUF_LOCAL_VAR_ALIST)));
  return s;
}, 'vMake Local Variable: ');

DEFUN('kill-local-variable', 1, 1, 'Drop the current buffer\'s own value of VARIABLE, so that the default value shows again there; give VARIABLE.\nThe built-in variables every buffer has its own value of keep theirs.', (rt, variable: number) => {
  checkSymbol(rt, variable);
  const s = indirectVariable(rt, variable);
  const buf = currentBufferObject(rt);
  if (!isLocalized(rt, s) || buf === Qnil || (blvFlags(rt, s) >>> BLV_FWD_SHIFT) !== 0 || (blvFlags(rt, s) & BLV_ALWAYS_LOCAL) !== 0) return s;
  if (localCell(rt, s, buf) === Qnil) return s;
  // GNU tells watchers of an ordinary variable's binding going; its own slots go silently.
  if (((blvFlags(rt, s) >>> BLV_BUILTIN_SHIFT) & 0xff) === 0 &&
    ((symbolFlags(rt, s) & SYM_TRAPPED_MASK) >> SYM_TRAPPED_SHIFT) === SYM_TRAPWRITE) notifyWatchers(rt, s, Qnil, Qmakunbound, buf);
  dropLocalBinding(rt, s, buf);
  return s;
}, 'vKill Local Variable: ');

/** Take SYM's binding out of BUF's local bindings. */
export function dropLocalBinding(rt: Runtime, sym: number, buf: number): void {
  let prev = Qnil;
  for (let l = slotRef(rt, buf, BUF_LOCAL_VAR_ALIST); consp(l); prev = l, l = xcdr(rt, l)) {
    if (xcar(rt, xcar(rt, l)) !== sym) continue;
    if (prev === Qnil) setLocalBindings(rt, buf, xcdr(rt, l));
    else {
      xsetcdr(rt, prev, xcdr(rt, l));
      localBindingsChanged(rt);
    }
    return;
  }
}

DEFUN('local-variable-p', 1, 2, 'Tell whether VARIABLE has a value of its own in BUFFER (the current buffer when nil).', (rt, variable: number, buffer: number) => {
  // GNU looks at BUFFER before VARIABLE: a bad buffer is the error even when both are bad.
  const buf = bufferArg(rt, buffer);
  checkSymbol(rt, variable);
  const s = indirectVariable(rt, variable);
  return bool(isLocalized(rt, s) && hasLocalBinding(rt, s, buf));
});

DEFUN('variable-binding-locus', 1, 1, 'Give the buffer where VARIABLE\'s binding in force lives, when it is the current buffer\'s own value; nil for the default value or a binding of no buffer.', (rt, variable: number) => {
  checkSymbol(rt, variable);
  const buf = bufferArg(rt, Qnil);
  const s = indirectVariable(rt, variable);
  return isLocalized(rt, s) && hasLocalBinding(rt, s, buf) ? buf : Qnil;
});

DEFUN('local-variable-if-set-p', 1, 2, 'Tell whether VARIABLE would have a value of its own in BUFFER (the current buffer when nil) once set there: it has one, or it becomes local whenever it is set.', (rt, variable: number, buffer: number) => {
  checkSymbol(rt, variable);
  // A variable that is never buffer-local answers nil whatever BUFFER is, as in GNU.
  if (!isLocalized(rt, indirectVariable(rt, variable))) return Qnil;
  return bool(localIfSetIn(rt, variable, bufferArg(rt, buffer)));
});

DEFUN('buffer-local-value', 2, 2, 'Give the value VARIABLE has in BUFFER: its own value there, or else the default value.', (rt, variable: number, buffer: number) => {
  checkSymbol(rt, variable);
  if (!isVl(rt, buffer, PVEC_BUFFER)) wrongTypeArgument(rt, Qbufferp, buffer);
  const s = indirectVariable(rt, variable);
  const v = isLocalized(rt, s) ? localizedValue(rt, s, buffer) : findSymbolValue(rt, s);
  if (v === Qunbound) xsignal1(rt, Qvoid_variable, variable);
  return v;
});

// ---- variable watchers ---------------------------------------------------------------------------

DEFUN('add-variable-watcher', 2, 2, 'Have WATCH-FUNCTION called before each change of SYMBOL\'s value, with SYMBOL, the new value, the operation (set, let, unlet, makunbound or defvaralias) and the buffer of a buffer-local change (else nil).', (rt, symbol: number, fn: number) => {
  checkSymbol(rt, symbol);
  const s = indirectVariable(rt, symbol);
  if (isConstant(rt, s)) xsignal1(rt, Qtrapping_constant, symbol);
  const sp = rt.sp;
  rt.push(fn);
  const watchers = getProp(rt, s, Qwatchers);
  rt.push(watchers);
  let member = false;
  for (let l = watchers; consp(l) && !member; l = xcdr(rt, l)) member = call2(rt, Qequal, fn, xcar(rt, l)) !== Qnil;
  if (!member) putProp(rt, s, Qwatchers, cons(rt, fn, getProp(rt, s, Qwatchers)));
  rt.sp = sp;
  setSymbolFlags(rt, s, (symbolFlags(rt, s) & ~SYM_TRAPPED_MASK) | (SYM_TRAPWRITE << SYM_TRAPPED_SHIFT));
  return Qnil;
});

DEFUN('remove-variable-watcher', 2, 2, 'Stop calling WATCH-FUNCTION when SYMBOL changes.', (rt, symbol: number, fn: number) => {
  checkSymbol(rt, symbol);
  const s = indirectVariable(rt, symbol);
  const sp = rt.sp;
  rt.push(fn);
  const kept: number[] = [];
  for (let l = getProp(rt, s, Qwatchers); consp(l); l = xcdr(rt, l)) {
    const w = xcar(rt, l);
    rt.push(w);
    if (call2(rt, Qequal, fn, w) === Qnil) kept.push(w);
  }
  let watchers = Qnil;
  for (let i = kept.length - 1; i >= 0; i--) watchers = cons(rt, kept[i]!, watchers);
  rt.sp = sp;
  putProp(rt, s, Qwatchers, watchers);
  if (watchers === Qnil && ((symbolFlags(rt, s) & SYM_TRAPPED_MASK) >> SYM_TRAPPED_SHIFT) === SYM_TRAPWRITE)
    setSymbolFlags(rt, s, symbolFlags(rt, s) & ~SYM_TRAPPED_MASK);
  return Qnil;
});

DEFUN('get-variable-watchers', 1, 1, 'Give the list of functions watching SYMBOL\'s changes.', (rt, symbol: number) => {
  // GNU answers nil for a non-symbol rather than signalling.
  if ((symbol & 7) !== Lisp_Symbol) return Qnil;
  const s = indirectVariable(rt, symbol);
  return ((symbolFlags(rt, s) & SYM_TRAPPED_MASK) >> SYM_TRAPPED_SHIFT) === SYM_TRAPWRITE ? getProp(rt, s, Qwatchers) : Qnil;
});

// ---- subrs ---------------------------------------------------------------------------------------

const checkSubr = (rt: Runtime, x: number): void => {
  if (!isVl(rt, x, PVEC_SUBR)) wrongTypeArgument(rt, DEFSYM('subrp'), x);
};
DEFUN('subr-arity', 1, 1, 'Give the numbers of arguments the primitive SUBR accepts, as (MIN . MAX); MAX is `many\' or `unevalled\' when it has no fixed limit.', (rt, s: number) => {
  checkSubr(rt, s);
  return subrArity(rt, s);
});
DEFUN('subr-name', 1, 1, 'Give the Lisp name of the primitive SUBR as a string.', (rt, s: number) => {
  checkSubr(rt, s);
  return makeString(rt, symbolNameJs(rt, rt.i32[((s & -8) >>> 2) + 1 + SUBR_NAME]!));
});
function symbolNameJs(rt: Runtime, s: number): string {
  const n = symbolName(rt, s);
  return new TextDecoder().decode(rt.u8.subarray(sdata(rt, n), sdata(rt, n) + sbytes(rt, n)));
}
// No native compiler: no subr is native code.
DEFUN('subr-native-elisp-p', 1, 1, 'Give t when OBJECT is a natively compiled function; tsmacs has none, so nil.', () => Qnil);
DEFUN('byteorder', 0, 0, 'Tell how the host orders the bytes of a word: ?B for most significant first, ?l for least significant first.', () => {
  const probe = new Uint8Array(new Uint16Array([1]).buffer);
  return makeFixnum(probe[0] === 1 ? 108 : 66);
});

// ---- arrays -----------------------------------------------------------------------------------------

export function boolVectorSize(rt: Runtime, bv: number): number {
  return rt.i32[((bv & -8) >>> 2) + 1]! >> 2;
}
export function boolVectorRef(rt: Runtime, bv: number, i: number): boolean {
  return ((rt.i32[((bv & -8) >>> 2) + 2 + (i >>> 5)]! >>> (i & 31)) & 1) !== 0;
}
export function boolVectorSet(rt: Runtime, bv: number, i: number, on: boolean): void {
  const w = ((bv & -8) >>> 2) + 2 + (i >>> 5);
  if (on) rt.i32[w]! |= 1 << (i & 31);
  else rt.i32[w]! &= ~(1 << (i & 31));
}

export function aref(rt: Runtime, array: number, idx: number): number {
  const i = checkFixnum(rt, idx);
  const tag = array & 7;
  if (tag === Lisp_String) {
    if (i < 0 || i >= schars(rt, array)) argsOutOfRange(rt, array, idx);
    const d = sdata(rt, array);
    if (!stringMultibyte(rt, array)) return makeFixnum(rt.u8[d + i]!);
    return makeFixnum(readChar(rt.u8, d + stringCharToByte(rt, array, i)));
  }
  if (tag === Lisp_Vectorlike) {
    const type = pvecType(rt, array);
    if (type === PVEC_BOOL_VECTOR) {
      if (i < 0 || i >= boolVectorSize(rt, array)) argsOutOfRange(rt, array, idx);
      return bool(boolVectorRef(rt, array, i));
    }
    if (type === PVEC_CHAR_TABLE) {
      if (i < 0 || i > MAX_CHAR) wrongTypeArgument(rt, Qcharacterp, idx);
      return charTableRef(rt, array, i);
    }
    if (type === PVEC_NORMAL_VECTOR || type === PVEC_RECORD || type === PVEC_COMPILED) {
      if (i < 0 || i >= pvecSize(rt, array)) argsOutOfRange(rt, array, idx);
      return rt.i32[((array & -8) >>> 2) + 1 + i]!;
    }
  }
  return wrongTypeArgument(rt, Qarrayp, array);
}
DEFUN('aref', 2, 2, 'Give the element of ARRAY at index IDX, counting from 0.', aref);

export function aset(rt: Runtime, array: number, idx: number, v: number): number {
  const i = checkFixnum(rt, idx);
  const tag = array & 7;
  if (tag === Lisp_Vectorlike) {
    const type = pvecType(rt, array);
    if (type === PVEC_NORMAL_VECTOR || type === PVEC_RECORD) {
      if (i < 0 || i >= pvecSize(rt, array)) argsOutOfRange(rt, array, idx);
      rt.i32[((array & -8) >>> 2) + 1 + i] = v;
      return v;
    }
    if (type === PVEC_BOOL_VECTOR) {
      if (i < 0 || i >= boolVectorSize(rt, array)) argsOutOfRange(rt, array, idx);
      boolVectorSet(rt, array, i, v !== Qnil);
      return v;
    }
    if (type === PVEC_CHAR_TABLE) {
      if (i < 0 || i > MAX_CHAR) wrongTypeArgument(rt, Qcharacterp, idx);
      charTableSet(rt, array, i, v);
      return v;
    }
    return wrongTypeArgument(rt, Qarrayp, array);
  }
  if (tag !== Lisp_String) return wrongTypeArgument(rt, Qarrayp, array);
  if (i < 0 || i >= schars(rt, array)) argsOutOfRange(rt, array, idx);
  if ((v & 3) !== 2 || v >> 2 < 0 || v >> 2 > MAX_CHAR) wrongTypeArgument(rt, Qcharacterp, v);
  const c = v >> 2;
  const u8 = rt.u8;
  let d = sdata(rt, array);
  const wi = (array & -8) >>> 2;
  let byteIdx: number;
  let prevBytes: number;
  if (stringMultibyte(rt, array)) {
    byteIdx = stringCharToByte(rt, array, i);
    prevBytes = charLenAt(u8[d + byteIdx]!);
  } else if (c < 256) {
    u8[d + i] = c;
    stringContentsChanged(rt);
    return v;
  } else {
    const n = schars(rt, array);
    for (let k = n - 1; k >= 0; k--) if (u8[d + k]! >= 0x80) argsOutOfRange(rt, array, v);
    // An ASCII unibyte string becomes multibyte to hold the character.
    rt.i32[wi + STR_NBYTES] = n;
    byteIdx = i;
    prevBytes = 1;
  }
  const newBytes = charBytes(c);
  if (newBytes !== prevBytes) {
    const oldLen = sbytes(rt, array);
    const newLen = oldLen - prevBytes + newBytes;
    const tmp = allocString(rt, schars(rt, array), newLen, true);
    const nd = sdata(rt, tmp);
    d = sdata(rt, array);
    u8.copyWithin(nd, d, d + byteIdx);
    u8.copyWithin(nd + byteIdx + newBytes, d + byteIdx + prevBytes, d + oldLen);
    // The string keeps its identity and takes over the fresh data block.
    rt.i32[wi + STR_DATA] = nd;
    rt.i32[wi + STR_NBYTES] = newLen;
    d = nd;
    stringBytesChanged(rt);
  }
  writeChar(u8, d + byteIdx, c);
  stringContentsChanged(rt);
  return v;
}
DEFUN('aset', 3, 3, 'Put NEWELT into ARRAY at index IDX, and give NEWELT.', aset);

// ---- arithmetic ------------------------------------------------------------------------------------

const A_ADD = 0;
const A_SUB = 1;
const A_MUL = 2;
const A_DIV = 3;
const SAFE = 2 ** 52;

function floatOp(op: number, a: number, b: number): number {
  switch (op) {
    case A_ADD: return a + b;
    case A_SUB: return a - b;
    case A_MUL: return a * b;
    default: return a / b;
  }
}
function bigOp(op: number, a: bigint, b: bigint): bigint {
  switch (op) {
    case A_ADD: return a + b;
    case A_SUB: return a - b;
    case A_MUL: return a * b;
    default:
      if (b === 0n) xsignal(Qarith_error, Qnil);
      return a / b;
  }
}

const MAX_PRODUCT_BITS = 2 ** 30 - 64;

/** Bits the magnitude of bignum X cannot exceed: its words' worth. */
const bignumBits = (rt: Runtime, x: number): number => (pvecSize(rt, x) - 1) * 32;

/** Bits the result of OP can need, given bits its operands do not exceed. */
function resultBits(op: number, a: number, b: number): number {
  if (op === A_MUL) return a + b;
  if (op === A_DIV) return a;
  return (a > b ? a : b) + 1;
}

/** GNU's arith_driver over args[0..], with integer/bignum/float contagion left to right. */
function arithDriver(rt: Runtime, op: number, args: number[], allFloat: boolean): number {
  const n = args.length;
  const f64 = rt.f64;
  let x = checkNumberOrMarker(rt, args[0]!);
  let mode: number; // 0 exact JS integer, 1 bigint, 2 float
  let iacc = 0;
  let bacc = 0n;
  let bbits = 0; // bits |bacc| cannot exceed, so the result's size is found without counting
  let facc = 0;
  if ((x & 3) === 2) {
    iacc = x >> 2;
    mode = 0;
  } else if ((x & 7) === Lisp_Float) {
    facc = f64[(x & -8) >>> 3]!;
    mode = 2;
  } else {
    // A bignum that fits 2^52 computes as a JS number, as a fixnum does.
    const v = safeIntegerValue(rt, x);
    if (v <= SAFE && v >= -SAFE) {
      iacc = v;
      mode = 0;
    } else {
      bacc = bignumValue(rt, x);
      bbits = bignumBits(rt, x);
      mode = 1;
    }
  }
  if (allFloat && mode !== 2) {
    facc = mode === 0 ? iacc : Number(bacc);
    mode = 2;
  }
  for (let k = 1; k < n; k++) {
    x = args[k]!;
    let sv = NaN;
    if ((x & 3) === 2 || ((x & 7) === Lisp_Vectorlike && (sv = safeIntegerValue(rt, x)) <= SAFE && sv >= -SAFE)) {
      const v = sv === sv ? sv : x >> 2;
      if (mode === 0) {
        let r: number;
        if (op === A_ADD) r = iacc + v;
        else if (op === A_SUB) r = iacc - v;
        // An integer product or quotient of 0 is 0, never JS's -0 (which a float after it would show).
        else if (op === A_MUL) r = iacc * v + 0;
        else {
          if (v === 0) xsignal(Qarith_error, Qnil);
          r = (iacc - (iacc % v)) / v + 0;
        }
        if (r <= SAFE && r >= -SAFE) iacc = r;
        else {
          bacc = bigOp(op, BigInt(iacc), BigInt(v));
          bbits = resultBits(op, 53, 53);
          mode = 1;
        }
      } else if (mode === 1) {
        bacc = bigOp(op, bacc, BigInt(v));
        bbits = resultBits(op, bbits, 53);
      } else facc = floatOp(op, facc, v);
    } else if ((x & 7) === Lisp_Float) {
      if (mode === 0) facc = iacc;
      else if (mode === 1) facc = Number(bacc);
      mode = 2;
      facc = floatOp(op, facc, f64[(x & -8) >>> 3]!);
    } else if (isVl(rt, x, PVEC_BIGNUM)) {
      const b = bignumValue(rt, x);
      const bits = bignumBits(rt, x);
      // GNU checks `integer-width' on the result only, so (* BIG BIG 0) is 0; a product JS could
      // not hold (2^30 bits) is GNU's overflow-error for more limbs than it will allocate.
      if (op === A_MUL && (mode === 1 ? bbits : 53) + bits > MAX_PRODUCT_BITS) xsignal(Qoverflow_error, Qnil);
      if (mode === 0) {
        bacc = bigOp(op, BigInt(iacc), b);
        bbits = resultBits(op, 53, bits);
        mode = 1;
      } else if (mode === 1) {
        bacc = bigOp(op, bacc, b);
        bbits = resultBits(op, bbits, bits);
      } else facc = floatOp(op, facc, Number(b));
    } else checkNumberOrMarker(rt, x);
  }
  if (mode === 0) return makeSafeInteger(rt, iacc);
  if (mode === 1) return makeBigInteger(rt, bacc, bbits);
  return makeFloat(rt, facc);
}

// ---- arithmetic over a tree of operations -------------------------------------------------------
//
// Compiled code hands a nest of arithmetic calls whose leaves are plain values, such as
// (< (+ (* 4 q) r (- tt)) (* m tt)), to numTree in one go: the values in between stay JS numbers,
// bigints and doubles, and only the result becomes a Lisp object. Each node computes exactly as its
// primitive (arithDriver's contagion, left to right); whatever a primitive would signal or decide
// itself (a marker or other non-number, an integer division by zero, a NaN, a result near
// `integer-width') makes numTree give -1, and the code then runs the calls one by one.

/** Node operations of numTree's code. */
export const NT_ADD = 0;
export const NT_SUB = 1;
export const NT_MUL = 2;
export const NT_DIV = 3;
export const NT_NEG = 4;
export const NT_ADD1 = 5;
export const NT_SUB1 = 6;
export const NT_SQRT = 7;
/** NT_CMP + 0 <, 1 >, 2 <=, 3 >=, 4 =, 5 /=: only as the last operation. */
export const NT_CMP = 8;
/** Code units: a leaf K is NT_BASE + K (K < NT_LEAVES); an operation OP of N operands (1..6) NT_BASE + NT_LEAVES + OP * 6 + N - 1. */
export const NT_BASE = 0x100;
export const NT_LEAVES = 8;
export const NT_MAX_ARITY = 6;
export const ntOp = (op: number, n: number): number => NT_BASE + NT_LEAVES + op * NT_MAX_ARITY + n - 1;

// The operand stack: kind 0 an exact integer in nv (|x| <= 2^52), 1 a bigint in bv with at most
// bits[] bits, 2 a double in nv.
const NT_DEPTH = 40;
const ntKind = new Int8Array(NT_DEPTH);
const ntNum = new Float64Array(NT_DEPTH);
const ntBig: bigint[] = new Array<bigint>(NT_DEPTH).fill(0n);
const ntBits = new Int32Array(NT_DEPTH);
const NT_FAIL = -1;
const ntLeaf = new Int32Array(NT_LEAVES);

/**
 * Run CODE (see ntOp) over the leaves' values L0...: the result as a Lisp object (t or nil after a
 * comparison), or -1 when the calls must be made one by one. Allocates only the result, at the
 * end (allocation never collects, so the leaves need no rooting).
 */
export function numTree(rt: Runtime, code: string, l0: number, l1: number, l2 = 0, l3 = 0, l4 = 0, l5 = 0, l6 = 0, l7 = 0): number {
  const st = ntLeaf;
  st[0] = l0;
  st[1] = l1;
  st[2] = l2;
  st[3] = l3;
  st[4] = l4;
  st[5] = l5;
  st[6] = l6;
  st[7] = l7;
  const m = rt.i32;
  const f64 = rt.f64;
  let sp = 0;
  let width = -1;
  let bigUsed = false;
  let r = NT_FAIL;
  run: for (let pc = 0; pc < code.length; pc++) {
    const c = code.charCodeAt(pc) - NT_BASE;
    if (c < NT_LEAVES) {
      const w = st[c]!;
      if ((w & 3) === 2) {
        ntKind[sp] = 0;
        ntNum[sp] = w >> 2;
      } else if ((w & 7) === Lisp_Float) {
        ntKind[sp] = 2;
        ntNum[sp] = f64[(w & -8) >>> 3]!;
      } else if ((w & 7) === Lisp_Vectorlike && m[(w & -8) >>> 2]! >>> PVEC_TYPE_SHIFT === PVEC_BIGNUM) {
        const v = safeIntegerValue(rt, w);
        if (v <= SAFE && v >= -SAFE) {
          ntKind[sp++] = 0;
          ntNum[sp - 1] = v;
          continue;
        }
        ntKind[sp] = 1;
        ntBig[sp] = bignumValue(rt, w);
        ntBits[sp] = bignumBits(rt, w);
        bigUsed = true;
      } else break;
      sp++;
      continue;
    }
    const op = ((c - NT_LEAVES) / NT_MAX_ARITY) | 0;
    const n = c - NT_LEAVES - op * NT_MAX_ARITY + 1;
    const s = sp - n;
    if (op >= NT_CMP) {
      const ka = ntKind[s]!;
      const kb = ntKind[s + 1]!;
      const a: number | bigint = ka === 1 ? ntBig[s]! : ntNum[s]!;
      const b: number | bigint = kb === 1 ? ntBig[s + 1]! : ntNum[s + 1]!;
      // JS compares bigints with numbers by their exact values; a NaN is the primitive's.
      if (a !== a || b !== b) break;
      let yes: boolean;
      switch (op - NT_CMP) {
        case 0: yes = a < b; break;
        case 1: yes = a > b; break;
        case 2: yes = a <= b; break;
        case 3: yes = a >= b; break;
        // eslint-disable-next-line eqeqeq
        case 4: yes = a == b; break;
        // eslint-disable-next-line eqeqeq
        default: yes = a != b; break;
      }
      r = yes ? Qt : Qnil;
      break;
    }
    let kind = ntKind[s]!;
    let x = ntNum[s]!;
    let big = ntBig[s]!;
    let bits = ntBits[s]!;
    if (op >= NT_NEG) {
      // One operand.
      if (op === NT_SQRT) {
        if (kind === 1) break;
        x = Math.sqrt(x);
        kind = 2;
      } else {
        const d = op === NT_NEG ? 0 : op === NT_ADD1 ? 1 : -1;
        if (kind === 1) {
          big = op === NT_NEG ? -big : big + BigInt(d);
          bits++;
        } else x = op === NT_NEG ? (kind === 0 ? 0 - x : -x) : x + d;
      }
    } else {
      for (let j = s + 1; j < sp; j++) {
        const kj = ntKind[j]!;
        if (kj === 0 && kind === 0) {
          const v = ntNum[j]!;
          let y: number;
          if (op === NT_ADD) y = x + v;
          else if (op === NT_SUB) y = x - v;
          else if (op === NT_MUL) y = x * v + 0;
          else {
            if (v === 0) break run;
            y = (x - (x % v)) / v + 0;
          }
          if (y <= SAFE && y >= -SAFE) x = y;
          else {
            big = bigOp(op, BigInt(x), BigInt(v));
            bits = resultBits(op, 53, 53);
            kind = 1;
          }
        } else if (kj === 2 || kind === 2) {
          if (kind === 1) x = Number(big);
          kind = 2;
          x = floatOp(op, x, kj === 1 ? Number(ntBig[j]!) : ntNum[j]!);
        } else {
          // Integers, one of them a bigint.
          const b = kj === 1 ? ntBig[j]! : BigInt(ntNum[j]!);
          const bb = kj === 1 ? ntBits[j]! : 53;
          const ab = kind === 1 ? bits : 53;
          if (op === NT_DIV && b === 0n) break run;
          if (op === NT_MUL && ab + bb > MAX_PRODUCT_BITS) break run;
          big = bigOp(op, kind === 1 ? big : BigInt(x), b);
          bits = resultBits(op, ab, bb);
          kind = 1;
        }
      }
    }
    if (kind === 2 && x !== x) break;
    if (kind === 1 && bits > 128) {
      // GNU checks `integer-width' at each result: near it, the calls decide.
      if (width < 0) width = integerWidth(rt);
      if (bits > width) break;
    }
    ntKind[s] = kind;
    ntNum[s] = x;
    if (kind === 1) {
      ntBig[s] = big;
      ntBits[s] = bits;
      bigUsed = true;
    }
    sp = s + 1;
    if (pc === code.length - 1) {
      r = kind === 0 ? makeSafeInteger(rt, x) : kind === 2 ? makeFloat(rt, x) : makeBigInteger(rt, big, bits);
    }
  }
  // The bigints die young unless kept here.
  if (bigUsed) ntBig.fill(0n);
  return r;
}

/** (- X): negation, keeping GNU's sign flip of NaNs and -0.0. */
function negate(rt: Runtime, x: number): number {
  checkNumberOrMarker(rt, x);
  if ((x & 3) === 2) return makeInt(rt, -(x >> 2));
  if ((x & 7) === Lisp_Float) return makeFloat(rt, -xfloat(rt, x));
  return makeBigInteger(rt, -bignumValue(rt, x), bignumBits(rt, x));
}

export function plus(rt: Runtime, args: number[]): number {
  args = coerceMarkers(rt, args);
  if (args.length === 0) return makeFixnum(0);
  if (args.length === 2) {
    const a = args[0]!;
    const b = args[1]!;
    if ((a & 3) === 2 && (b & 3) === 2) return makeInt(rt, (a >> 2) + (b >> 2));
  }
  if (args.length === 1) return checkNumberOrMarker(rt, args[0]!);
  return arithDriver(rt, A_ADD, args, false);
}
export function minus(rt: Runtime, args: number[]): number {
  args = coerceMarkers(rt, args);
  if (args.length === 0) return makeFixnum(0);
  if (args.length === 1) return negate(rt, args[0]!);
  if (args.length === 2) {
    const a = args[0]!;
    const b = args[1]!;
    if ((a & 3) === 2 && (b & 3) === 2) return makeInt(rt, (a >> 2) - (b >> 2));
  }
  return arithDriver(rt, A_SUB, args, false);
}
export function times(rt: Runtime, args: number[]): number {
  args = coerceMarkers(rt, args);
  if (args.length === 0) return makeFixnum(1);
  if (args.length === 1) return checkNumberOrMarker(rt, args[0]!);
  return arithDriver(rt, A_MUL, args, false);
}
export function quo(rt: Runtime, args: number[]): number {
  args = coerceMarkers(rt, args);
  const a = checkNumberOrMarker(rt, args[0]!);
  if (args.length === 1) return arithDriver(rt, A_DIV, [makeFixnum(1), a], (a & 7) === Lisp_Float);
  let anyFloat = false;
  for (let k = 2; k < args.length; k++) if ((args[k]! & 7) === Lisp_Float) anyFloat = true;
  return arithDriver(rt, A_DIV, args, anyFloat);
}
DEFUN('+', 0, MANY, 'Add up the arguments, numbers or markers; with none, give 0.', plus);
DEFUN('-', 0, MANY, 'With one argument, negate it; with more, subtract all the others from the first.', minus);
DEFUN('*', 0, MANY, 'Multiply the arguments, numbers or markers; with none, give 1.', times);
DEFUN('/', 1, MANY, 'Divide the first argument by each of the others in turn.\nWhen every argument is an integer, the division is integer division rounding toward zero; a float anywhere makes it floating point.', quo);

/** GNU's integer_remainder: % when modulo is false, mod (sign of the divisor) when true. */
function integerRemainder(rt: Runtime, a: number, b: number, modulo: boolean): number {
  if ((a & 3) === 2 && (b & 3) === 2) {
    const x = a >> 2;
    const y = b >> 2;
    if (y === 0) xsignal(Qarith_error, Qnil);
    let r = x % y;
    if (modulo && r !== 0 && (r < 0) !== (y < 0)) r += y;
    return makeFixnum(r);
  }
  // Bignums of one or two words (beyond 30-bit fixnums: 1000000007, say) as exact JS numbers.
  const sx = safeIntegerValue(rt, a);
  const sy = safeIntegerValue(rt, b);
  if (sx === sx && sy === sy) {
    if (sy === 0) xsignal(Qarith_error, Qnil);
    let r = (sx % sy) + 0;
    if (modulo && r !== 0 && (r < 0) !== (sy < 0)) r += sy;
    return makeSafeInteger(rt, r);
  }
  const x = bigValue(rt, a);
  const y = bigValue(rt, b);
  if (y === 0n) xsignal(Qarith_error, Qnil);
  let r = x % y;
  if (modulo && r !== 0n && (r < 0n) !== (y < 0n)) r += y;
  // |r| < |y|.
  return makeBigInteger(rt, r, (b & 3) === 2 ? 32 : bignumBits(rt, b));
}
DEFUN('%', 2, 2, 'Give the remainder of dividing the integer X by the integer Y; it has the sign of X.', (rt, a: number, b: number) => {
  a = coerceMarker(rt, a);
  b = coerceMarker(rt, b);
  checkIntegerOrMarker(rt, a);
  checkIntegerOrMarker(rt, b);
  return integerRemainder(rt, a, b, false);
});

/** C's fmod, with GNU's fix-up so the result takes the divisor's sign. */
export function fmodFloat(x: number, y: number): number {
  let r = x % y;
  if (r !== r && x === x && y === y) return NEG_NAN;
  if (y < 0 ? r > 0 : r < 0) r += y;
  return r;
}
DEFUN('mod', 2, 2, 'Give X modulo Y, which has the sign of Y; X and Y may be floats.', (rt, a: number, b: number) => {
  a = coerceMarker(rt, a);
  b = coerceMarker(rt, b);
  checkNumberOrMarker(rt, a);
  checkNumberOrMarker(rt, b);
  if ((a & 7) === Lisp_Float || (b & 7) === Lisp_Float) return makeFloat(rt, fmodFloat(numberValue(rt, a), numberValue(rt, b)));
  return integerRemainder(rt, a, b, true);
});

// Comparison results: -1, 0, 1, or 2 when unordered (a NaN is involved).
const UNORDERED = 2;

/** Compare an integer (as bigint) with a finite or infinite double exactly. */
function compareBigDouble(a: bigint, d: number): number {
  if (d !== d) return UNORDERED;
  if (d === Infinity) return -1;
  if (d === -Infinity) return 1;
  const fl = Math.floor(d);
  const bf = BigInt(fl);
  if (a < bf) return -1;
  if (a > bf) return 1;
  return fl === d ? 0 : -1;
}

/** Three-way exact comparison of two Lisp numbers (after type checks). */
export function numCompare(rt: Runtime, a: number, b: number): number {
  if ((a & 3) === 2 && (b & 3) === 2) return a < b ? -1 : a > b ? 1 : 0;
  a = coerceMarker(rt, a);
  b = coerceMarker(rt, b);
  if ((a & 3) === 2 && (b & 3) === 2) return a < b ? -1 : a > b ? 1 : 0;
  checkNumberOrMarker(rt, a);
  checkNumberOrMarker(rt, b);
  const af = (a & 7) === Lisp_Float;
  const bf = (b & 7) === Lisp_Float;
  if (af || bf) {
    if (af && bf || (af && (b & 3) === 2) || (bf && (a & 3) === 2)) {
      const x = numberValue(rt, a);
      const y = numberValue(rt, b);
      return x < y ? -1 : x > y ? 1 : x === y ? 0 : UNORDERED;
    }
    if (af) {
      const r = compareBigDouble(bignumValue(rt, b), xfloat(rt, a));
      return r === UNORDERED ? r : -r;
    }
    return compareBigDouble(bignumValue(rt, a), xfloat(rt, b));
  }
  const x = bigValue(rt, a);
  const y = bigValue(rt, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export const CMP_EQUAL = 0;
export const CMP_NOTEQUAL = 1;
export const CMP_LESS = 2;
export const CMP_GRTR = 3;
export const CMP_LESS_OR_EQUAL = 4;
export const CMP_GRTR_OR_EQUAL = 5;

/** GNU's arithcompare: true when A COMPARISON B holds (NaNs compare unequal to everything). */
export function arithCompare(rt: Runtime, a: number, b: number, comparison: number): boolean {
  const c = numCompare(rt, a, b);
  switch (comparison) {
    case CMP_EQUAL: return c === 0;
    case CMP_NOTEQUAL: return c !== 0;
    case CMP_LESS: return c === -1;
    case CMP_GRTR: return c === 1;
    case CMP_LESS_OR_EQUAL: return c === -1 || c === 0;
    default: return c === 1 || c === 0;
  }
}

function compareDriver(rt: Runtime, args: number[], comparison: number): number {
  for (let i = 1; i < args.length; i++) if (!arithCompare(rt, args[i - 1]!, args[i]!, comparison)) return Qnil;
  return Qt;
}
DEFUN('=', 1, MANY, 'Tell whether all the arguments are the same number.', (rt, args: number[]) =>
  compareDriver(rt, args, CMP_EQUAL));
DEFUN('<', 1, MANY, 'Tell whether the arguments are in strictly increasing order.', (rt, args: number[]) => {
  if (args.length === 2 && (args[0]! & 3) === 2 && (args[1]! & 3) === 2) return bool(args[0]! < args[1]!);
  return compareDriver(rt, args, CMP_LESS);
});
DEFUN('>', 1, MANY, 'Tell whether the arguments are in strictly decreasing order.', (rt, args: number[]) => {
  if (args.length === 2 && (args[0]! & 3) === 2 && (args[1]! & 3) === 2) return bool(args[0]! > args[1]!);
  return compareDriver(rt, args, CMP_GRTR);
});
DEFUN('<=', 1, MANY, 'Tell whether the arguments are in increasing order, equal neighbours allowed.', (rt, args: number[]) =>
  compareDriver(rt, args, CMP_LESS_OR_EQUAL));
DEFUN('>=', 1, MANY, 'Tell whether the arguments are in decreasing order, equal neighbours allowed.', (rt, args: number[]) =>
  compareDriver(rt, args, CMP_GRTR_OR_EQUAL));
DEFUN('/=', 2, 2, 'Tell whether the two arguments are different numbers.', (rt, a: number, b: number) =>
  bool(arithCompare(rt, a, b, CMP_NOTEQUAL)));

function minmax(rt: Runtime, args: number[], comparison: number): number {
  args = coerceMarkers(rt, args);
  let acc = checkNumberOrMarker(rt, args[0]!);
  for (let i = 1; i < args.length; i++) {
    const v = checkNumberOrMarker(rt, args[i]!);
    if (arithCompare(rt, v, acc, comparison)) acc = v;
    else if ((v & 7) === Lisp_Float && xfloat(rt, v) !== xfloat(rt, v)) return v;
  }
  return acc;
}
DEFUN('max', 1, MANY, 'Give the greatest argument; a NaN among them is the result.', (rt, args: number[]) =>
  minmax(rt, args, CMP_GRTR));
DEFUN('min', 1, MANY, 'Give the least argument; a NaN among them is the result.', (rt, args: number[]) =>
  minmax(rt, args, CMP_LESS));

DEFUN('1+', 1, 1, 'Give NUMBER increased by one.', (rt, x: number) => {
  x = coerceMarker(rt, x);
  if ((x & 3) === 2) return makeInt(rt, (x >> 2) + 1);
  checkNumberOrMarker(rt, x);
  if ((x & 7) === Lisp_Float) return makeFloat(rt, xfloat(rt, x) + 1);
  return makeBigInteger(rt, bignumValue(rt, x) + 1n, bignumBits(rt, x) + 1);
});
DEFUN('1-', 1, 1, 'Give NUMBER decreased by one.', (rt, x: number) => {
  x = coerceMarker(rt, x);
  if ((x & 3) === 2) return makeInt(rt, (x >> 2) - 1);
  checkNumberOrMarker(rt, x);
  if ((x & 7) === Lisp_Float) return makeFloat(rt, xfloat(rt, x) - 1);
  return makeBigInteger(rt, bignumValue(rt, x) - 1n, bignumBits(rt, x) + 1);
});

// ---- bitwise operations ---------------------------------------------------------------------------

function logDriver(rt: Runtime, args: number[], op: number): number {
  let fix = op === 0 ? -1 : 0;
  let big: bigint | null = null;
  for (let i = 0; i < args.length; i++) {
    const x = args[i]!;
    // As GNU's arithmetic driver: after the first argument, a non-number is refused as
    // number-or-marker-p, and only a float as integer-or-marker-p (looked at only on failure).
    if (!isInteger(rt, x)) wrongTypeArgument(rt, i > 0 && !isNumber(rt, x) ? Qnumber_or_marker_p : Qinteger_or_marker_p, x);
    if (big === null && (x & 3) === 2) {
      const v = x >> 2;
      fix = op === 0 ? fix & v : op === 1 ? fix | v : fix ^ v;
    } else {
      if (big === null) big = BigInt(fix);
      const v = bigValue(rt, x);
      big = op === 0 ? big & v : op === 1 ? big | v : big ^ v;
    }
  }
  return big === null ? makeFixnum(fix) : makeBigInteger(rt, big);
}
DEFUN('logand', 0, MANY, 'Combine the integer arguments with bitwise and; with none, give -1.', (rt, args: number[]) =>
  logDriver(rt, args, 0));
DEFUN('logior', 0, MANY, 'Combine the integer arguments with bitwise inclusive or; with none, give 0.', (rt, args: number[]) =>
  logDriver(rt, args, 1));
DEFUN('logxor', 0, MANY, 'Combine the integer arguments with bitwise exclusive or; with none, give 0.', (rt, args: number[]) =>
  logDriver(rt, args, 2));

function popcount32(v: number): number {
  v = v - ((v >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}
DEFUN('logcount', 1, 1, 'Count the set bits of VALUE, or the clear bits when VALUE is negative.', (rt, x: number) => {
  checkInteger(rt, x);
  if ((x & 3) === 2) {
    const v = x >> 2;
    return makeFixnum(popcount32(v < 0 ? ~v : v));
  }
  let b = bignumValue(rt, x);
  if (b < 0n) b = -b - 1n;
  let n = 0;
  for (const ch of b.toString(16)) n += popcount32(parseInt(ch, 16));
  return makeFixnum(n);
});

/** GNU's Fash: VALUE shifted left by COUNT bits (right, with floor, when COUNT is negative). */
export function ash(rt: Runtime, value: number, count: number): number {
  checkInteger(rt, value);
  checkInteger(rt, count);
  if ((count & 3) !== 2) {
    if (value === makeFixnum(0)) return value;
    if (bignumValue(rt, count) < 0n) return makeFixnum(bigValue(rt, value) < 0n ? -1 : 0);
    return xsignal(Qoverflow_error, Qnil);
  }
  const c = count >> 2;
  if ((value & 3) === 2) {
    const v = value >> 2;
    if (c <= 0) return makeFixnum(v >> Math.min(-c, 31));
    if (c < 22) return makeInt(rt, v * 2 ** c);
    if (v === 0) return value;
  }
  if (c <= 0) return makeBigInteger(rt, bigValue(rt, value) >> BigInt(-c));
  const b = bigValue(rt, value);
  checkResultBits(rt, bigBitLength(b) + c);
  return makeBigInteger(rt, b << BigInt(c));
}
DEFUN('ash', 2, 2, 'Shift the integer VALUE left by COUNT bits, or right when COUNT is negative.', ash);
DEFUN('lognot', 1, 1, 'Give the bitwise complement of the integer NUMBER.', (rt, x: number) => {
  checkInteger(rt, x);
  if ((x & 3) === 2) return makeFixnum(~(x >> 2));
  return makeBigInteger(rt, ~bignumValue(rt, x), bignumBits(rt, x) + 1);
});

// ---- numbers and strings ---------------------------------------------------------------------------

DEFUN('number-to-string', 1, 1, 'Write NUMBER in decimal notation as a string.', (rt, x: number) => {
  checkNumber(rt, x);
  if ((x & 3) === 2) return makeString(rt, String(x >> 2));
  if ((x & 7) === Lisp_Float) {
    let fmt = findSymbolValue(rt, Qfloat_output_format);
    if (fmt === Qunbound) fmt = Qnil;
    return makeString(rt, floatToString(rt, xfloat(rt, x), fmt));
  }
  // A bignum below 2^53 (past our 30-bit fixnums) from its words, without making its bigint.
  const v = safeIntegerValue(rt, x);
  return makeString(rt, v === v ? String(v) : bignumValue(rt, x).toString());
});

function digitValue(c: number, base: number): number {
  let d: number;
  if (c >= 0x30 && c <= 0x39) d = c - 0x30;
  else if (c >= 0x61 && c <= 0x7a) d = c - 0x61 + 10;
  else if (c >= 0x41 && c <= 0x5a) d = c - 0x41 + 10;
  else return -1;
  return d < base ? d : -1;
}

const nanWriter = new Float64Array(1);
const nanWords = new Uint32Array(nanWriter.buffer);

/**
 * GNU's string_to_number on bytes u8[start, end): the number the longest
 * numeric prefix denotes, or Qnil when there is none. `len` receives how
 * many bytes the number took. Floats are recognized only in base 10.
 */
export function stringToNumber(rt: Runtime, u8: Uint8Array, start: number, end: number, base: number,
  len?: { n: number }): number {
  const at = (p: number): number => (p < end ? u8[p]! : 0);
  let p = start;
  const negative = at(p) === 0x2d;
  const signed = negative || at(p) === 0x2b;
  if (signed) p++;
  const digitsStart = p;
  let leadInt = false;
  let dot = false;
  let trailInt = false;
  let eExp = false;
  let n = 0; // the leading integer while it is exact
  let special: number | null = null;
  if (digitValue(at(p), base) >= 0) {
    leadInt = true;
    for (let d: number; (d = digitValue(at(p), base)) >= 0; p++) n = n * base + d;
  }
  const afterDigits = p;
  if (at(p) === 0x2e) {
    dot = true;
    p++;
  }
  if (base === 10) {
    if (at(p) >= 0x30 && at(p) <= 0x39) {
      trailInt = true;
      do p++;
      while (at(p) >= 0x30 && at(p) <= 0x39);
    }
    if (at(p) === 0x65 || at(p) === 0x45) {
      const ep = p;
      p++;
      if (at(p) === 0x2b || at(p) === 0x2d) p++;
      if (at(p) >= 0x30 && at(p) <= 0x39) {
        eExp = true;
        do p++;
        while (at(p) >= 0x30 && at(p) <= 0x39);
      } else if (at(p - 1) === 0x2b && at(p) === 0x49 && at(p + 1) === 0x4e && at(p + 2) === 0x46) {
        eExp = true;
        p += 3;
        special = Infinity;
      } else if (at(p - 1) === 0x2b && at(p) === 0x4e && at(p + 1) === 0x61 && at(p + 2) === 0x4e) {
        eExp = true;
        p += 3;
        // The leading integer becomes the NaN's payload.
        let payload = 0n;
        for (let q = digitsStart; q < afterDigits; q++) payload = payload * 10n + BigInt(u8[q]! - 0x30);
        payload &= (1n << 51n) - 1n;
        nanWords[0] = Number(payload & 0xffffffffn);
        nanWords[1] = 0x7ff80000 | Number(payload >> 32n);
        special = nanWriter[0]!;
      } else p = ep;
    }
    if (trailInt || (leadInt && eExp)) {
      if (len) len.n = p - start;
      let value: number;
      if (special !== null) value = special;
      else {
        let s = '';
        for (let q = signed ? start + 1 : start; q < p; q++) s += String.fromCharCode(u8[q]!);
        value = Number(s.replace(/[eE]$/, ''));
      }
      return makeFloat(rt, negative ? -value : value);
    }
  }
  if (len) len.n = p - start;
  if (!leadInt) return Qnil;
  void dot;
  if (n <= SAFE) return makeInt(rt, negative ? -n : n);
  // GNU reads an integer of any length here: `integer-width' bounds arithmetic, not reading.
  const big = digitsToBigInt(u8, digitsStart, afterDigits, base);
  return makeBignum(rt, negative ? -big : big);
}

const BIGINT_PREFIX: Record<number, string> = { 2: '0b', 8: '0o', 10: '', 16: '0x' };

/**
 * The integer whose digits in BASE are u8[from, to). Digit by digit it would be quadratic (100k
 * digits took seconds); V8 parses bases 2, 8, 10 and 16 itself, and the other bases are split in
 * halves, hi * BASE^|lo| + lo, so the big multiplications are few and balanced.
 */
function digitsToBigInt(u8: Uint8Array, from: number, to: number, base: number): bigint {
  const prefix = BIGINT_PREFIX[base];
  if (prefix !== undefined) {
    let text = prefix;
    for (let q = from; q < to; q += 8192) text += String.fromCharCode(...u8.subarray(q, Math.min(to, q + 8192)));
    return BigInt(text);
  }
  const bb = BigInt(base);
  const powers = new Map<number, bigint>();
  const power = (k: number): bigint => {
    let v = powers.get(k);
    if (v === undefined) powers.set(k, (v = bb ** BigInt(k)));
    return v;
  };
  const split = (a: number, b: number): bigint => {
    if (b - a <= 48) {
      let v = 0n;
      for (let q = a; q < b; q++) v = v * bb + BigInt(digitValue(u8[q]!, base));
      return v;
    }
    const mid = a + ((b - a) >>> 1);
    return split(a, mid) * power(b - mid) + split(mid, b);
  };
  return split(from, to);
}

DEFUN('string-to-number', 1, 2, 'Read a number from the start of STRING, in decimal or in BASE (2 to 16); give 0 when none is there.\nSpaces and tabs before the number are skipped, and text after it is ignored.',
(rt, s: number, base: number) => {
  if ((s & 7) !== Lisp_String) wrongTypeArgument(rt, Qstringp, s);
  let b = 10;
  if (base !== Qnil) {
    b = checkFixnum(rt, base);
    if (b < 2 || b > 16) xsignal1(rt, Qargs_out_of_range, base);
  }
  const d = sdata(rt, s);
  const end = d + sbytes(rt, s);
  let p = d;
  while (p < end && (rt.u8[p] === 0x20 || rt.u8[p] === 0x09)) p++;
  const v = stringToNumber(rt, rt.u8, p, end, b);
  return v === Qnil ? makeFixnum(0) : v;
});

// ---- bool-vectors -----------------------------------------------------------------------------------

function checkBoolVector(rt: Runtime, x: number): void {
  if (!isVl(rt, x, PVEC_BOOL_VECTOR)) wrongTypeArgument(rt, Qbool_vector_p, x);
}
const bvWords = (nbits: number): number => (nbits + 31) >>> 5;
const bvData = (bv: number): number => ((bv & -8) >>> 2) + 2;

/** GNU's wrong_length_argument: signals with the sizes of the bool-vectors. */
function wrongLengthArgument(rt: Runtime, a: number, b: number, c: number): never {
  const s1 = makeFixnum(boolVectorSize(rt, a));
  const s2 = makeFixnum(boolVectorSize(rt, b));
  if (c === Qnil) return xsignal2(rt, Qwrong_length_argument, s1, s2);
  return xsignal3(rt, Qwrong_length_argument, s1, s2, makeFixnum(isVl(rt, c, PVEC_BOOL_VECTOR) ? boolVectorSize(rt, c) : 0));
}

const BV_XOR = 0;
const BV_UNION = 1;
const BV_AND = 2;
const BV_DIFF = 3;
const BV_SUBSET = 4;

/** GNU's bool_vector_binop_driver: the result goes to DEST (made when nil); nil if DEST was given and did not change. */
function boolVectorBinop(rt: Runtime, a: number, b: number, dest: number, op: number): number {
  checkBoolVector(rt, a);
  checkBoolVector(rt, b);
  const nbits = boolVectorSize(rt, a);
  if (boolVectorSize(rt, b) !== nbits) wrongLengthArgument(rt, a, b, dest);
  let fresh = false;
  if (dest === Qnil) {
    dest = makeBoolVector(rt, nbits);
    fresh = true;
  } else {
    checkBoolVector(rt, dest);
    if (boolVectorSize(rt, dest) !== nbits) wrongLengthArgument(rt, a, b, dest);
  }
  const m = rt.i32;
  const ad = bvData(a);
  const bd = bvData(b);
  const dd = bvData(dest);
  const nw = bvWords(nbits);
  if (op === BV_SUBSET) {
    for (let i = 0; i < nw; i++) if ((m[ad + i]! & ~m[bd + i]!) !== 0) return Qnil;
    return Qt;
  }
  let changed = fresh;
  for (let i = 0; i < nw; i++) {
    const x = m[ad + i]!;
    const y = m[bd + i]!;
    const r = op === BV_XOR ? x ^ y : op === BV_UNION ? x | y : op === BV_AND ? x & y : x & ~y;
    if (m[dd + i] !== r) {
      m[dd + i] = r;
      changed = true;
    }
  }
  return changed ? dest : Qnil;
}
DEFUN('bool-vector-exclusive-or', 2, 3, 'Combine the bool-vectors A and B bit by bit with exclusive or.\nThe result goes into C when C is given; the value is the result vector, or nil when C was given and came out unchanged.',
(rt, a: number, b: number, c: number) => boolVectorBinop(rt, a, b, c, BV_XOR));
DEFUN('bool-vector-union', 2, 3, 'Combine the bool-vectors A and B bit by bit with inclusive or.\nThe result goes into C when C is given; the value is the result vector, or nil when C was given and came out unchanged.',
(rt, a: number, b: number, c: number) => boolVectorBinop(rt, a, b, c, BV_UNION));
DEFUN('bool-vector-intersection', 2, 3, 'Combine the bool-vectors A and B bit by bit with and.\nThe result goes into C when C is given; the value is the result vector, or nil when C was given and came out unchanged.',
(rt, a: number, b: number, c: number) => boolVectorBinop(rt, a, b, c, BV_AND));
DEFUN('bool-vector-set-difference', 2, 3, 'Keep the bits of bool-vector A that are not set in B.\nThe result goes into C when C is given; the value is the result vector, or nil when C was given and came out unchanged.',
(rt, a: number, b: number, c: number) => boolVectorBinop(rt, a, b, c, BV_DIFF));
DEFUN('bool-vector-subsetp', 2, 2, 'Tell whether every bit set in bool-vector A is also set in B.',
  (rt, a: number, b: number) => boolVectorBinop(rt, a, b, b, BV_SUBSET));
DEFUN('bool-vector-not', 1, 2, 'Invert every bit of bool-vector A; the result goes into B when given, and the value is the result vector.',
  (rt, a: number, b: number) => {
    checkBoolVector(rt, a);
    const nbits = boolVectorSize(rt, a);
    if (b === Qnil) b = makeBoolVector(rt, nbits);
    else {
      checkBoolVector(rt, b);
      if (boolVectorSize(rt, b) !== nbits) wrongLengthArgument(rt, a, b, Qnil);
    }
    const m = rt.i32;
    const ad = bvData(a);
    const bd = bvData(b);
    const nw = bvWords(nbits);
    for (let i = 0; i < nw; i++) m[bd + i] = ~m[ad + i]!;
    if ((nbits & 31) !== 0) m[bd + nw - 1]! &= (1 << (nbits & 31)) - 1;
    return b;
  });
DEFUN('bool-vector-count-population', 1, 1, 'Count the set bits of bool-vector A.', (rt, a: number) => {
  checkBoolVector(rt, a);
  const m = rt.i32;
  const ad = bvData(a);
  const nw = bvWords(boolVectorSize(rt, a));
  let n = 0;
  for (let i = 0; i < nw; i++) n += popcount32(m[ad + i]!);
  return makeFixnum(n);
});
DEFUN('bool-vector-count-consecutive', 3, 3, 'Count the bits of bool-vector A, from index I on, that in a row all equal B (t or nil).',
  (rt, a: number, b: number, i: number) => {
    checkBoolVector(rt, a);
    if ((i & 3) !== 2 || i < 0) wrongTypeArgument(rt, DEFSYM('wholenump'), i);
    const nbits = boolVectorSize(rt, a);
    const start = i >> 2;
    if (start > nbits) argsOutOfRange(rt, a, i);
    const want = b !== Qnil;
    let k = start;
    const m = rt.i32;
    const ad = bvData(a);
    const full = want ? -1 : 0;
    while (k < nbits) {
      if ((k & 31) === 0 && k + 32 <= nbits && m[ad + (k >>> 5)] === full) {
        k += 32;
        continue;
      }
      if ((((m[ad + (k >>> 5)]! >>> (k & 31)) & 1) !== 0) !== want) break;
      k++;
    }
    return makeFixnum(k - start);
  });
