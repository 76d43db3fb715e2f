// The regexp matcher's WebAssembly kernel (src/emacs/regex-kernel.ts) gives exactly what the JS matcher gives.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { evalPrint } from './support/eval.ts';
import { capturingHost, dumpedRuntime } from './support/runtime.ts';
import {
  LOOPS_CAP, PROG_CAP, REGS_CAP, SETS_CAP, makeRegexKernel, regexModuleBytes, storedRegexModuleBytes, useRegexKernel,
} from '../src/emacs/regex-kernel.ts';
import { KERNEL_LOOPS, KERNEL_PROG, KERNEL_REGS, KERNEL_SETS } from '../src/emacs/regex-emacs.ts';

const rt = dumpedRuntime(0.5, capturingHost());
const E = (src: string): string => evalPrint(rt, src);

/** SRC's printed value with the kernel (true) and with the JS matcher only (false). */
function both(src: string): [string, string] {
  const was = useRegexKernel(true);
  try {
    const withKernel = E(src);
    useRegexKernel(false);
    return [withKernel, E(src)];
  } finally {
    useRegexKernel(was);
  }
}

// Each call: (BEG END POINT BOUND BACKWARD HOW): narrowed to BEG..END, from POINT, a regexp search
// towards BOUND (HOW nil), a plain string's (t) or `looking-at' (look); gives the result, point and
// the match data.
E(`(defun rk-search (text gap pat fold calls)
  (with-temp-buffer
    (insert text)
    ;; The gap where the case says: an insert there and its undoing leave it there.
    (goto-char gap) (insert "x") (delete-char -1)
    (let ((case-fold-search fold))
      (mapcar (lambda (c)
                (save-restriction
                  (narrow-to-region (nth 0 c) (nth 1 c))
                  (goto-char (nth 2 c))
                  ;; A failed search leaves the match data as they were: the same before each call.
                  (set-match-data '(1 1))
                  (condition-case err
                      (let ((r (cond
                                ((eq (nth 5 c) 'look) (looking-at pat))
                                ((nth 5 c) (if (nth 4 c) (search-backward pat (nth 3 c) t) (search-forward pat (nth 3 c) t)))
                                (t (if (nth 4 c) (re-search-backward pat (nth 3 c) t) (re-search-forward pat (nth 3 c) t))))))
                        (list r (point) (match-data t)))
                    (error (list 'ERR err)))))
              calls))))`);

test('the stored module is the one the assembler makes, it runs under Node, and the capacities agree', () => {
  assert.deepEqual(Array.from(storedRegexModuleBytes()), regexModuleBytes());
  assert.notEqual(makeRegexKernel(rt.heap.memory), null);
  assert.deepEqual([KERNEL_REGS, KERNEL_LOOPS, KERNEL_PROG, KERNEL_SETS], [REGS_CAP, LOOPS_CAP, PROG_CAP, SETS_CAP]);
});

const TEXT = 'lorem ipsum\nDolor sit amet, (defun foo (x) "bar")\n\n  aaa AAA abab ba\nelit ELIT x.y-z\n';

test('the kernel and the JS matcher agree on hand-picked patterns', () => {
  const patterns = [
    'ipsum', 'dolor', 'a+', 'a*?b', '^ *(defun \\([a-z]+\\)', '\\(ab\\)\\1', '\\(a\\|b\\)\\{2,3\\}', '[^a-z\n]+', 'x.y',
    '^$', '\\`lorem', "\n\\'", 'elit$', '\\=.', '\\(?:a\\|A\\)+ ', '"[^"]*"', '\\(a*\\)*b', 'zzz', '[[:upper:]]+', '\\bab',
    '\\(\\(a\\)\\|b\\)+', 'a\\{0,2\\}?b', '.*t', '\\(x\\)?y',
  ];
  const n = TEXT.length + 1;
  const calls: string[] = [];
  for (const p of [1, 5, 13, 30, n - 3]) {
    calls.push(`(1 ${n} ${p} nil nil nil)`, `(1 ${n} ${p} nil t nil)`, `(3 ${n - 2} ${Math.max(3, Math.min(p, n - 2))} nil nil nil)`);
  }
  for (const fold of ['nil', 't']) {
    for (const pat of patterns) {
      const src = `(rk-search ${JSON.stringify(TEXT)} 20 ${JSON.stringify(pat)} ${fold} '(${calls.join(' ')}))`;
      const [k, js] = both(src);
      assert.equal(k, js, `${fold}: ${pat}`);
    }
  }
});

