// Tests for the Lisp reader (src/emacs/lread.ts): read syntax, errors, interning, load; expectations recorded from GNU Emacs 28.2.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import '../src/emacs/all.ts';
import { createRuntime } from '../src/core/init.ts';
import { nodeHost } from '../src/host/node.ts';
import { readFromString, makeReader, loadFile, lexicalBindingCookie } from '../src/emacs/lread.ts';
import { prin1ToJs } from '../src/emacs/print.ts';
import {
  cons, makeString, makeUnibyteString, xcar, xcdr, consp, fixnumValue, stringMultibyte, stringBytes, aref,
  pvecType, pvecSize, symbolName,
} from '../src/core/object.ts';
import { LispSignal } from '../src/core/signal.ts';
import { PVEC_BOOL_VECTOR, PVEC_COMPILED, PVEC_RECORD, PVEC_SUB_CHAR_TABLE, PVEC_CHAR_TABLE } from '../src/heap/layout.ts';
import { evalSub } from '../src/emacs/eval.ts';

const rt = createRuntime({ host: nodeHost() });
const ERR = readFromString(rt, makeString(rt, 'ERR')).obj;

/** What GNU's (condition-case e (read-from-string S) (error (cons 'ERR e))) prints. */
function readPrinted(src: string): string {
  try {
    const r = readFromString(rt, makeString(rt, src));
    return prin1ToJs(rt, cons(rt, r.obj, (r.end << 2) | 2));
  } catch (e) {
    if (e instanceof LispSignal) return prin1ToJs(rt, cons(rt, ERR, cons(rt, e.symbol, e.data)));
    throw e;
  }
}
const read = (src: string): number => readFromString(rt, makeString(rt, src)).obj;
const evalString = (src: string): number => evalSub(rt, read(src));

