// Tests for src/emacs/data.ts: type predicates, conses, symbol cells, arrays, arithmetic, bool-vectors (expected values from GNU Emacs 28.2).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../src/emacs/all.ts';
import { createRuntime } from '../src/core/init.ts';
import { nodeHost } from '../src/host/node.ts';
import type { Runtime } from '../src/core/runtime.ts';
import { bignump, bignumValue, cons, isFixnum, fixnumValue, makeString, xfloat, floatp } from '../src/core/object.ts';
import { LispSignal } from '../src/core/signal.ts';
import { Qt } from '../src/core/symbols.ts';
import { evalTop } from '../src/emacs/eval.ts';
import { readFromString } from '../src/emacs/lread.ts';
import { prin1ToJs } from '../src/emacs/print.ts';

const rt: Runtime = createRuntime({ host: nodeHost(), heapBytes: 64 * 1024 * 1024 });

/** Evaluate SRC; a signal comes back as `!! (SYMBOL . DATA)` printed, as the GNU records show it. */
function ev(src: string): number {
  return evalTop(rt, readFromString(rt, makeString(rt, src)).obj, Qt);
}
function show(src: string): string {
  try {
    return prin1ToJs(rt, ev(src));
  } catch (e) {
    if (e instanceof LispSignal) return '!! ' + prin1ToJs(rt, cons(rt, e.symbol, e.data));
    throw e;
  }
}
/** The float value of SRC's result. */
function num(src: string): number {
  const v = ev(src);
  assert.ok(floatp(v), `${src} is a float`);
  return xfloat(rt, v);
}
/** The integer value of SRC's result, as a bigint. */
function int(src: string): bigint {
  const v = ev(src);
  if (isFixnum(v)) return BigInt(fixnumValue(v));
  assert.ok(bignump(rt, v), `${src} is an integer`);
  return bignumValue(rt, v);
}
void num;
void int;

