// Tests for src/emacs/print.ts: the printer against outputs recorded from GNU Emacs 28.2 (prin1-to-string of each object).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../src/emacs/eval.ts';
import '../src/emacs/fns.ts';
import '../src/emacs/lread.ts';
import '../src/emacs/print.ts';
import '../src/emacs/editfns.ts';
import '../src/emacs/alloc.ts';
import { createRuntime } from '../src/core/init.ts';
import { nodeHost } from '../src/host/node.ts';
import { Qnil, Qt } from '../src/core/symbols.ts';
import { DEFUN } from '../src/core/subr.ts';
import type { Runtime } from '../src/core/runtime.ts';
import { fixnumValue } from '../src/heap/tags.ts';
import { cons, jsString, list, listToArray, makeFixnum, makeFloat, makeString, makeSymbol, putProp, xcar, xcdr } from '../src/core/object.ts';
import { LispSignal } from '../src/core/signal.ts';
import { intern } from '../src/core/obarray.ts';
import { readFromString } from '../src/emacs/lread.ts';
import { specbind, unbindTo, funcall } from '../src/emacs/eval.ts';
import { floatToString, prin1ToJs, prin1ToString } from '../src/emacs/print.ts';

// Declared before any runtime exists, as every primitive must be.
let collectInto: number[] = [];
DEFUN('print-test--collect', 1, 1, 'Test helper: record a printed character.', (_rt, c: number) => {
  collectInto.push(fixnumValue(c));
  return Qnil;
});

const rt = createRuntime({ host: nodeHost() });
const read = (src: string): number => readFromString(rt, makeString(rt, src)).obj;

