// Unicode names: the packed table decodes to GNU's ucs-names, is decoded only on first use, and char-from-name's edge cases.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../src/emacs/all.ts';
import { createRuntime } from '../src/core/init.ts';
import { nodeHost } from '../src/host/node.ts';
import { makeString } from '../src/core/object.ts';
import { readFromString } from '../src/emacs/lread.ts';
import { prin1ToJs } from '../src/emacs/print.ts';
import { charFromName, ucsNameTable, ucsTableDecoded } from '../src/emacs/ucs-names.ts';
import { UCS_NAME_COUNT } from '../src/emacs/ucs-names-data.ts';

const rt = createRuntime({ host: nodeHost() });
const read = (s: string): string => prin1ToJs(rt, readFromString(rt, makeString(rt, s)).obj, true);

test('the table is decoded on the first \\N{NAME}, not before', () => {
  assert.equal(read('(a "b" ?c \\N)'), '(a "b" 99 N)');
  assert.equal(ucsTableDecoded(), false);
  assert.equal(read('"\\N{SNOWMAN}"'), '"☃"');
  assert.equal(ucsTableDecoded(), true);
});

test('the table holds GNU\'s 45,376 names: the packed ones and the Hangul syllables', () => {
  const t = ucsNameTable(rt);
  // 45,376 is (hash-table-count (ucs-names)) in GNU Emacs 28.2; reader.el checks every entry.
  assert.equal(t.size, 45376);
  assert.equal(t.size, UCS_NAME_COUNT + 19 * 21 * 28);
  assert.equal(t.get('HANGUL SYLLABLE GA'), 0xac00);
  assert.equal(t.get('HANGUL SYLLABLE HIH'), 0xd7a3);
  assert.equal(t.get('SPACE'), 32);
  assert.equal(t.get('LATIN SMALL LETTER A'), 97);
});

test('char-from-name: case, computed names, refusals', () => {
  assert.equal(charFromName(rt, 'SNOWMAN', false), 0x2603);
  assert.equal(charFromName(rt, 'snowman', false), -1);
  assert.equal(charFromName(rt, 'sNoWmAn', true), 0x2603);
  assert.equal(charFromName(rt, 'ſnowman', true), -1);
  assert.equal(charFromName(rt, 'CJK IDEOGRAPH-4E00', false), 0x4e00);
  assert.equal(charFromName(rt, 'CJK IDEOGRAPH-4e00', false), -1);
  assert.equal(charFromName(rt, 'cjk ideograph-4e00', true), 0x4e00);
  assert.equal(charFromName(rt, 'CJK IDEOGRAPH-04E00', false), -1);
  assert.equal(charFromName(rt, 'CJK IDEOGRAPH-' + 'F'.repeat(40), false), -1);
  assert.equal(charFromName(rt, 'CJK COMPATIBILITY IDEOGRAPH-FA6E', false), 0xfa6e);
  assert.equal(charFromName(rt, 'TANGUT COMPONENT-001', false), -1);
  assert.equal(charFromName(rt, '', false), -1);
  assert.equal(charFromName(rt, '-', false), -1);
});