// [source, what GNU Emacs 28.2 prints for (read-from-string source) or its error]
const CASES: [string, string][] = [
  ["(a b . c)", "((a b . c) . 9)"],
  ["(1 . )", "(ERR invalid-read-syntax \")\")"],
  [")", "(ERR invalid-read-syntax \")\")"],
  ["#", "(ERR invalid-read-syntax \"#\")"],
  ["?", "(ERR end-of-file)"],
  ["", "(ERR end-of-file)"],
  ["(", "(ERR end-of-file)"],
  ["(1 . 2 3)", "(ERR invalid-read-syntax \". in wrong context\")"],
  ["[1 2", "(ERR end-of-file)"],
  ["\"abc", "(ERR end-of-file)"],
  ["#s(foo)", "(#s(foo) . 7)"],
  ["#s()", "(ERR wrong-type-argument wholenump -1)"],
  ["#s(hash-table size 3 test equal data (a 1 b 2))", "(#s(hash-table size 3 test equal rehash-size 1.5 rehash-threshold 0.8125 data (a 1 b 2)) . 47)"],
  ["#&5\"\\37\"", "(#&5\"\u001f\" . 8)"],
  ["#&5\"ab\"", "(ERR invalid-read-syntax \"#&...\")"],
  ["#1=(a . #1#)", "((a . #0) . 12)"],
  ["#$", "(nil . 2)"],
  ["##", "(## . 2)"],
  ["#:foo", "(foo . 5)"],
  ["?\\C-a", "(1 . 5)"],
  ["?\\^?", "(127 . 4)"],
  ["?\\C-?", "(127 . 5)"],
  ["?\\M-a", "(134217825 . 5)"],
  ["?\\S-a", "(33554529 . 5)"],
  ["?\\H-a", "(16777313 . 5)"],
  ["?\\s-a", "(8388705 . 5)"],
  ["?\\A-a", "(4194401 . 5)"],
  ["?\\s", "(32 . 3)"],
  ["?\\d", "(127 . 3)"],
  ["?\\e", "(27 . 3)"],
  ["?\\(", "(40 . 3)"],
  ["?\\N{U+E9}", "(233 . 9)"],
  ["?ab", "(ERR invalid-read-syntax \"?\")"],
  ["?a(", "(97 . 2)"],
  ["1.", "(1 . 2)"],
  ["+1", "(1 . 2)"],
  ["-0.0", "(-0.0 . 4)"],
  [".5", "(0.5 . 2)"],
  ["1e3", "(1000.0 . 3)"],
  ["1.5e-3", "(0.0015 . 6)"],
  ["1.0e+INF", "(1.0e+INF . 8)"],
  ["-1.0e+INF", "(-1.0e+INF . 9)"],
  ["0.0e+NaN", "(0.0e+NaN . 8)"],
  ["#x10", "(16 . 4)"],
  ["#o17", "(15 . 4)"],
  ["#b101", "(5 . 5)"],
  ["#24r1k", "(44 . 6)"],
  ["#x", "(ERR invalid-read-syntax \"integer, radix 16\")"],
  ["1.e3", "(1000.0 . 4)"],
  ["-.5", "(-0.5 . 3)"],
  ["\\1", "(\\1 . 2)"],
  ["1a", "(1a . 2)"],
  [". a", "(ERR invalid-read-syntax \".\")"],
  ["(. a)", "(a . 5)"],
  ["(a .)", "((a \\.) . 5)"],
  ["(a . b . c)", "(ERR invalid-read-syntax \". in wrong context\")"],
  ["'x", "('x . 2)"],
  ["#'f", "(#'f . 3)"],
  ["`(a ,b ,@c)", "(`(a ,b ,@c) . 11)"],
  ["\"\\xff\"", "(\"\\377\" . 6)"],
  ["\"\\u00ff\"", "(\"ÿ\" . 8)"],
  ["\"\\xe9\"", "(\"\\351\" . 6)"],
  ["\"\\M-a\"", "(\"\\341\" . 6)"],
  ["\"\\C-a\"", "(\"\u0001\" . 6)"],
  ["\"\\s\"", "(\" \" . 4)"],
  ["\"\\ x\"", "(\"x\" . 5)"],
  ["\"a\\\nb\"", "(\"ab\" . 6)"],
  ["#[(x) \"\\300\\207\" [x] 1]", "(#[(x) \"\\300\\207\" [x] 1] . 23)"],
  ["#[1 2 3]", "(ERR invalid-read-syntax \"Invalid byte-code object\")"],
  ["?\\M", "(ERR error \"Invalid escape character syntax\")"],
  ["#1=[a #1#]", "([a #1] . 10)"],
  ["(#1=(a) #1# #1#)", "(((a) (a) (a)) . 16)"],
  ["#x-1f", "(-31 . 5)"],
  ["123456789012345678901234567890", "(123456789012345678901234567890 . 30)"],
  ["-1.5e3", "(-1500.0 . 6)"],
  ["+.e3", "(+\\.e3 . 4)"],
  ["-", "(- . 1)"],
  ["1+", "(1+ . 2)"],
  ["\\.5", "(\\.5 . 3)"],
  ["a\\ b", "(a\\ b . 4)"],
  ["#:1", "(\\1 . 3)"],
  ["#_1", "(\\1 . 3)"],
  ["#@00 foo", "(nil . 8)"],
  ["#!foo\n5", "(5 . 7)"],
  ["?\\C-\\s", "(67108896 . 6)"],
  ["?\\^", "(-1 . 3)"],
  ["[a . b]", "(ERR invalid-read-syntax \") or . in a vector\")"],
  ["(a ]", "(ERR invalid-read-syntax \"] in a list\")"],
  ["#^^[3 0 1]", "(ERR error \"Invalid size in sub char-table\")"],
  ["\"\\H-a\"", "(ERR invalid-read-syntax \"Invalid modifier in string\")"],
  ["?\\U00110000", "(ERR error \"Non-Unicode character: 0x110000\")"],
  ["\"\\u12x\"", "(ERR error \"Non-hex character used for Unicode escape: x (120)\")"],
  ["?\\x10000000", "(ERR error \"Hex character out of range: \\\\x10000000...\")"],
  ["?\\N{U+D800}", "(ERR invalid-read-syntax \"\\\\N{U+D800}\")"],
  ["?\\Nx", "(ERR invalid-read-syntax \"Expected opening brace after \\\\N\")"],
  ["#s", "(ERR invalid-read-syntax \"#\")"],
  ["#^x", "(ERR invalid-read-syntax \"#^\")"],
  ["#37r1", "(ERR invalid-read-syntax \"integer, radix 37\")"],
  ["#-1r1", "(ERR invalid-read-syntax \"#\")"],
  ["#1#", "(ERR invalid-read-syntax \"#\")"],
  ["#1=#1#", "((nil) . 6)"],
  ["foo;bar", "(foo . 3)"],
  ["; c\n x", "(x . 6)"],
  ["(a #| b)", "(ERR invalid-read-syntax \"#\")"],
  [":kw", "(:kw . 3)"],
  ["\"é\\xff\"", "(\"é\\377\" . 7)"],
  ["\"\\xff\\u00e9\"", "(\"\\377é\" . 12)"],
  ["?\\^@", "(0 . 4)"],
  ["?\\C-%", "(67108901 . 5)"],
  ["?é", "(233 . 2)"],
  ["?\\777", "(511 . 5)"],
  ["\"\\200\"", "(\"\\200\" . 6)"],];

