// Tests: Character primitives of GNU character.c, checked against GNU Emacs 28.2.

import '../src/emacs/eval.ts';
import '../src/emacs/fns.ts';
import '../src/emacs/lread.ts';
import '../src/emacs/print.ts';
import '../src/emacs/alloc.ts';
import '../src/emacs/character.ts';
import '../src/emacs/casefiddle.ts';
import '../src/emacs/chartab.ts';
import '../src/emacs/fileio.ts';
import { test } from 'node:test';
import { setup } from './support/eval.ts';
import assert from 'node:assert/strict';


// Expected values are what GNU Emacs 28.2 prints for each form (emacs -batch -Q, HOME=/home/tester, in /tmp).
const CASES: [string, string][] = [
  ["(characterp 0)", "t"],
  ["(characterp ?a)", "t"],
  ["(characterp -1)", "nil"],
  ["(characterp #x3fffff)", "t"],
  ["(characterp #x400000)", "nil"],
  ["(characterp 1.0)", "nil"],
  ["(characterp 'a)", "nil"],
  ["(characterp ?a 'ignored)", "t"],
  ["(max-char)", "4194303"],
  ["(unibyte-char-to-multibyte 65)", "65"],
  ["(unibyte-char-to-multibyte 200)", "4194248"],
  ["(unibyte-char-to-multibyte 255)", "4194303"],
  ["(unibyte-char-to-multibyte 256)", "(ERR (error \"Not a unibyte character: 256\"))"],
  ["(unibyte-char-to-multibyte -1)", "(ERR (wrong-type-argument characterp -1))"],
  ["(multibyte-char-to-unibyte 65)", "65"],
  ["(multibyte-char-to-unibyte 200)", "200"],
  ["(multibyte-char-to-unibyte #x3fffc8)", "200"],
  ["(multibyte-char-to-unibyte 256)", "-1"],
  ["(multibyte-char-to-unibyte ?中)", "-1"],
  ["(multibyte-char-to-unibyte 'a)", "(ERR (wrong-type-argument characterp a))"],
  ["(char-width ?a)", "1"],
  ["(char-width ?中)", "2"],
  ["(char-width #x301)", "0"],
  ["(char-width ?\\t)", "8"],
  ["(char-width ?\\n)", "0"],
  ["(char-width 0)", "2"],
  ["(char-width 27)", "2"],
  ["(char-width 127)", "2"],
  ["(char-width #x80)", "4"],
  ["(char-width #x9f)", "4"],
  ["(char-width #xa0)", "1"],
  ["(char-width #xad)", "1"],
  ["(char-width #x200b)", "0"],
  ["(char-width #x1100)", "2"],
  ["(char-width #xff01)", "2"],
  ["(char-width #x3000)", "2"],
  ["(char-width #x1f600)", "2"],
  ["(char-width #x20000)", "2"],
  ["(char-width #xe0001)", "0"],
  ["(char-width #x3fff80)", "4"],
  ["(char-width #x3fffff)", "4"],
  ["(char-width -1)", "(ERR (wrong-type-argument characterp -1))"],
  ["(char-width 'a)", "(ERR (wrong-type-argument characterp a))"],
  ["(progn (defvar tab-width 8) (let ((tab-width 4)) (char-width ?\\t)))", "4"],
  ["(string-width \"\")", "0"],
  ["(string-width \"abc\")", "3"],
  ["(string-width \"a中\\t\")", "11"],
  ["(string-width \"abc\" 1)", "2"],
  ["(string-width \"abc\" 1 2)", "1"],
  ["(string-width \"abc\" -2)", "2"],
  ["(string-width \"abc\" 0 -1)", "2"],
  ["(string-width \"abc\" 4)", "(ERR (args-out-of-range \"abc\" 4 nil))"],
  ["(string-width \"abc\" 2 1)", "(ERR (args-out-of-range \"abc\" 2 1))"],
  ["(string-width \"abc\" 'a)", "(ERR (wrong-type-argument integerp a))"],
  ["(string-width 'a)", "(ERR (wrong-type-argument stringp a))"],
  ["(string-width \"e\\u0301\")", "1"],
  ["(string-width \"\\200\\377\")", "5"],
  ["(string-width (string-to-multibyte \"\\200\"))", "4"],
  ["(string-width \"a\\ncd\")", "3"],
  ["(string-width \"\\e\")", "2"],
  ["(string-width \"日本語\" 1)", "4"],
  ["(string-width \"日本語\" 1 2)", "2"],
  ["(char-resolve-modifiers 67108961)", "1"],
  ["(char-resolve-modifiers 33554529)", "65"],
  ["(char-resolve-modifiers 33554497)", "65"],
  ["(char-resolve-modifiers 33554481)", "33554481"],
  ["(char-resolve-modifiers 134217825)", "134217825"],
  ["(char-resolve-modifiers 67108928)", "0"],
  ["(char-resolve-modifiers 67108927)", "127"],
  ["(char-resolve-modifiers 67108896)", "0"],
  ["(char-resolve-modifiers 33554464)", "32"],
  ["(char-resolve-modifiers 4194401)", "4194401"],
  ["(char-resolve-modifiers 100663393)", "1"],
  ["(char-resolve-modifiers 67109097)", "67109097"],
  ["(char-resolve-modifiers -1)", "-1"],
  ["(char-resolve-modifiers 'a)", "(ERR (wrong-type-argument fixnump a))"],
  ["(string)", "\"\""],
  ["(string ?a)", "\"a\""],
  ["(string ?a ?é)", "\"aé\""],
  ["(string ?中 ?a)", "\"中a\""],
  ["(string #x3fffff)", "\"\\377\""],
  ["(string -1)", "(ERR (wrong-type-argument characterp -1))"],
  ["(string 'a)", "(ERR (wrong-type-argument characterp a))"],
  ["(string-bytes (string ?a ?é #x3fffff))", "5"],
  ["(unibyte-string)", "\"\""],
  ["(unibyte-string 65 200)", "\"A\\310\""],
  ["(unibyte-string 256)", "(ERR (args-out-of-range 256 0 255))"],
  ["(unibyte-string -1)", "(ERR (args-out-of-range -1 0 255))"],
  ["(unibyte-string 'a)", "(ERR (wrong-type-argument integerp a))"],
  ["(get-byte 0 \"abc\")", "97"],
  ["(get-byte 2 \"abc\")", "99"],
  ["(get-byte nil \"abc\")", "97"],
  ["(get-byte 1 (string-to-multibyte \"a\\300\"))", "192"],
  ["(get-byte 0 \"\\300\")", "192"],
  ["(get-byte 0 \"é\")", "(ERR (error \"Not an ASCII nor an 8-bit character: 233\"))"],
  ["(get-byte 5 \"abc\")", "(ERR (args-out-of-range \"abc\" 5))"],
  ["(get-byte -1 \"abc\")", "(ERR (wrong-type-argument wholenump -1))"],
  ["(get-byte 0 'a)", "(ERR (wrong-type-argument stringp a))"],
  ["(char-table-range char-width-table ?中)", "2"],
  ["(char-table-subtype char-width-table)", "nil"],
];
const { rt, E } = setup();
for (const [form, want] of CASES) test(form, () => assert.equal(E(form), want));

test('string-width of printable ASCII is its length; of CJK twice its length', () => {
  for (const s of ['', 'a', 'hello world', '~!@#$%^&*()_+']) assert.equal(E(`(string-width ${JSON.stringify(s)})`), String(s.length));
  assert.equal(E('(string-width "日本語のテキスト")'), '16');
  assert.ok(rt.heap.counts.strings > 0);
});
