// Tests: Case conversion of characters and strings (GNU casefiddle.c), checked against GNU Emacs 28.2.

import { test } from 'node:test';
import { setup } from './support/eval.ts';
import assert from 'node:assert/strict';


// Expected values are what GNU Emacs 28.2 prints for each form (emacs -batch -Q, HOME=/home/tester, in /tmp).
const CASES: [string, string][] = [
  ["(upcase \"hello\")", "\"HELLO\""],
  ["(upcase ?a)", "65"],
  ["(upcase ?A)", "65"],
  ["(upcase ?é)", "201"],
  ["(upcase ?ß)", "7838"],
  ["(upcase \"ß\")", "\"SS\""],
  ["(upcase \"straße\")", "\"STRASSE\""],
  ["(upcase \"ﬁ\")", "\"FI\""],
  ["(upcase \"ŉ\")", "\"ʼN\""],
  ["(upcase \"ǆ\")", "\"Ǆ\""],
  ["(upcase ?ǆ)", "452"],
  ["(upcase ?ǅ)", "452"],
  ["(upcase 233)", "201"],
  ["(upcase 134217825)", "134217793"],
  ["(upcase 4194401)", "4194369"],
  ["(upcase #x3fffff)", "4194303"],
  ["(upcase -1)", "(ERR (wrong-type-argument char-or-string-p -1))"],
  ["(upcase 'a)", "(ERR (wrong-type-argument char-or-string-p a))"],
  ["(upcase \"\\351\")", "\"\\351\""],
  ["(upcase \"ab\\300c\")", "\"AB\\300C\""],
  ["(upcase (string-to-multibyte \"abc\"))", "\"ABC\""],
  ["(upcase \"ı\")", "\"ı\""],
  ["(upcase \"ΐ\")", "\"Ϊ́\""],
  ["(upcase \"ᾳ\")", "\"ΑΙ\""],
  ["(upcase \"ǰ\")", "\"J̌\""],
  ["(upcase \"é\")", "\"É\""],
  ["(upcase \"Ⓐⓐ\")", "\"ⒶⒶ\""],
  ["(upcase \"\")", "\"\""],
  ["(downcase \"HELLO\")", "\"hello\""],
  ["(downcase ?A)", "97"],
  ["(downcase \"İ\")", "\"i̇\""],
  ["(downcase ?İ)", "304"],
  ["(downcase ?ǅ)", "454"],
  ["(downcase \"ǅ\")", "\"ǆ\""],
  ["(downcase \"ΣΑΣ ΣΑΣ.\")", "\"σας σας.\""],
  ["(downcase \"Σ\")", "\"σ\""],
  ["(downcase \"aΣ\")", "\"aς\""],
  ["(downcase \"aΣb\")", "\"aσb\""],
  ["(downcase \"aΣ1\")", "\"aσ1\""],
  ["(downcase \"ΣΣ\")", "\"σς\""],
  ["(downcase \"ÀÉÎ\")", "\"àéî\""],
  ["(downcase \"ẞ\")", "\"ß\""],
  ["(downcase ?ẞ)", "223"],
  ["(downcase \"Ａ\")", "\"ａ\""],
  ["(capitalize \"hello world\")", "\"Hello World\""],
  ["(capitalize \"hELLO wORLD\")", "\"Hello World\""],
  ["(capitalize \"don't stop\")", "\"Don'T Stop\""],
  ["(capitalize \"foo_bar foo-bar\")", "\"Foo_Bar Foo-Bar\""],
  ["(capitalize \"1st 2nd x1y\")", "\"1st 2nd X1y\""],
  ["(capitalize \"a.b,c\")", "\"A.B,C\""],
  ["(capitalize \"ßa\")", "\"Ssa\""],
  ["(capitalize \"ﬁx\")", "\"Fix\""],
  ["(capitalize \"ǄEMAL\")", "\"ǅemal\""],
  ["(capitalize \"ǳ\")", "\"ǲ\""],
  ["(capitalize \"ΣΑΣ ΣΑΣ\")", "\"Σας Σας\""],
  ["(capitalize \"ÉCOLE\")", "\"École\""],
  ["(capitalize \"日本abc\")", "\"日本abc\""],
  ["(capitalize \"x日本abc\")", "\"X日本abc\""],
  ["(capitalize \"a\\300b\")", "\"A\\300b\""],
  ["(capitalize ?ǆ)", "453"],
  ["(capitalize ?a)", "65"],
  ["(capitalize ?ı)", "73"],
  ["(capitalize ?ა)", "4304"],
  ["(capitalize \"ა\")", "\"ა\""],
  ["(capitalize 'a)", "(ERR (wrong-type-argument char-or-string-p a))"],
  ["(capitalize \"\")", "\"\""],
  ["(upcase-initials \"hello world\")", "\"Hello World\""],
  ["(upcase-initials \"hELLO wORLD\")", "\"HELLO WORLD\""],
  ["(upcase-initials \"ǆa\")", "\"ǅa\""],
  ["(upcase-initials ?ǆ)", "453"],
  ["(upcase-initials \"ß\")", "\"Ss\""],
  ["(upcase-initials \"ﬁx\")", "\"Fix\""],
  ["(upcase-initials \"the quick-brown fox\")", "\"The Quick-Brown Fox\""],
  ["(upcase-initials 'a)", "(ERR (wrong-type-argument char-or-string-p a))"],
];
const { rt, E } = setup();
for (const [form, want] of CASES) test(form, () => assert.equal(E(form), want));

test('upcase and downcase of ASCII strings agree with JS for every printable character', () => {
  let s = '';
  for (let c = 0x20; c < 0x7f; c++) if (c !== 0x22 && c !== 0x5c) s += String.fromCharCode(c);
  assert.equal(E(`(upcase "${s}")`), `"${s.toUpperCase()}"`);
  assert.equal(E(`(downcase "${s}")`), `"${s.toLowerCase()}"`);
  assert.equal(rt.sp, 0);
});