test('read syntax and errors match GNU Emacs 28.2', () => {
  const failures: string[] = [];
  for (const [src, want] of CASES) {
    const got = readPrinted(src);
    if (got !== want) failures.push(`${JSON.stringify(src)}: got ${got}, want ${want}`);
  }
  assert.deepEqual(failures, []);
});

test('string literals: unibyte or multibyte as GNU decides', () => {
  const mb = (src: string): [boolean, number[]] => {
    const s = read(src);
    return [stringMultibyte(rt, s), Array.from(stringBytes(rt, s))];
  };
  assert.deepEqual(mb('"\\xff"'), [false, [0xff]]);
  assert.deepEqual(mb('"\\xe9"'), [false, [0xe9]]);
  assert.deepEqual(mb('"\\u00ff"'), [true, [0xc3, 0xbf]]);
  assert.deepEqual(mb('"é"'), [true, [0xc3, 0xa9]]);
  assert.deepEqual(mb('"abc"'), [false, [97, 98, 99]]);
  assert.deepEqual(mb('"\\M-a"'), [false, [0xe1]]);
  assert.deepEqual(mb('"é\\xff"'), [true, [0xc3, 0xa9, 0xc1, 0xbf]]);
  assert.deepEqual(mb('"\\N{U+1F600}"'), [true, [0xf0, 0x9f, 0x98, 0x80]]);
  // A unibyte source: bytes >= 0x80 are Latin-1 characters in a string, raw bytes in a symbol name.
  const r = readFromString(rt, makeUnibyteString(rt, new Uint8Array([0x22, 0xe9, 0x22]))).obj;
  assert.deepEqual([stringMultibyte(rt, r), Array.from(stringBytes(rt, r))], [true, [0xc3, 0xa9]]);
  const sym = readFromString(rt, makeUnibyteString(rt, new Uint8Array([0xe9, 0x78]))).obj;
  assert.deepEqual(Array.from(stringBytes(rt, symbolName(rt, sym))), [0xe9, 0x78]);
});

test('characters carry GNU modifier bits', () => {
  const v = (s: string): number => fixnumValue(read(s));
  assert.equal(v('?\\M-a'), 2 ** 27 + 97);
  assert.equal(v('?\\C-\\M-a'), 2 ** 27 + 1);
  assert.equal(v('?\\S-a'), 2 ** 25 + 97);
  assert.equal(v('?\\H-a'), 2 ** 24 + 97);
  assert.equal(v('?\\s-a'), 2 ** 23 + 97);
  assert.equal(v('?\\A-a'), 2 ** 22 + 97);
  assert.equal(v('?\\C-%'), 2 ** 26 + 37);
  assert.equal(v('?\\U0001F600'), 0x1f600);
  assert.equal(v('?\\x41'), 65);
  assert.equal(v('?\\101'), 65);
  assert.equal(v('?\\xfffffff'), 264241407);
});