// Each expected string is what GNU Emacs 28.2 prints for the form (prin1), or `!! ERROR` for a signal.
// Cases whose results depend on the fixnum width are left out (GNU's fixnums have 62 bits, ours 30).
const CASES: [string, string][] = [
  ["(string-to-number \"1e3\")", "1000.0"],
  ["(string-to-number \" 12abc\")", "12"],
  ["(string-to-number \"\")", "0"],
  ["(string-to-number \"ff\" 16)", "255"],
  ["(string-to-number \"1.\")", "1"],
  ["(string-to-number \".5\")", "0.5"],
  ["(string-to-number \"-0\")", "0"],
  ["(string-to-number \"-0.0\")", "-0.0"],
  ["(string-to-number \"+5\")", "5"],
  ["(string-to-number \"1e\")", "1"],
  ["(string-to-number \"1.5e+2x\")", "150.0"],
  ["(string-to-number \"  \\t\\n 7\")", "0"],
  ["(string-to-number \"1.0e+INF\")", "1.0e+INF"],
  ["(string-to-number \"-1.0e+INF\")", "-1.0e+INF"],
  ["(string-to-number \"1e+INF\")", "1.0e+INF"],
  ["(string-to-number \"1.5\" 16)", "1"],
  ["(string-to-number \"-ff\" 16)", "-255"],
  ["(string-to-number \"123456789012345678901234567890\")", "123456789012345678901234567890"],
  ["(string-to-number \"1\" 1)", "!! (args-out-of-range 1)"],
  ["(string-to-number \"1\" 17)", "!! (args-out-of-range 17)"],
  ["(string-to-number \"e5\")", "0"],
  ["(string-to-number \"1e500\")", "1.0e+INF"],
  ["(string-to-number \"+.5\")", "0.5"],
  ["(string-to-number \"-.e5\")", "0"],
  ["(string-to-number \"5e-3\")", "0.005"],
  ["(string-to-number \"0x10\")", "0"],
  ["(string-to-number \"1_000\")", "1"],
  ["(string-to-number \"  -\")", "0"],
  ["(string-to-number \"1.e3\")", "1000.0"],
  ["(string-to-number \"1.2.3\")", "1.2"],
  ["(string-to-number \".5e+INF\")", "1.0e+INF"],
  ["(string-to-number \"1.0e+IN\")", "1.0"],
  ["(string-to-number \"12345678901234567\" 16)", "20988295476557333863"],
  ["(string-to-number \"\\t-12\")", "-12"],
  ["(/ 5 0)", "!! (arith-error)"],
  ["(/ 5.0 0)", "1.0e+INF"],
  ["(/ 5 0.0)", "1.0e+INF"],
  ["(/ -5 2)", "-2"],
  ["(/ 5)", "0"],
  ["(/ 0)", "!! (arith-error)"],
  ["(/ 0.0)", "1.0e+INF"],
  ["(/ 5 2 2.0)", "1.25"],
  ["(/ 5 2.0 2)", "1.25"],
  ["(/ (ash 1 100) 3)", "422550200076076467165567735125"],
  ["(/ (ash 1 100) 0)", "!! (arith-error)"],
  ["(/ (- (ash 1 100)) 7 2)", "-90546471444873528678335943241"],
  ["(% 5 0)", "!! (arith-error)"],
  ["(% -7 2)", "-1"],
  ["(mod -7 2)", "1"],
  ["(mod 7 -2)", "-1"],
  ["(mod -7.5 2)", "0.5"],
  ["(mod 5.0 0)", "-0.0e+NaN"],
  ["(mod 5 0)", "!! (arith-error)"],
  ["(mod 5 0.0)", "-0.0e+NaN"],
  ["(% 5.0 2)", "!! (wrong-type-argument integer-or-marker-p 5.0)"],
  ["(% (ash 1 100) 7)", "2"],
  ["(mod (- (ash 1 100)) 7)", "5"],
  ["(+)", "0"],
  ["(*)", "1"],
  ["(-)", "0"],
  ["(- 5)", "-5"],
  ["(- 5.0)", "-5.0"],
  ["(- 0.0)", "-0.0"],
  ["(- (/ 0.0 0.0))", "0.0e+NaN"],
  ["(+ 1 'a)", "!! (wrong-type-argument number-or-marker-p a)"],
  ["(+ 1 nil)", "!! (wrong-type-argument number-or-marker-p nil)"],
  ["(+ 'a)", "!! (wrong-type-argument number-or-marker-p a)"],
  ["(+ 1 2 3.5)", "6.5"],
  ["(* 536870911 2)", "1073741822"],
  ["(* 4611686018427387904 2)", "9223372036854775808"],
  ["(max 1 2.0)", "2.0"],
  ["(max 3 2.0)", "3"],
  ["(max 1.0 0.0e+NaN)", "0.0e+NaN"],
  ["(max 0.0e+NaN 1)", "0.0e+NaN"],
  ["(min 1 2.0)", "1"],
  ["(max 'a)", "!! (wrong-type-argument number-or-marker-p a)"],
  ["(max 1)", "1"],
  ["(max 1 (ash 1 100) 3.0)", "1267650600228229401496703205376"],
  ["(= 1 1.0)", "t"],
  ["(= 0.0e+NaN 0.0e+NaN)", "nil"],
  ["(/= 1 1.0)", "nil"],
  ["(/= 0.0e+NaN 0.0e+NaN)", "t"],
  ["(< 1 2 3)", "t"],
  ["(< 1 3 2)", "nil"],
  ["(< 1)", "t"],
  ["(= 'a)", "t"],
  ["(< 1 'a)", "!! (wrong-type-argument number-or-marker-p a)"],
  ["(< 1 3 'a)", "!! (wrong-type-argument number-or-marker-p a)"],
  ["(= 9007199254740993 9007199254740992.0)", "nil"],
  ["(< 9007199254740992.0 9007199254740993)", "t"],
  ["(> (ash 1 100) 1.0e+INF)", "nil"],
  ["(< (ash 1 100) 1.0e+INF)", "t"],
  ["(= (ash 1 100) (ash 1 100))", "t"],
  ["(>= 2.5 (ash 1 100))", "nil"],
  ["(<= 1 1 2 2.0)", "t"],
  ["(logand)", "-1"],
  ["(logior)", "0"],
  ["(logxor)", "0"],
  ["(logand -1 (ash 1 100))", "1267650600228229401496703205376"],
  ["(logand 1.0 1)", "!! (wrong-type-argument integer-or-marker-p 1.0)"],
  ["(logior (ash 1 100) 1)", "1267650600228229401496703205377"],
  ["(logxor (ash 1 100) -1)", "-1267650600228229401496703205377"],
  ["(logcount -1)", "0"],
  ["(logcount 255)", "8"],
  ["(logcount -256)", "8"],
  ["(logcount (ash 1 100))", "1"],
  ["(logcount (- (ash 1 100)))", "100"],
  ["(ash 1 100)", "1267650600228229401496703205376"],
  ["(ash -1 -100)", "-1"],
  ["(ash -5 -1)", "-3"],
  ["(ash 5 -1)", "2"],
  ["(ash (ash 1 100) -99)", "2"],
  ["(ash 1 1.0)", "!! (wrong-type-argument integerp 1.0)"],
  ["(ash 1 (ash 1 100))", "!! (overflow-error)"],
  ["(ash 1 (- (ash 1 100)))", "0"],
  ["(ash -1 (- (ash 1 100)))", "-1"],
  ["(ash 1 65536)", "!! (overflow-error)"],
  ["(ash 3 40)", "3298534883328"],
  ["(lognot 5)", "-6"],
  ["(lognot (ash 1 100))", "-1267650600228229401496703205377"],
  ["(1+ 1.5)", "2.5"],
  ["(1+ 'a)", "!! (wrong-type-argument number-or-marker-p a)"],
  ["(type-of 1)", "integer"],
  ["(type-of (ash 1 100))", "integer"],
  ["(type-of 1.0)", "float"],
  ["(type-of nil)", "symbol"],
  ["(type-of \"a\")", "string"],
  ["(type-of '(1))", "cons"],
  ["(type-of [1])", "vector"],
  ["(type-of (record 'foo))", "foo"],
  ["(type-of (record [a b]))", "[a b]"],
  ["(type-of (make-hash-table))", "hash-table"],
  ["(type-of (make-bool-vector 3 t))", "bool-vector"],
  ["(type-of (make-char-table 'x))", "char-table"],
  ["(type-of (symbol-function 'car))", "subr"],
  ["(type-of (symbol-function 'if))", "subr"],
  ["(mod 5 -0.0)", "-0.0e+NaN"],
  ["(aref [1 2] 2)", "!! (args-out-of-range [1 2] 2)"],
  ["(aref [1 2] -1)", "!! (args-out-of-range [1 2] -1)"],
  ["(aref [1 2] 1.0)", "!! (wrong-type-argument fixnump 1.0)"],
  ["(aref \"abc\" 3)", "!! (args-out-of-range \"abc\" 3)"],
  ["(aref \"héllo\" 1)", "233"],
  ["(aref \"héllo\" 4)", "111"],
  ["(aref '(1) 0)", "!! (wrong-type-argument arrayp (1))"],
  ["(aref (record 'a 1) 1)", "1"],
  ["(aref (make-bool-vector 3 t) 3)", "!! (args-out-of-range #&3\"\u0007\" 3)"],
  ["(aref (make-bool-vector 3 t) 2)", "t"],
  ["(let ((s (copy-sequence \"abc\"))) (aset s 1 ?é) (list s (multibyte-string-p s)))", "(\"a\\351c\" nil)"],
  ["(let ((s (string-to-multibyte \"abc\"))) (aset s 1 ?é) s)", "\"aéc\""],
  ["(let ((s (copy-sequence \"abc\"))) (aset s 1 (+ #x3fff00 200)) (list s (multibyte-string-p s)))", "(\"a\\310c\" t)"],
  ["(let ((s (copy-sequence \"abc\"))) (aset s 1 'a) s)", "!! (wrong-type-argument characterp a)"],
  ["(let ((s (copy-sequence \"abc\"))) (aset s 1 -1) s)", "!! (wrong-type-argument characterp -1)"],
  ["(let ((v (make-bool-vector 3 nil))) (aset v 1 5) (aref v 1))", "t"],
  ["(let ((s (copy-sequence \"abc\"))) (aset s 5 ?x) s)", "!! (args-out-of-range \"abc\" 5)"],
  ["(let ((s (copy-sequence \"aéc\"))) (aset s 1 ?x) (list s (string-bytes s) (length s)))", "(\"axc\" 3 3)"],
  ["(let ((s (copy-sequence \"aéc\"))) (aset s 2 ?😀) (list s (string-bytes s) (length s)))", "(\"aé😀\" 7 3)"],
  ["(let ((s (copy-sequence \"a\\351c\"))) (aset s 1 ?é) s)", "\"a\\351c\""],
  ["(let ((v (vector 1 2))) (aset v 0 'x) v)", "[x 2]"],
  ["(let ((r (record 'a 1))) (aset r 1 'x) r)", "#s(a x)"],
  ["(let ((c (make-char-table 'x))) (aset c ?a 5) (list (aref c ?a) (aref c ?b)))", "(5 nil)"],
  ["(aref (make-char-table 'x) -1)", "!! (wrong-type-argument characterp -1)"],
  ["(car 1)", "!! (wrong-type-argument listp 1)"],
  ["(cdr-safe 1)", "nil"],
  ["(car-safe '(1 . 2))", "1"],
  ["(setcar nil 1)", "!! (wrong-type-argument consp nil)"],
  ["(setcdr 1 1)", "!! (wrong-type-argument consp 1)"],
  ["(symbol-name 1)", "!! (wrong-type-argument symbolp 1)"],
  ["(symbol-function 'nosuchfn)", "nil"],
  ["(symbol-function nil)", "nil"],
  ["(fset nil 'car)", "!! (setting-constant nil)"],
  ["(fset nil nil)", "nil"],
  ["(indirect-function 'nosuchfn)", "nil"],
  ["(indirect-function 1)", "1"],
  ["(progn (fset 'aa 'bb) (fset 'bb 'aa) (indirect-function 'aa))", "!! (cyclic-function-indirection bb)"],
  ["(makunbound nil)", "!! (setting-constant nil)"],
  ["(set nil 1)", "!! (setting-constant nil)"],
  ["(set :k 1)", "!! (setting-constant :k)"],
  ["(set :k :k)", ":k"],
  ["(set-default :k :k)", ":k"],
  ["(symbol-value 'nosuchvar)", "!! (void-variable nosuchvar)"],
  ["(boundp 'nil)", "t"],
  ["(boundp :foo)", "t"],
  ["(boundp 'nosuchvar)", "nil"],
  ["(fboundp 'car)", "t"],
  ["(fmakunbound nil)", "!! (setting-constant nil)"],
  ["(fmakunbound t)", "!! (setting-constant t)"],
  ["(default-value 'nosuchvar)", "!! (void-variable nosuchvar)"],
  ["(default-boundp 'nosuchvar)", "nil"],
  ["(set-default 'nil 1)", "!! (setting-constant nil)"],
  ["(progn (set-default 'xx-data 5) (list (default-value 'xx-data) (symbol-value 'xx-data)))", "(5 5)"],
  ["(progn (set 'xx-data2 5) (makunbound 'xx-data2) (boundp 'xx-data2))", "nil"],
  ["(number-to-string 1.5)", "\"1.5\""],
  ["(number-to-string (ash 1 70))", "\"1180591620717411303424\""],
  ["(number-to-string -12)", "\"-12\""],
  ["(number-to-string 'a)", "!! (wrong-type-argument numberp a)"],
  ["(number-to-string 1e100)", "\"1e+100\""],
  ["(keywordp :a)", "t"],
  ["(keywordp (make-symbol \":a\"))", "nil"],
  ["(keywordp (intern \":\"))", "t"],
  ["(keywordp 'a)", "nil"],
  ["(integer-or-marker-p 1.0)", "nil"],
  ["(natnump -1)", "nil"],
  ["(natnump 0)", "t"],
  ["(natnump (ash 1 100))", "t"],
  ["(natnump (- (ash 1 100)))", "nil"],
  ["(wholenump 5)", "t"],
  ["(char-or-string-p -1)", "nil"],
  ["(char-or-string-p 4194303)", "t"],
  ["(char-or-string-p 4194304)", "nil"],
  ["(sequencep (make-bool-vector 1 t))", "t"],
  ["(arrayp (make-char-table 'x))", "t"],
  ["(arrayp (record 'a))", "nil"],
  ["(sequencep nil)", "t"],
  ["(atom [1])", "t"],
  ["(nlistp nil)", "nil"],
  ["(eq (symbol-function 'wholenump) (symbol-function 'natnump))", "t"],
  ["(progn (defalias 'foo2 'car \"doc\") (get 'foo2 'function-documentation))", "\"doc\""],
  ["(defalias 'foo3 'car)", "foo3"],
  ["(get 'foo3 'function-documentation)", "nil"],
  ["(progn (fset 'foo4 nil) (fboundp 'foo4))", "nil"],
  ["(indirect-variable 'a)", "a"],
  ["(indirect-variable 1)", "1"],
  ["(defalias 1 'car)", "!! (wrong-type-argument symbolp 1)"],
  ["(subr-arity (symbol-function 'car))", "(1 . 1)"],
  ["(subr-arity (symbol-function 'if))", "(2 . unevalled)"],
  ["(subr-arity (symbol-function '+))", "(0 . many)"],
  ["(subr-name (symbol-function 'car))", "\"car\""],
  ["(subr-arity 'car)", "!! (wrong-type-argument subrp car)"],
  ["(byteorder)", "108"],
  ["(bool-vector-count-population (make-bool-vector 70 t))", "70"],
  ["(bool-vector-count-consecutive (bool-vector t t nil t) t 0)", "2"],
  ["(bool-vector-count-consecutive (bool-vector t t nil t) nil 2)", "1"],
  ["(bool-vector-count-consecutive (bool-vector t t nil t) nil 5)", "!! (args-out-of-range #&4\"\u000b\" 5)"],
  ["(bool-vector-count-consecutive (bool-vector t t nil t) nil 4)", "0"],
  ["(bool-vector-count-consecutive (make-bool-vector 100 t) t 3)", "97"],
  ["(bool-vector-count-consecutive (make-bool-vector 100 nil) nil 0)", "100"],
  ["(bool-vector-count-consecutive (make-bool-vector 100 nil) t 0)", "0"],
  ["(append (bool-vector-not (bool-vector t nil t)) nil)", "(nil t nil)"],
  ["(bool-vector-union (bool-vector t nil t) (bool-vector nil nil t nil))", "!! (wrong-length-argument 3 4)"],
  ["(bool-vector-union (bool-vector t nil t) (bool-vector nil t nil) (bool-vector t t t))", "nil"],
  ["(append (bool-vector-union (bool-vector t nil t) (bool-vector nil t nil) (bool-vector t nil nil)) nil)", "(t t t)"],
  ["(bool-vector-subsetp (bool-vector t nil t) (bool-vector t t t))", "t"],
  ["(bool-vector-subsetp (bool-vector t t t) (bool-vector t nil t))", "nil"],
  ["(append (bool-vector-exclusive-or (bool-vector t nil t) (bool-vector t t nil)) nil)", "(nil t t)"],
  ["(append (bool-vector-set-difference (bool-vector t nil t) (bool-vector t t nil)) nil)", "(nil nil t)"],
  ["(append (bool-vector-intersection (bool-vector t nil t) (bool-vector t t nil)) nil)", "(t nil nil)"],
  ["(bool-vector-intersection (bool-vector t nil t) (bool-vector t t nil) (bool-vector t nil nil))", "nil"],
  ["(bool-vector-intersection (bool-vector t nil t) 1)", "!! (wrong-type-argument bool-vector-p 1)"],
  ["(bool-vector-union (bool-vector t nil t) (bool-vector nil t nil) (bool-vector t nil))", "!! (wrong-length-argument 3 3 2)"],
  ["(bool-vector-not (bool-vector t nil t) (bool-vector t))", "!! (wrong-length-argument 3 1)"],
  ["(bool-vector-count-population (bool-vector-not (make-bool-vector 33 nil)))", "33"],
  ["(multibyte-string-p \"é\")", "t"],
  ["(setplist 'foo5 '(a 1))", "(a 1)"],
  ["(eq 1 1.0)", "nil"],
  ["(vector-or-char-table-p \"a\")", "nil"],
  ["(mapcar (function (lambda (s) (list s (get s 'error-conditions) (get s 'error-message)))) '(error quit minibuffer-quit user-error wrong-type-argument args-out-of-range void-function void-variable setting-constant overflow-error underflow-error singularity-error text-read-only user-search-failed file-missing file-already-exists remote-file-error scan-error coding-system-error protected-field trapping-constant circular-list cyclic-variable-indirection inhibited-interaction invalid-regexp search-failed end-of-file))", "((error (error) \"error\") (quit (quit) \"Quit\") (minibuffer-quit (minibuffer-quit quit) \"Quit\") (user-error (user-error error) \"\") (wrong-type-argument (wrong-type-argument error) \"Wrong type argument\") (args-out-of-range (args-out-of-range error) \"Args out of range\") (void-function (void-function error) \"Symbol's function definition is void\") (void-variable (void-variable error) \"Symbol's value as variable is void\") (setting-constant (setting-constant error) \"Attempt to set a constant symbol\") (overflow-error (overflow-error range-error arith-error error) \"Arithmetic overflow error\") (underflow-error (underflow-error range-error arith-error error) \"Arithmetic underflow error\") (singularity-error (singularity-error domain-error arith-error error) \"Arithmetic singularity error\") (text-read-only (text-read-only buffer-read-only error) \"Text is read-only\") (user-search-failed (user-search-failed user-error search-failed error) \"Search failed\") (file-missing (file-missing file-error error) \"File is missing\") (file-already-exists (file-already-exists file-error error) \"File already exists\") (remote-file-error (remote-file-error file-error error) \"Remote file error\") (scan-error (scan-error error) \"Scan error\") (coding-system-error (coding-system-error error) \"Invalid coding system\") (protected-field (protected-field error) \"Attempt to modify a protected field\") (trapping-constant (trapping-constant error) \"Attempt to trap writes to a constant symbol\") (circular-list (circular-list error) \"List contains a loop\") (cyclic-variable-indirection (cyclic-variable-indirection error) \"Symbol's chain of variable indirections contains a loop\") (inhibited-interaction (inhibited-interaction error) \"User interaction while inhibited\") (invalid-regexp (invalid-regexp error) \"Invalid regexp\") (search-failed (search-failed error) \"Search failed\") (end-of-file (end-of-file error) \"End of file during parsing\"))"],
  ["(mapcar (function (lambda (x) (condition-case e (string-to-number x) (error e)))) '(\"1\" \"-1\" \"+1\" \"1.5\" \"-1.5\" \"1e5\" \"1E5\" \"1e-5\" \"1.5e5\" \".5e5\" \"5.\" \"5.e\" \"-\" \"+\" \".\" \"abc\" \"1a\" \"0\" \"00\" \"007\" \"1e+\" \"1e-\" \"1e+5\"))", "(1 -1 1 1.5 -1.5 100000.0 100000.0 1e-05 150000.0 50000.0 5 5 0 0 0 0 1 0 0 7 1 1 100000.0)"],
  ["(mapcar (function (lambda (x) (string-to-number x 16))) '(\"ff\" \"FF\" \"fg\" \"-f\" \"10.5\" \"1e3\" \"  a\"))", "(255 255 15 -15 16 483 10)"],
  ["(mapcar (function (lambda (x) (string-to-number x 2))) '(\"101\" \"102\" \"2\"))", "(5 2 0)"],];