// [mode ("p" prin1, "n" princ), let-bindings, list of objects, what GNU Emacs 28.2 printed for each]
const CASES: [string, string, string, string[]][] = [
[
"p",
"nil",
"(1.0 0.1 1e20 100.0 1e14 1e15 1e16 123456789012345678.0 1234567890123456.0 0.0001 0.00001 1.5e-7 -0.0 0.0 1.0e+INF -1.0e+INF 0.0e+NaN -0.0e+NaN 5e-324 2.2250738585072014e-308 1.7976931348623157e308 0.3 0.3333333333333333 123.456 -2.5 1e21 12345678901234567890.0 4.35 1e100 1e-300 6.02214076e23 2.5e-5 0.1e-3)",
[
"1.0",
"0.1",
"1e+20",
"100.0",
"100000000000000.0",
"1e+15",
"1e+16",
"1.2345678901234568e+17",
"1234567890123456.0",
"0.0001",
"1e-05",
"1.5e-07",
"-0.0",
"0.0",
"1.0e+INF",
"-1.0e+INF",
"0.0e+NaN",
"-0.0e+NaN",
"5e-324",
"2.2250738585072014e-308",
"1.7976931348623157e+308",
"0.3",
"0.3333333333333333",
"123.456",
"-2.5",
"1e+21",
"1.2345678901234567e+19",
"4.35",
"1e+100",
"1e-300",
"6.02214076e+23",
"2.5e-05",
"0.0001"
]
],
[
"p",
"((float-output-format \"%.3f\"))",
"(1.0 12345.678 -0.5 1.0e+INF)",
[
"1.000",
"12345.678",
"-0.500",
"1.0e+INF"
]
],
[
"p",
"((float-output-format \"%.0f\"))",
"(1.0 2.5)",
[
"1",
"2"
]
],
[
"p",
"((float-output-format \"%.3g\"))",
"(1.0 1234.5 0.0001)",
[
"1.0",
"1.23e+03",
"0.0001"
]
],
[
"p",
"((float-output-format \"%.0e\"))",
"(1.0)",
[
"1.0"
]
],
[
"p",
"((float-output-format \"%.2e\"))",
"(1.0 -1234.5)",
[
"1.00e+00",
"-1.23e+03"
]
],
[
"p",
"((float-output-format \"%g\"))",
"(1.5)",
[
"1.5"
]
],
[
"p",
"nil",
"(foo a\\,b \\?a a\\?b \\. a\\.b \\1 \\-1\\.5 \\+1 - + \\1e5 1e \\1\\.5 \\#a a\\#b ## a\\ b a\\;b a\\\"b a\\'b a\\(b\\) \\[x\\] a\\`b a\\\\b é 1a -e 12e3e :kw nil \\1\\.0e+INF 0x10 \\#b101 -\\. \\1\\. \\.1 a|b a{b} \\-0 \\+\\.5 \\1\\.e5 1\\.e -1e)",
[
"foo",
"a\\,b",
"\\?a",
"a\\?b",
"\\.",
"a\\.b",
"\\1",
"\\-1\\.5",
"\\+1",
"-",
"+",
"\\1e5",
"1e",
"\\1\\.5",
"\\#a",
"a\\#b",
"##",
"a\\ b",
"a\\;b",
"a\\\"b",
"a\\'b",
"a\\(b\\)",
"\\[x\\]",
"a\\`b",
"a\\\\b",
"é",
"1a",
"-e",
"12e3e",
":kw",
"nil",
"\\1\\.0e+INF",
"0x10",
"\\#b101",
"-\\.",
"\\1\\.",
"\\.1",
"a|b",
"a{b}",
"\\-0",
"\\+\\.5",
"\\1\\.e5",
"1\\.e",
"-1e"
]
],
[
"n",
"nil",
"(foo a\\,b \\?a \\1 é a\\ b)",
[
"foo",
"a,b",
"?a",
"1",
"é",
"a b"
]
],
[
"p",
"nil",
"(\"a\\nb\\fc\\\"d\\\\e\\tf\\e\\0g\\177\" \"é\" \"\\377\" \"\\2001\" \"é\\377\")",
[
"\"a\nb\fc\\\"d\\\\e\tf\u001b\u0000g\"",
"\"é\"",
"\"\\377\"",
"\"\\2001\"",
"\"é\\377\""
]
],
[
"n",
"nil",
"(\"a\\nb\\\"c\\\\\" \"\\377\" \"é\\377\")",
[
"a\nb\"c\\",
"\\377",
"é\\377"
]
],
[
"p",
"((print-escape-newlines t))",
"(\"a\\nb\\fc\\r\")",
[
"\"a\\nb\\fc\r\""
]
],
[
"p",
"((print-escape-control-characters t))",
"(\"a\\nb\\fc\\r\\e\\177\\0001\\0009\")",
[
"\"a\\12b\\14c\\15\\33\\177\\0001\\09\""
]
],
[
"p",
"((print-escape-nonascii t))",
"(\"é\\377\" \"\\351\")",
[
"\"é\\377\"",
"\"\\351\""
]
],
[
"p",
"((print-escape-multibyte t))",
"(\"éa1\\u1234b\" \"é x\")",
[
"\"\\x00e9\\ a1\\x1234\\ b\"",
"\"\\x00e9 x\""
]
],
[
"p",
"nil",
"('x #'x `(a ,b ,@c) (quote x y) (quote . x) (quote) (\\, x) (a \\, b) `(a . ,b) ``(a ,,b))",
[
"'x",
"#'x",
"`(a ,b ,@c)",
"(quote x y)",
"(quote . x)",
"(quote)",
"(\\, x)",
"(a \\, b)",
"`(a \\, b)",
"``(a ,,b)"
]
],
[
"p",
"((print-quoted nil))",
"('x #'x `(a ,b))",
[
"(quote x)",
"(function x)",
"(\\` (a (\\, b)))"
]
],
[
"p",
"nil",
"((a b . c) [a \"b\" (c)] #s(foo 1 \"x\") #&5\"\\37\" #&10\"\\377\\3\" #&0\"\" #&8\"\\377\" #&11\"\\0\\4\")",
[
"(a b . c)",
"[a \"b\" (c)]",
"#s(foo 1 \"x\")",
"#&5\"\u001f\"",
"#&10\"\\377\u0003\"",
"#&0\"\"",
"#&8\"\\377\"",
"#&11\"\u0000\u0004\""
]
],
[
"n",
"nil",
"([a \"b\" (c)] #s(foo 1 \"x\"))",
[
"[a b (c)]",
"#s(foo 1 x)"
]
],
[
"p",
"((print-length 3))",
"((1 2 3 4 5) [1 2 3 4] (1 2 3) #&40\"\\377\\377\\377\\377\\377\" #s(a 1 2 3 4) \"abcdef\" (1 2 3 . 4) (1 2 . 3))",
[
"(1 2 3 ...)",
"[1 2 3 ...]",
"(1 2 3)",
"#&40\"\\377\\377\\377 ...\"",
"#s(a 1 2 ...)",
"\"abcdef\"",
"(1 2 3 . 4)",
"(1 2 . 3)"
]
],
[
"p",
"((print-length 0))",
"((1 2) [1])",
[
"(...)",
"[ ...]"
]
],
[
"p",
"((print-level 2))",
"((1 (2 (3 (4)))) [1 [2 [3]]] ((((a)))) '(a (b (c))) (1 [2 (3)]) (1 #s(2 (3))) (a '(b)))",
[
"(1 (2 ...))",
"[1 [2 [3]]]",
"((...))",
"'(a ...)",
"(1 [2 ...])",
"(1 #s(2 ...))",
"(a '...)"
]
],
[
"p",
"((print-level 0))",
"(1)",
[
"1"
]
],
[
"p",
"nil",
"(#1=(1 2 . #1#))",
[
"(1 2 1 2 . #2)"
]
],
[
"p",
"nil",
"(#1=(1 2 3 4 5 . #1#))",
[
"(1 2 3 4 5 1 2 3 4 5 1 . #5)"
]
],
[
"p",
"nil",
"((1 . #1=(2 3 4 5 . #1#)))",
[
"(1 2 3 4 5 2 3 4 5 2 . #5)"
]
],
[
"p",
"nil",
"(#1=(#1# 2))",
[
"(#0 2)"
]
],
[
"p",
"nil",
"(#1=(1 (2 (#1#))))",
[
"(1 (2 (#0)))"
]
],
[
"p",
"nil",
"(#1=[#1# 2])",
[
"[#0 2]"
]
],
[
"p",
"nil",
"(#1=#s(a #1#))",
[
"#s(a #0)"
]
],
[
"p",
"nil",
"(#1=(a a a a a a a a a a . #1#))",
[
"(a a a a a a a a a a a a a a a a a a a a a a a a . #12)"
]
],
[
"p",
"((print-circle t))",
"((#1=(1 2) #1#) (#1=(1 2) [#1#] \"s\") #1=(1 2 . #1#) (\"s\" \"s\") (#2=(x) #1=(y) #1# #2#) (#1=(x) (#2=(y) #1#) #2#) ((1 . #1=(2)) . #1#) #1=(#1#) (#1=#s(a 1) #1#) #1=#s(a #1#))",
[
"(#1=(1 2) #1#)",
"(#1=(1 2) [#1#] \"s\")",
"#1=(1 2 . #1#)",
"(\"s\" \"s\")",
"(#2=(x) #1=(y) #1# #2#)",
"(#1=(x) (#2=(y) #1#) #2#)",
"((1 . #1=(2)) . #1#)",
"#1=(#1#)",
"(#1=#s(a 1) #1#)",
"#1=#s(a #1#)"
]
],
[
"p",
"((print-integers-as-characters t))",
"(?a ?\\n ?\\s ?é 1234567 ?\\( ?\\\\ 0 127 ?\\C-a ?\\t ?\\; ?\\\" ?\\' ?# ?| ?{ ?\\xa0 ?\\x200b ?\\x4e00 ?\\x1f600 ?\\xfffe 27 8)",
[
"?a",
"?\\n",
"?\\s",
"?é",
"1234567",
"?\\(",
"?\\\\",
"0",
"127",
"1",
"?\\t",
"?\\;",
"?\\\"",
"?\\'",
"?#",
"?|",
"?\\{",
"160",
"8203",
"?一",
"?😀",
"65534",
"27",
"?\\b"
]
],
[
"n",
"((print-integers-as-characters t))",
"(?\\( ?\\; ?a)",
[
"?(",
"?;",
"?a"
]
],
[
"p",
"nil",
"(1180591620717411303424 -1180591620717411303424 -5 536870911)",
[
"1180591620717411303424",
"-1180591620717411303424",
"-5",
"536870911"
]
]
];