test('structures: records, bool-vectors, byte-code, char-tables, circular lists', () => {
  const rec = read('#s(foo 1 2)');
  assert.equal(pvecType(rt, rec), PVEC_RECORD);
  assert.equal(pvecSize(rt, rec), 3);
  const bv = read('#&10"\\377\\3"');
  assert.equal(pvecType(rt, bv), PVEC_BOOL_VECTOR);
  assert.equal(fixnumValue(aref(rt, bv, 0)), 10);
  assert.equal(aref(rt, bv, 1), 0x3ff);
  const bc = read('#[(x) "\\300\\207" [x] 1]');
  assert.equal(pvecType(rt, bc), PVEC_COMPILED);
  const ct = read(`#^[nil nil x nil ${'nil '.repeat(64)}]`);
  assert.equal(pvecType(rt, ct), PVEC_CHAR_TABLE);
  const sct = read(`#^^[3 0 ${'a '.repeat(128)}]`);
  assert.equal(pvecType(rt, sct), PVEC_SUB_CHAR_TABLE);
  assert.equal(fixnumValue(aref(rt, sct, 0)), 3);
  const circ = read('#1=(a b . #1#)');
  assert.equal(xcdr(rt, xcdr(rt, circ)), circ);
  const vec = read('#1=[a #1# (#1#)]');
  assert.equal(aref(rt, vec, 1), vec);
  assert.equal(xcar(rt, aref(rt, vec, 2)), vec);
  const shared = read('(#1=(x) #1#)');
  assert.equal(xcar(rt, shared), xcar(rt, xcdr(rt, shared)));
});

test('symbols: interning, uninterned, keywords, ##', () => {
  assert.equal(read('foo'), read('foo'));
  assert.notEqual(read('#:foo'), read('foo'));
  assert.equal(read('##'), read('##'));
  assert.equal(read('a\\ b'), evalString('(intern "a b")'));
  const kw = read(':my-new-keyword');
  assert.equal(evalString(':my-new-keyword'), kw);
  assert.equal(prin1ToJs(rt, evalString('(list (intern-soft "no-such-symbol-xyz") (eq (intern "car") (quote car)))')), '(nil t)');
  assert.equal(prin1ToJs(rt, evalString('(let ((s (intern "lread-test-unintern"))) (list (unintern s obarray) (intern-soft "lread-test-unintern")))')), '(t nil)');
  assert.equal(prin1ToJs(rt, evalString('(let ((n 0)) (mapatoms (function (lambda (s) (if (eq s (quote car)) (setq n (1+ n)))))) n)')), '1');
  assert.equal(prin1ToJs(rt, evalString('(let ((read-symbol-shorthands (quote (("x-" . "xylophone-"))))) (read "x-foo"))')), 'xylophone-foo');
});

test('read from a function stream and read-from-string bounds', () => {
  const stream = (text: string): string =>
    `(let ((chars (append "${text}" nil))) (list (read (function (lambda (&optional c) (if c (setq chars (cons c chars)) (prog1 (car chars) (setq chars (cdr chars))))))) chars))`;
  assert.equal(prin1ToJs(rt, evalString(stream('(a b) c'))), '((a b) (32 99))');
  assert.equal(prin1ToJs(rt, evalString(stream('ab c'))), '(ab (32 99))');
  assert.equal(prin1ToJs(rt, evalString('(read-from-string "abc def" 4)')), '(def . 7)');
  assert.equal(prin1ToJs(rt, evalString('(read-from-string "(1 2) x" 0 5)')), '((1 2) . 5)');
  assert.equal(prin1ToJs(rt, evalString('(condition-case e (read-from-string "abc" 2 1) (error e))')), '(args-out-of-range "abc" 2 1)');
  assert.equal(prin1ToJs(rt, evalString('(read-from-string "éa b" -2)')), '(b . 4)');
});