test('data.c primitives agree with GNU Emacs 28.2', () => {
  for (const [src, expected] of CASES) assert.equal(show(src), expected, src);
});

test('fixnum overflow goes to bignums', () => {
  const r = ev('(* 536870911 2)');
  assert.ok(bignump(rt, r));
  assert.equal(int('(* 536870911 2)'), 1073741822n);
  assert.equal(int('(+ most-positive-fixnum 1)'), 536870912n);
  assert.ok(bignump(rt, ev('(+ most-positive-fixnum 1)')));
  assert.ok(isFixnum(ev('(- (+ most-positive-fixnum 1) 1)')));
  assert.equal(int('(- most-negative-fixnum 1)'), -536870913n);
  assert.equal(int('(- most-negative-fixnum)'), 536870912n);
  assert.equal(int('(/ most-negative-fixnum -1)'), 536870912n);
  assert.equal(int('(1+ most-positive-fixnum)'), 536870912n);
  assert.equal(int('(* most-positive-fixnum most-positive-fixnum most-positive-fixnum)'), 536870911n ** 3n);
  assert.equal(num('(+ most-positive-fixnum most-positive-fixnum 0.5)'), 1073741822.5);
  assert.equal(int('(ash 1 100)'), 1n << 100n);
  assert.equal(int('(logand -1 (ash 1 100))'), 1n << 100n);
  assert.equal(show('(= (ash 1 100) (* (ash 1 50) (ash 1 50)))'), 't');
  assert.equal(show('(< (ash 1 100) (1+ (ash 1 100)))'), 't');
  // A bignum result that shrinks back into range is a fixnum again.
  assert.ok(isFixnum(ev('(- (ash 1 100) (ash 1 100))')));
});

