// The bundle's cold function bodies moved to a file of their own, read and compiled at first use.
//
//   node scripts/cold-split.mjs COVERAGE_DIR... (called by scripts/build.mjs on dist/tsmacs-core.js)
//
// A start runs about 300 of the bundle's 2,700 functions, yet every start reads all of its text, makes
// it a string and has V8 deserialise a function info (with the scope data of its inner functions) for
// each top-level one (docs/startup.md, "Cold bodies"). The build runs the launcher's ordinary starts
// under V8's coverage (NODE_V8_COVERAGE, one directory each) and gives the directories here. Each
// top-level function declaration of the bundle that none of them ran, whose body is long enough to
// pay for it and whose shape allows it (plain parameters; no generator, async, `this` or new.target),
// keeps its name and parameters in the bundle, with a body that makes the real function once, by a
// direct eval of its text in the same scope, assigns it to the declaration's binding (so every later
// call goes straight to it) and calls it:
//
//   function f(a,b){return(f=__zf.get(OFFSET)??__z(OFFSET,eval(__zt(OFFSET,LENGTH)))).apply(this,arguments)}
//
// The texts are in dist/tsmacs-core-cold.js, after a first line that names the build (a random token,
// which the bundle holds too): a missing cold file, or another build's, ends the process at the first
// cold call with a message on stderr and status 1, as a broken installation. The function
// made is cached by offset, so a reference to the stub kept elsewhere (a table, a callback) gets the
// same function with one more call. Strict mode is the bundle's ("use strict" at its top), so the
// evals cannot add bindings, and V8 resolves their names statically.
import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const MIN_BODY = 150; // bytes of body below which the stub (about 70 bytes) is not worth it

/** Whether each use of the identifier NAME in SRC, but its declaration at DECL, is a call `NAME(` or a property. */
function onlyCalled(src, name, decl) {
  const re = new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');
  for (const m of src.matchAll(re)) {
    if (m.index === decl + 'function '.length) continue;
    if (src[m.index - 1] === '.' && src[m.index - 2] !== '.') continue; // x.NAME, not ...NAME
    if (src[m.index + name.length] !== '(') return false;
  }
  return true;
}

