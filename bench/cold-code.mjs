// How much of the bundle a start never runs: V8's coverage of some starts of DIST, by kind of function.
//
//   node bench/cold-code.mjs [--stub OUT] [DIST]          (DIST: a built dist/ folder, default dist)
//
// Runs DIST's launcher under NODE_V8_COVERAGE, without the code cache (TSMACS_CODE_CACHE=0), for two
// selections: a bare start (`--batch --eval '(kill-emacs)'`), and that with the build's code-cache
// warm-up (scripts/code-cache-warm.el), a start that prints and an empty `-l` file (what the code
// cache must keep for programs: docs/startup.md, "The code cache"). For each, the functions of
// tsmacs-core.js that no run entered and the bytes of their text, outermost ones only, by where
// they stand: top-level function declarations, top-level `var f = (...) => ...`, functions passed in
// a top-level call (DEFUN's), class members, and functions inside a function that ran.
//
// --stub OUT writes a copy of DIST to OUT/dist whose cold functions (by the second selection) have
// empty bodies, its code cache removed: an upper bound on what moving that text out could save,
// for bench/startup-marks.mjs (run the warm-up once first, so that its cache is a trained one:
// `node --stack-size=6000 OUT/dist/tsmacs.cjs --batch -l scripts/code-cache-warm.el`). The copy runs
// only what the selection ran. docs/startup.md, round 19, has the figures.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const stubAt = args.includes('--stub') ? resolve(args[args.indexOf('--stub') + 1]) : null;
const dist = resolve(args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--stub')[0] ?? join(root, 'dist'));
const bundlePath = join(dist, 'tsmacs-core.js');
const src = readFileSync(bundlePath, 'latin1');

const work = mkdtempSync(join(tmpdir(), 'tsmacs-cold-'));
const empty = join(work, 'empty.el');
writeFileSync(empty, '');
const bare = [['--batch', '--eval', '(kill-emacs)']];
const programs = [...bare, ['--batch', '-l', join(root, 'scripts/code-cache-warm.el')],
  ['-Q', '--batch', '--eval', '(progn (princ "a") (print 1) (message "%s" 2))'], ['-Q', '--batch', '-l', empty]];

/** The start offsets of the bundle's functions that V8 listed, and of those some run entered. */
function coverage(runs) {
  const listed = new Set();
  const ran = new Set();
  runs.forEach((a, i) => {
    const dir = join(work, `cov-${runs.length}-${i}`);
    const r = spawnSync(process.execPath, ['--stack-size=6000', join(dist, 'tsmacs.cjs'), ...a],
      { encoding: 'utf8', env: { ...process.env, TSMACS_CODE_CACHE: '0', NODE_V8_COVERAGE: dir } });
    if (r.status !== 0) throw new Error(`${a.join(' ')}: status ${r.status}\n${r.stderr}`);
    for (const f of readdirSync(dir)) {
      for (const s of JSON.parse(readFileSync(join(dir, f), 'utf8')).result) {
        if (s.url !== 'file://' + bundlePath) continue;
        for (const fn of s.functions) {
          listed.add(fn.ranges[0].startOffset);
          if (fn.ranges[0].count > 0) ran.add(fn.ranges[0].startOffset);
        }
      }
    }
  });
  return { listed, ran };
}

const sf = ts.createSourceFile('b.js', src, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
let wrapper = sf.statements[0].expression;
while (ts.isParenthesizedExpression(wrapper)) wrapper = wrapper.expression;
const isFunction = (n) => ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n) || ts.isArrowFunction(n) ||
  ts.isMethodDeclaration(n) || ts.isGetAccessor(n) || ts.isSetAccessor(n) || ts.isConstructorDeclaration(n);

/** The outermost functions that no run entered: [node, kind]. A function V8 did not list (never compiled) counts as cold. */
function cold({ listed, ran }) {
  const out = [];
  const visit = (n, kind) => {
    if (isFunction(n)) {
      const at = n.getStart(sf);
      let start;
      for (let o = n.pos; o <= at + 1 && start === undefined; o++) if (listed.has(o)) start = o;
      if (start === undefined || !ran.has(start)) {
        out.push([n, kind]);
        return;
      }
      kind = 'inside a function that ran';
    } else if (ts.isClassLike(n) && kind !== 'inside a function that ran') kind = 'class members';
    ts.forEachChild(n, (c) => visit(c, kind));
  };
  for (const st of wrapper.body.statements) {
    const kind = ts.isFunctionDeclaration(st) ? 'top-level function declarations'
      : ts.isVariableStatement(st) ? 'top-level var initialisers'
        : ts.isExpressionStatement(st) && ts.isCallExpression(st.expression) ? 'functions passed in top-level calls (DEFUN)' : 'other top-level statements';
    visit(st, kind);
  }
  return out;
}

const kb = (n) => (n / 1000).toFixed(1) + ' KB';
console.log(`${bundlePath}: ${kb(src.length)}`);
let last;
for (const [name, runs] of [['a bare start', bare], ['a bare start, the warm-up, a print, an empty -l file', programs]]) {
  const c = cold(coverage(runs));
  const by = new Map();
  let all = 0;
  for (const [n, kind] of c) {
    const e = by.get(kind) ?? [0, 0];
    e[0] += n.end - n.getStart(sf);
    e[1]++;
    by.set(kind, e);
    all += n.end - n.getStart(sf);
  }
  console.log(`\nnot run by ${name}: ${c.length} functions, ${kb(all)} (${(100 * all / src.length).toFixed(0)}% of the bundle)`);
  for (const [kind, [bytes, count]] of [...by].sort((x, y) => y[1][0] - x[1][0])) console.log(`  ${kind}: ${count} functions, ${kb(bytes)}`);
  last = c;
}

if (stubAt !== null) {
  const edits = last.filter(([n]) => n.body !== undefined).map(([n]) => [n.body.getStart(sf), n.body.end, ts.isBlock(n.body) ? '{}' : '0']);
  edits.sort((x, y) => x[0] - y[0]);
  let out = '';
  let pos = 0;
  for (const [from, to, rep] of edits) {
    out += src.slice(pos, from) + rep;
    pos = to;
  }
  out += src.slice(pos);
  mkdirSync(stubAt, { recursive: true });
  cpSync(dist, join(stubAt, 'dist'), { recursive: true, preserveTimestamps: true });
  writeFileSync(join(stubAt, 'dist', 'tsmacs-core.js'), out, 'latin1');
  rmSync(join(stubAt, 'dist', 'tsmacs-core.jsc'), { force: true });
  console.log(`\n${join(stubAt, 'dist')}: ${edits.length} bodies emptied, bundle ${kb(src.length)} -> ${kb(out.length)}`);
}
rmSync(work, { recursive: true, force: true });