test('deep nesting is a Lisp error or a value, never a JS exception', () => {
  const deep = '('.repeat(200000) + ')'.repeat(200000);
  try {
    const r = read(deep);
    assert.ok(consp(r) || r === 0);
  } catch (e) {
    assert.ok(e instanceof LispSignal);
  }
  assert.equal(readPrinted('('.repeat(5000) + ')'.repeat(5000)).length > 0, true);
});

test('reader fuzz: random bytes read or signal, never throw anything else', () => {
  const alphabet = '()[]#?"\\\'`,.;:@&^s_0123456789xXabN{}=+-eE \n\tM-C-é\u00a0'.split('');
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }), (parts) => {
      const src = parts.join('');
      try {
        readFromString(rt, makeString(rt, src));
      } catch (e) {
        if (!(e instanceof LispSignal)) throw e;
      }
    }),
    { numRuns: 3000 },
  );
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 60 }), (bytes) => {
      try {
        readFromString(rt, makeUnibyteString(rt, bytes));
        const r = makeReader(rt, bytes);
        while (r.next() !== undefined);
      } catch (e) {
        if (!(e instanceof LispSignal)) throw e;
      }
    }),
    { numRuns: 2000 },
  );
});

test('load: lexical-binding cookie, load variables, history, missing files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lread-'));
  writeFileSync(join(dir, 'lx.el'), ';; -*- lexical-binding: t -*-\n(setq lread-test-clo (let ((a 1)) (function (lambda () a))))\n(setq lread-test-vars (list load-in-progress lexical-binding (equal load-file-name (concat default-directory "lx.el"))))\n');
  writeFileSync(join(dir, 'dy.el'), '#!/usr/bin/env emacs\n(setq lread-test-dyn (list lexical-binding load-in-progress))\n');
  evalSub(rt, read(`(setq load-path (list ${JSON.stringify(dir)}))`));
  evalSub(rt, read(`(setq default-directory ${JSON.stringify(dir + '/')})`));
  assert.equal(prin1ToJs(rt, evalString('(load "lx" nil t)')), 't');
  assert.equal(prin1ToJs(rt, evalString('lread-test-clo')), '(closure ((a . 1) t) nil a)');
  assert.equal(prin1ToJs(rt, evalString('lread-test-vars')), '(t t t)');
  assert.equal(prin1ToJs(rt, evalString('(list load-in-progress load-file-name)')), '(nil nil)');
  assert.equal(prin1ToJs(rt, evalString('(car load-history)')), `(${JSON.stringify(join(dir, 'lx.el'))})`);
  loadFile(rt, join(dir, 'dy.el'), { nomessage: true });
  assert.equal(prin1ToJs(rt, evalString('lread-test-dyn')), '(nil t)');
  assert.equal(prin1ToJs(rt, evalString('(condition-case e (load "nonexistent-xyz") (error e))')), '(file-missing "Cannot open load file" "No such file or directory" "nonexistent-xyz")');
  assert.equal(prin1ToJs(rt, evalString('(load "nonexistent-xyz" t)')), 'nil');
  assert.equal(prin1ToJs(rt, evalString('(get-load-suffixes)')), '(".elc" ".elc.gz" ".el" ".el.gz")');
  assert.equal(lexicalBindingCookie(new TextEncoder().encode(';;; x.el --- y  -*- lexical-binding:t; -*-\n')), true);
  assert.equal(lexicalBindingCookie(new TextEncoder().encode(';; -*- lexical-binding: nil -*-\n')), false);
  assert.equal(lexicalBindingCookie(new TextEncoder().encode('(setq x 1) ; -*- lexical-binding: t -*-\n')), false);
});

test('makeReader yields one form at a time', () => {
  const r = makeReader(rt, new TextEncoder().encode('; comment\n(a) "é" 12\n  '));
  const got: string[] = [];
  for (let x = r.next(); x !== undefined; x = r.next()) got.push(prin1ToJs(rt, x));
  assert.deepEqual(got, ['(a)', '"é"', '12']);
});