/** Split BUNDLE (the path of the minified bundle, rewritten in place) by the coverage in DIRS; writes COLD. */
export function coldSplit(bundle, cold, dirs) {
  const src = readFileSync(bundle, 'latin1');
  // Function start offsets that some run entered (count > 0) or listed as never run (count 0).
  const ran = new Set();
  const listed = new Set();
  for (const dir of dirs) {
    for (const f of readdirSync(dir)) {
      if (!f.startsWith('coverage')) continue;
      const j = JSON.parse(readFileSync(join(dir, f), 'utf8'));
      for (const s of j.result) {
        if (!s.url.endsWith('/tsmacs-core.js')) continue;
        for (const fn of s.functions) {
          const r = fn.ranges[0];
          listed.add(r.startOffset);
          if (r.count > 0) ran.add(r.startOffset);
        }
      }
    }
  }
  if (listed.size === 0) throw new Error('cold-split: no coverage of tsmacs-core.js');
  for (const name of ['__z', '__zc', '__zf', '__zt']) {
    if (new RegExp(`(^|[^\\w$])${name.replace(/\$/g, '\\$')}($|[^\\w$])`).test(src)) throw new Error(`cold-split: the bundle uses ${name}`);
  }
  const sf = ts.createSourceFile('b.js', src, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  let wrapper = sf.statements[0]?.expression;
  while (wrapper !== undefined && ts.isParenthesizedExpression(wrapper)) wrapper = wrapper.expression;
  if (sf.statements.length !== 1 || wrapper === undefined || !ts.isFunctionExpression(wrapper)) throw new Error('cold-split: the bundle is not one function expression');
  const body = wrapper.body.statements;
  if (body.length === 0 || !ts.isExpressionStatement(body[0]) || !ts.isStringLiteral(body[0].expression) || body[0].expression.text !== 'use strict') {
    throw new Error('cold-split: the bundle is not strict');
  }
  const token = randomBytes(8).toString('hex');
  const edits = [];
  let coldText = '';
  let moved = 0;
  const usesThis = (n) => n.kind === ts.SyntaxKind.ThisKeyword || ts.isMetaProperty(n) ||
    (!ts.isFunctionDeclaration(n) && !ts.isFunctionExpression(n) && !ts.isClassLike(n) && ts.forEachChild(n, usesThis) === true) || undefined;
  for (const st of body) {
    if (!ts.isFunctionDeclaration(st) || st.name === undefined || st.body === undefined) continue;
    const start = st.getStart(sf);
    if (!listed.has(start) || ran.has(start)) continue;
    if (st.asteriskToken !== undefined || (st.modifiers?.length ?? 0) > 0) continue;
    if (!st.parameters.every((p) => ts.isIdentifier(p.name) && p.initializer === undefined && p.questionToken === undefined)) continue;
    const b = st.body;
    if (b.end - b.getStart(sf) < MIN_BODY) continue;
    // `this` or new.target in the body (not in a nested non-arrow function or class): a constructor,
    // or a method by assignment, whose stub could not stand in for it under `new`.
    if (ts.forEachChild(b, usesThis) === true) continue;
    const name = st.name.text;
    // Only a function whose name the bundle spells nowhere but in calls (or as a property name):
    // a reference kept as a value would be the stub, which `===` tells from the function the
    // binding holds after the first call. A token of the same name bound elsewhere (a local, a
    // string) counts too, which only keeps more functions in the bundle. The groups of lazy
    // primitives (the build's `function g(){if(x!==void 0)return x;...}`, handed to DEFLAZY as values)
    // are only ever called, so identity does not matter for them.
    const group = /^\{if\((\w+)!==void 0\)return \1;/.test(src.slice(b.getStart(sf), b.getStart(sf) + 60));
    if (!group && !onlyCalled(src, name, start)) continue;
    const text = '(' + src.slice(start, st.end) + ')';
    const params = st.parameters.map((p) => src.slice(p.getStart(sf), p.end)).join(',');
    edits.push([start, st.end, `function ${name}(${params}){return(${name}=__zf.get(${coldText.length})??__z(${coldText.length},eval(__zt(${coldText.length},${text.length})))).apply(this,arguments)}`]);
    coldText += text;
    moved++;
  }
  // The loader, right after "use strict": each text read by itself at its function's first call
  // (open, one read at its offset, close: the launcher has compiled Node's functions for these; the
  // whole file is never read), the first line checked against this build's token at the first.
  const head = '// tsmacs cold ' + token + '\n';
  const loader = `var __zc=!1,__zf=new Map;function __zt(o,n){let p=__tsmacs_dir+"/tsmacs-core-cold.js",f=require("node:fs"),h=${JSON.stringify(head)},` +
    `b=Buffer.allocUnsafe(n),d=-1;try{d=f.openSync(p,"r");if(!__zc){let c=Buffer.allocUnsafe(h.length);__zc=f.readSync(d,c,0,h.length,0)===h.length&&c.toString("latin1")===h}` +
    `if(__zc&&f.readSync(d,b,0,n,h.length+o)!==n)__zc=!1}catch{__zc=!1}if(d>=0)f.closeSync(d);` +
    `if(!__zc){f.writeSync(2,"tsmacs: "+p+" is missing or not this build's: rebuild or reinstall\\n");process.exit(1)}` +
    `return b.toString("latin1")}function __z(o,f){__zf.set(o,f);return f}`;
  edits.push([body[0].end, body[0].end, loader]);
  edits.sort((x, y) => x[0] - y[0]);
  let out = '';
  let pos = 0;
  for (const [from, to, rep] of edits) {
    out += src.slice(pos, from) + rep;
    pos = to;
  }
  out += src.slice(pos);
  writeFileSync(bundle, out, 'latin1');
  writeFileSync(cold, head + coldText, 'latin1');
  return { moved, before: src.length, after: out.length, cold: coldText.length };
}