for (const [mode, vars, src, expected] of CASES) {
  test(`${mode} ${vars} ${src.slice(0, 60)}`, () => {
    const count = rt.specCount;
    try {
      for (const b of listToArray(rt, read(vars))) specbind(rt, xcar(rt, b), xcar(rt, xcdr(rt, b)));
      const objs = listToArray(rt, read(src));
      const got = objs.map((o) => prin1ToJs(rt, o, mode === 'p'));
      assert.deepEqual(got, expected);
    } finally {
      unbindTo(rt, count);
    }
  });
}

test('floats print like float_to_string', () => {
  const cases: [number, string][] = [
    [1, '1.0'], [0.1, '0.1'], [1e20, '1e+20'], [100, '100.0'], [-0, '-0.0'], [NaN, '0.0e+NaN'], [Infinity, '1.0e+INF'],
    [1e15, '1e+15'], [1e14, '100000000000000.0'], [1.5e-7, '1.5e-07'], [5e-324, '5e-324'],
  ];
  for (const [x, s] of cases) assert.equal(floatToString(rt, x), s);
  assert.equal(prin1ToJs(rt, makeFloat(rt, 2.5)), '2.5');
});

test('prin1-to-string makes unibyte strings for ASCII output, multibyte otherwise', () => {
  const s = prin1ToString(rt, read('"é"'), true);
  assert.equal(prin1ToJs(rt, s), '"\\"é\\""');
  assert.equal(prin1ToJs(rt, prin1ToString(rt, read('"\\377"'), false)), '"\\\\377"');
});

