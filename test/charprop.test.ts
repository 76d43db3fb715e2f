// Unicode character properties (src/emacs/charprop.ts): read on first use only; the values are checked against GNU by test/corpus/charprop.el.

import '../src/emacs/all.ts';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRuntime } from '../src/core/init.ts';
import { nodeHost } from '../src/host/node.ts';
import { charpropFileRead } from '../src/emacs/charprop.ts';
import { evalPrint } from './support/eval.ts';

const rt = createRuntime({ host: nodeHost() });
const E = (src: string): string => evalPrint(rt, src);

test('etc/charprop.txt is read on the first property asked for, not before', () => {
  assert.equal(E("(list (char-from-name \"SNOWMAN\") (upcase ?a))"), '(9731 65)');
  assert.equal(charpropFileRead(), false);
  assert.equal(E("(get-char-code-property ?a 'general-category)"), 'Ll');
  assert.equal(charpropFileRead(), true);
});

test('a property is the same however often it is asked for, from two runtimes', () => {
  const other = createRuntime({ host: nodeHost() });
  for (let i = 0; i < 3; i++) {
    assert.equal(E("(get-char-code-property #xAC01 'name)"), '"HANGUL SYLLABLE GAG"');
    assert.equal(evalPrint(other, "(get-char-code-property ?½ 'numeric-value)"), '0.5');
  }
});