test('integers compare exactly with floats', () => {
  assert.equal(show('(= (1+ (ash 1 53)) (float (ash 1 53)))'), 'nil');
  assert.equal(show('(< (float (ash 1 53)) (1+ (ash 1 53)))'), 't');
  assert.equal(show('(= (ash 1 53) (float (ash 1 53)))'), 't');
  assert.equal(show('(> (ash 1 2000) 1.0e+INF)'), 'nil');
  assert.equal(show('(< (ash 1 2000) 1.0e+INF)'), 't');
});

test('string-to-number NaNs carry the leading integer as payload', () => {
  const f = new Float64Array(1);
  const w = new Uint32Array(f.buffer);
  f[0] = num('(string-to-number "1.5e+NaN")');
  assert.equal(w[0], 1);
  assert.equal(w[1], 0x7ff80000);
  f[0] = num('(string-to-number "-2.0e+NaN")');
  assert.equal(w[0], 2);
  assert.equal(w[1], 0xfff80000);
});

test('aset re-encodes multibyte strings in place', () => {
  assert.equal(show('(let ((s (copy-sequence "aéc"))) (aset s 1 ?x) (aset s 0 ?😀) (list s (string-bytes s) (length s) (aref s 2)))'), '("😀xc" 6 3 99)');
  assert.equal(show('(let ((s (copy-sequence "abc"))) (aset s 1 ?é) (list s (multibyte-string-p s)))'), '("a\\351c" nil)');
  assert.equal(show('(let ((s (copy-sequence "abc"))) (aset s 1 ?→) (list s (multibyte-string-p s) (string-bytes s)))'), '("a→c" t 5)');
});