test('uninterned symbols with print-gensym', () => {
  const count = rt.specCount;
  specbind(rt, intern(rt, 'print-gensym'), Qt);
  try {
    const sym = makeSymbol(rt, makeString(rt, 'foo'));
    assert.equal(prin1ToJs(rt, sym), '#:foo');
    assert.equal(prin1ToJs(rt, makeSymbol(rt, makeString(rt, ''))), '#:');
    assert.equal(prin1ToJs(rt, read(':kw')), ':kw');
    assert.equal(prin1ToJs(rt, list(rt, sym, sym)), '(#:foo #:foo)');
    specbind(rt, intern(rt, 'print-circle'), Qt);
    assert.equal(prin1ToJs(rt, list(rt, sym, sym, intern(rt, 'y'), sym)), '(#1=#:foo #1# y #1#)');
  } finally {
    unbindTo(rt, count);
  }
  assert.equal(prin1ToJs(rt, makeSymbol(rt, makeString(rt, ''))), '##');
});

test('deep nesting in the car direction signals a Lisp error instead of overflowing the JS stack', () => {
  let deep = Qnil;
  for (let i = 0; i < 300; i++) deep = cons(rt, deep, Qnil);
  assert.throws(() => prin1ToJs(rt, deep), (e: unknown) => e instanceof LispSignal);
  const count = rt.specCount;
  specbind(rt, intern(rt, 'print-circle'), Qt);
  try {
    for (let i = 0; i < 200000; i++) deep = cons(rt, deep, Qnil);
    assert.throws(() => prin1ToJs(rt, deep), (e: unknown) => e instanceof LispSignal);
  } finally {
    unbindTo(rt, count);
  }
  // A long list nests in the cdr: it prints iteratively.
  let long = Qnil;
  for (let i = 0; i < 100000; i++) long = cons(rt, makeFixnum(1), long);
  assert.equal(prin1ToJs(rt, long).length, 200001);
});

