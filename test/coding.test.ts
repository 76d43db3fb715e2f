// encode-coding-string and decode-coding-string for the coding systems tsmacs knows, against GNU Emacs 28.2's results.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from './support/eval.ts';

const { E } = setup();

// Each expected value printed by emacs -batch -Q 28.2.
const CASES: [string, string][] = [
  ['(encode-coding-string "a\\nb" \'utf-8-dos)', '"a\r\nb"'],
  ['(decode-coding-string "a\\r\\nb" \'utf-8-dos)', '"a\nb"'],
  ['(decode-coding-string "a\\r\\nb" \'utf-8)', '"a\nb"'],
  ['(decode-coding-string "a\\r\\nb" \'utf-8-unix)', '"a\r\nb"'],
  ['(multibyte-string-p (encode-coding-string "abc" \'utf-8))', 'nil'],
  ['(multibyte-string-p (decode-coding-string "abc" \'utf-8))', 't'],
  ['(encode-coding-string "é" \'us-ascii)', '"?"'],
  ['(encode-coding-string "é" \'utf-8)', '"\\303\\251"'],
  ['(decode-coding-string "\\303\\251" \'utf-8)', '"é"'],
  ['(decode-coding-string "\\303" \'utf-8)', '"\\303"'],
  ['(encode-coding-string "x" nil)', '"x"'],
  ['(condition-case e (encode-coding-string "x" \'foo) (error e))', '(coding-system-error foo)'],
];

test('encoding and decoding strings', () => {
  for (const [src, want] of CASES) assert.equal(E(src), want, src);
});