/** A random pattern of the constructs the kernel takes, with some it leaves to the JS matcher. */
const pattern: fc.Arbitrary<string> = fc.letrec((tie) => ({
  atom: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom('a', 'b', 'A', 'x', ' ', '\n', '\\.', '-') },
    { weight: 2, arbitrary: fc.constantFrom('.', '[ab]', '[^a\n]', '[a-c]', '[[:alpha:]]', '[[:space:]]', '[.x]') },
    { weight: 2, arbitrary: fc.constantFrom('^', '$', '\\`', "\\'", '\\=', '\\1') },
    { weight: 1, arbitrary: fc.constantFrom('\\w', '\\b', '\\s-', '\\_<', '[[:upper:]]') },
    { weight: 2, arbitrary: tie('group') },
  ),
  group: fc.tuple(fc.constantFrom('\\(', '\\(?:'), tie('alt')).map(([o, x]) => `${o}${x}\\)`),
  piece: fc.tuple(tie('atom'), fc.constantFrom('', '', '', '*', '+', '?', '*?', '+?', '\\{1,2\\}', '\\{0,3\\}?')).map(([a, q]) => a + q),
  seq: fc.array(tie('piece'), { minLength: 1, maxLength: 4 }).map((xs) => xs.join('')),
  alt: fc.array(tie('seq'), { minLength: 1, maxLength: 2 }).map((xs) => xs.join('\\|')),
})).alt as fc.Arbitrary<string>;

test('property: any text, gap, pattern, narrowing and direction search (and looking-at) the same with and without the kernel', () => {
  const call = fc.record({ a: fc.nat(), b: fc.nat(), p: fc.nat(), d: fc.nat(), back: fc.boolean(), bound: fc.boolean(), literal: fc.nat(9) });
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom(...'aAbBx \n.-c'), { maxLength: 60 }),
      fc.nat(),
      pattern,
      fc.constantFrom('nil', 't'),
      fc.array(call, { minLength: 1, maxLength: 6 }),
      (chars, gap, pat, fold, calls) => {
        const text = chars.join('');
        const n = chars.length + 1;
        const cs = calls.map((c) => {
          const beg = 1 + (c.a % n);
          const end = beg + (c.b % (n - beg + 1));
          const pt = beg + (c.p % (end - beg + 1));
          const bound = !c.bound ? 'nil' : c.back ? String(beg + (c.d % (pt - beg + 1))) : String(pt + (c.d % (end - pt + 1)));
          return `(${beg} ${end} ${pt} ${bound} ${c.back ? 't' : 'nil'} ${c.literal === 0 ? 't' : c.literal === 1 ? 'look' : 'nil'})`;
        });
        const src = `(rk-search ${JSON.stringify(text)} ${1 + (gap % n)} ${JSON.stringify(pat)} ${fold} '(${cs.join(' ')}))`;
        const [k, js] = both(src);
        assert.equal(k, js, src);
      },
    ),
    { numRuns: 600 },
  );
});

test('searches that fill the kernel\'s backtrack stack or use up the step budget go to the JS matcher and agree', () => {
  // 12 words of stack an \(?:a\|b\) iteration: 3,000 fit in the kernel's, 6,000 do not and go to
  // the JS matcher, which matches as GNU does (it signalled an overflow while its first decoded
  // window was too short); \(a*\)*d backtracks without end until the step budget runs out.
  const src = `(mapcar (lambda (c)
      (with-temp-buffer
        (insert (make-string (car c) ?a) "c")
        (goto-char (point-min))
        (condition-case err (list (re-search-forward (cdr c) nil t) (match-data t)) (error err))))
    '((3000 . "\\\\(?:a\\\\|b\\\\)*c") (6000 . "\\\\(?:a\\\\|b\\\\)*c") (40 . "\\\\(a*\\\\)*d")))`;
  const [k, js] = both(src);
  assert.equal(k, js);
  assert.match(k, /^\(\(3002 \(1 3002 #<killed buffer>\)\) \(6002 \(1 6002 #<killed buffer>\)\) \(error "Stack overflow in regexp matcher"\)\)$/);
});