test('error-message-string follows print_error_message', () => {
  const setErr = (name: string, conds: string, msg: string | null): void => {
    const s = intern(rt, name);
    putProp(rt, s, intern(rt, 'error-conditions'), read(conds));
    if (msg !== null) putProp(rt, s, intern(rt, 'error-message'), makeString(rt, msg));
  };
  setErr('wrong-type-argument', '(wrong-type-argument error)', 'Wrong type argument');
  setErr('file-error', '(file-error error)', 'File error');
  setErr('file-missing', '(file-missing file-error error)', 'File is missing');
  setErr('user-error', '(user-error error)', '');
  setErr('end-of-file', '(end-of-file error)', 'End of file during parsing');
  setErr('void-variable', '(void-variable error)', "Symbol's value as variable is void");
  setErr('test-err-no-msg', '(test-err-no-msg error)', null);
  const cases: [string, string][] = [
    ['(error "foo")', 'foo'], ['(error "foo" 1)', 'foo: 1'], ['(error foo)', 'peculiar error'], ['(error)', 'peculiar error'],
    ['(wrong-type-argument listp 1)', 'Wrong type argument: listp, 1'],
    ['(wrong-type-argument listp "x")', 'Wrong type argument: listp, "x"'],
    ['(user-error "u %s")', 'u %s'], ['(user-error "a" "b")', 'a, b'], ['(foo-bar 1)', 'peculiar error: 1'],
    ['(void-variable x)', 'Symbol\u2019s value as variable is void: x'],
    ['(file-error "Opening input file" "No such file or directory" "/x")', 'Opening input file: No such file or directory, /x'],
    ['(file-missing "Opening input file" "No such file or directory" "/x")', 'Opening input file: No such file or directory, /x'],
    ['(file-error "a")', 'a'], ['(end-of-file "x")', 'End of file during parsing: x'], ['nil', 'peculiar error'],
    ['(error . "x")', 'peculiar error'], ['(error "a" . b)', 'a'], ['(error "x\ny")', 'x\ny'], ['(error 1 2)', 'peculiar error: 2'],
    ['(test-err-no-msg 1)', 'peculiar error: 1'],
  ];
  const ems = intern(rt, 'error-message-string');
  for (const [src, want] of cases) assert.equal(jsString(rt, funcall(rt, ems, [read(src)])), want, src);
  assert.throws(() => funcall(rt, ems, [intern(rt, 'foo')]), (e: unknown) => e instanceof LispSignal && e.symbol === intern(rt, 'wrong-type-argument'));
});

test('prin1, princ, print, terpri and write-char write to stdout as GNU batch mode does', () => {
  const out: number[] = [];
  const err: number[] = [];
  const host = { ...nodeHost(), write(fd: 1 | 2, b: Uint8Array) { (fd === 1 ? out : err).push(...b); } };
  const r2 = createRuntime({ host });
  const rd = (src: string): number => readFromString(r2, makeString(r2, src)).obj;
  const call = (name: string, ...args: number[]): number => funcall(r2, intern(r2, name), args);
  call('prin1', rd('"\\377"'));
  call('princ', rd('"\\377"'));
  call('prin1', rd('"é"'));
  call('print', rd('x'));
  assert.equal(call('terpri', Qnil, Qt), Qnil);
  // A string given to princ is written in one piece that terpri's ENSURE does not look at
  // (GNU Emacs 28.2: the line still counts as ended, so no newline).
  call('princ', rd('"a"'));
  assert.equal(call('terpri', Qnil, Qt), Qnil);
  assert.equal(call('write-char', makeFixnum(0xe9)), makeFixnum(0xe9));
  call('message', makeString(r2, "%s `q'"), makeString(r2, 'm'));
  assert.deepEqual(Buffer.from(out), Buffer.from([0x22, 0xc1, 0xbf, 0x22, 0xc1, 0xbf, 0x22, 0xc3, 0xa9, 0x22, 10, 0x78, 10, 0x61, 0xc3, 0xa9]));
  assert.equal(Buffer.from(err).toString('utf8'), '\nm ‘q’\n');
  // A function as PRINTCHARFUN gets one character at a time.
  const seen: number[] = [];
  DEFUN_TEST(r2, seen);
  call('prin1', rd('(a "é")'), intern(r2, 'print-test--collect'));
  assert.equal(String.fromCodePoint(...seen), '(a "é")');
});

function DEFUN_TEST(_r: Runtime, seen: number[]): void {
  collectInto = seen;
}
