// Build dist/: the bundled CLI (tsmacs-core.js), its launcher (tsmacs.cjs), V8's code cache for it, and the default image.
//
// Start-up is the product here (docs/startup.md), so the build does at build
// time whatever would otherwise run at every start:
//   - the dump fingerprint, the loader's WebAssembly module and the static
//     region's table of builtin symbol names are computed once, by a probe
//     bundle that loads the same modules as the CLI, and injected as constants
//     (format.ts, kernels.ts and static.ts compute them when running from source);
//   - the CLI is bundled, minified, as one script that the launcher compiles
//     with vm.Script, so V8's code cache (tsmacs-core.jsc) can skip parsing and
//     compiling it; Node 20 has no module compile cache;
//   - the code cache is made by one ordinary start, so it holds exactly the
//     functions a start-up runs;
//   - the docstrings of primitives and builtin variables go to dist/DOC, read on
//     first use (src/emacs/doc.ts): in the bundle each literal one becomes null.
import { build } from 'esbuild';
import ts from 'typescript';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildElc } from './build-elc.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const common = { bundle: true, platform: 'node', target: 'node20', legalComments: 'none', logLevel: 'warning' };

mkdirSync(dist, { recursive: true });

// 1. The fingerprint and the kernels, from a probe that registers exactly what the CLI registers, in the same order.
const probe = await build({
  ...common,
  stdin: {
    contents: `import './src/host/node.ts';
import './src/cli/main.ts';
import { fingerprint, fingerprintHex } from './src/dump/format.ts';
import { SCALARS } from './src/core/dump-hooks.ts';
import { assemble } from './src/dump/kernels.ts';
import { builtinNamesForBuild } from './src/core/static.ts';
import { BUILTIN_NAMES } from './src/core/builtin-names.ts';
import { BUILTIN_SYMBOLS, SYMBOL_STRIDE } from './src/core/symbols.ts';
import { docFileText, docHash } from './src/emacs/doc.ts';
const doc = docFileText();
process.stdout.write(JSON.stringify({
  doc,
  docHash: docHash(new TextEncoder().encode(doc)),
  fingerprint: fingerprintHex(fingerprint(SCALARS.map((s) => s.name))),
  kernels: String.fromCharCode(...assemble()),
  names: builtinNamesForBuild(),
  table: BUILTIN_SYMBOLS.slice(0, 3 + BUILTIN_NAMES.length),
  stride: SYMBOL_STRIDE,
}));`,
    resolveDir: root,
    sourcefile: 'fingerprint-probe.ts',
    loader: 'ts',
  },
  format: 'esm',
  write: false,
});
const pr = spawnSync(process.execPath, ['--input-type=module'], { input: probe.outputFiles[0].text, encoding: 'utf8' });
let probed = null;
try {
  probed = JSON.parse(pr.stdout);
} catch {}
if (pr.status !== 0 || !/^[0-9a-f]{64}$/.test(probed?.fingerprint)) {
  process.stderr.write(pr.stderr);
  process.stderr.write('build: computing the dump fingerprint failed\n');
  process.exit(1);
}

// The DOC file, and its hash for the bundle, which refuses another build's file (src/emacs/doc.ts).
const docBytes = Buffer.from(probed.doc, 'utf8');
const docHash = probed.docHash;
writeFileSync(join(dist, 'DOC'), docBytes);

// The builtin symbol table (symbols.ts: nil, t, unbound, then builtin-names.ts's names): a name's
// word is its place times the stride, fixed by the table whatever the modules' order.
const symbolWord = new Map(probed.table.map((n, i) => [n, i * probed.stride]));

/**
 * An esbuild plugin for the bundle's sources, with TypeScript's parser (so strings and comments that
 * look like calls are left alone):
 *   - the docstring argument of each DEFUN (the 4th) and DEFVAR (the 3rd) that is a string literal,
 *     or a `+` of them, becomes null: the text is in dist/DOC;
 *   - a DEFSYM of a literal name in the table becomes the symbol's word, and a DEFUN or DEFVAR of one
 *     gets the word as its last argument and null for the name, which subr.ts takes back from the
 *     table: the module bodies' 2,500 lookups and the map of 1,200 names they needed cost about 0.5 ms
 *     of every start, and the 850 name literals as many strings interned from the code cache (0.5 ms);
 *   - builtin-names.ts's name list becomes one string split at start: 1,200 string literals were as
 *     many strings for V8 to rebuild and intern from the code cache.
 */
const docsOut = {
  name: 'docstrings-to-DOC',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (/[\\/]src[\\/]core[\\/]builtin-names\.ts$/.test(args.path)) return { contents: namesAsOneString(text), loader: 'ts' };
      const sf = ts.createSourceFile(args.path, text, ts.ScriptTarget.Latest, true);
      const inlined = constantUses(args.path, sf);
      if (inlined.length === 0 && !text.includes('DEFUN(') && !text.includes('DEFVAR(') && !text.includes('DEFSYM(')) return undefined;
      const literal = (n) => ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) ||
        (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.PlusToken && literal(n.left) && literal(n.right)) ||
        (ts.isParenthesizedExpression(n) && literal(n.expression));
      const nameWord = (n) => (n !== undefined && (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) ? symbolWord.get(n.text) : undefined);
      const edits = []; // [from, to, text], in source order
      // A DEFVAR's init that returns a constant (`() => Qnil`, `() => 0`) becomes the word itself
      // (subr.ts DEFVAR): 148 closures the module bodies made and function infos the code cache
      // held at every start-up, for functions only a start from source calls.
      const inlinedAt = new Map(inlined.map((e) => [e[0], e]));
      const constantInit = (f) => {
        if (f === undefined || !ts.isArrowFunction(f) || f.parameters.length !== 0) return undefined;
        const body = f.body;
        if (ts.isNumericLiteral(body) && /^(0|[1-9][0-9]{0,8})$/.test(body.text)) return [body.text, null];
        const e = ts.isIdentifier(body) ? inlinedAt.get(body.getStart(sf)) : undefined;
        return e !== undefined && e[1] === body.end && /^-?[0-9]+$/.test(e[2]) ? [e[2], e] : undefined;
      };
      const visit = (n) => {
        if (ts.isCallExpression(n) && ts.isIdentifier(n.expression)) {
          const callee = n.expression.text;
          const a = n.arguments;
          if (callee === 'DEFSYM') {
            const w = nameWord(a[0]);
            const flag = a[1] === undefined || a[1].kind === ts.SyntaxKind.TrueKeyword || a[1].kind === ts.SyntaxKind.FalseKeyword;
            if (w !== undefined && a.length <= 2 && flag) {
              edits.push([n.getStart(sf), n.end, String(w)]);
              return;
            }
          }
          const i = callee === 'DEFUN' ? 3 : callee === 'DEFVAR' ? 2 : -1;
          const k = callee === 'DEFVAR' ? constantInit(a[1]) : undefined;
          if (k !== undefined) {
            edits.push([a[1].getStart(sf), a[1].end, k[0]]);
            if (k[1] !== null) inlined.splice(inlined.indexOf(k[1]), 1);
          }
          if (i >= 0) {
            const arg = a[i];
            if (arg !== undefined && literal(arg)) edits.push([arg.getStart(sf), arg.end, 'null']);
            // The symbol's word after the optional arguments (DEFUN's intspec, DEFVAR's constant).
            const w = nameWord(a[0]);
            const last = callee === 'DEFUN' ? 6 : 4;
            if (w !== undefined && a.length >= last - 1 && a.length <= last && !a.some(ts.isSpreadElement)) {
              ts.forEachChild(n, visit);
              const pad = a.length === last - 1 ? (callee === 'DEFUN' ? ', undefined' : ', false') : '';
              const at = a[a.length - 1].end; // before a trailing comma
              edits.push([at, at, `${pad}, ${w}`]);
              // The name itself goes: the table gives it back from the word (subr.ts), and each of
              // the 2,000 literals was a string V8 interned again from the code cache at every start.
              edits.push([a[0].getStart(sf), a[0].end, 'null']);
              return;
            }
          }
        }
        ts.forEachChild(n, visit);
      };
      visit(sf);
      edits.push(...inlined);
      return { contents: lazyDefuns(args.path, applyEdits(text, edits)), loader: 'ts' };
    });
  },
};

/**
 * The file's top-level DEFUN statements (a name from the table, so null and the word after the
 * build's first edits, and a function written in place) as DEFLAZY (subr.ts): the functions move,
 * in order, into one array that a function at the end of the file makes at its first call, and each
 * primitive's entry holds a stub until then. The module bodies then make no closure per primitive,
 * and V8's code cache holds no function info for any of them until some primitive of the file ran
 * (the cache is made by an ordinary start: only the files whose primitives a start-up calls).
 * The primitive table, and so the fingerprint and the static region, are the same.
 */
const subrPath = join(root, 'src/core/subr.ts');
let importedCache = null;
/** Every name that some file under src/ imports or re-exports by name. */
function importedNames() {
  if (importedCache !== null) return importedCache;
  importedCache = new Set();
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const f = join(d, e.name);
      if (e.isDirectory()) walk(f);
      else if (/\.(ts|mts|cts|js|mjs|cjs)$/.test(e.name)) {
        const sf = ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, false);
        for (const st of sf.statements) {
          const clause = ts.isImportDeclaration(st) ? st.importClause?.namedBindings : ts.isExportDeclaration(st) ? st.exportClause : undefined;
          if (clause !== undefined && (ts.isNamedImports(clause) || ts.isNamedExports(clause))) {
            for (const el of clause.elements) importedCache.add((el.propertyName ?? el.name).text);
          } else if (ts.isExportDeclaration(st) && st.exportClause === undefined) throw new Error(`${f}: export * is not handled by lazyDefuns`);
        }
      }
    }
  };
  walk(join(root, 'src'));
  return importedCache;
}

/** TEXT with each [FROM, TO, REPLACEMENT] of EDITS (non-overlapping) applied, in order of position. */
function applyEdits(text, edits) {
  edits.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  let out = '';
  let pos = 0;
  for (const [from, to, rep] of edits) {
    out += text.slice(pos, from) + rep;
    pos = to;
  }
  return out + text.slice(pos);
}

// The files whose primitives a program rarely calls: their groups are made at first use. A group's
// first call compiles the whole group (V8 parses it, every function in it preparsed), about 0.4 ms
// for a file of 20-odd primitives, where the code cache saves about 1 us a function a start: a
// file whose primitives most programs call (data, fns, eval, buffer...) stays as it was.
const LAZY_FILES = new Set(['callproc', 'casetab', 'category', 'compile-lisp', 'debug', 'digest', 'dired', 'dispnew', 'doc',
  'editfns-user', 'fileio-autosave', 'filelock', 'gnutls', 'json', 'keyboard', 'lcms', 'minibuf', 'mule-maps', 'overlay',
  'process', 'process-net', 'profiler', 'timefns', 'ucs-normalize', 'undo', 'fileio-ops', 'keymap', 'indent', 'pdumper',
  'thread', 'comp', 'xdisp']);
function lazyDefuns(path, text) {
  const base = path.replace(/^.*[\\/]/, '').replace(/\.ts$/, '');
  if (path === subrPath || !LAZY_FILES.has(base) || !text.includes('DEFUN(')) return text;
  const sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const lazy = []; // the DEFUN statements' function nodes
  const edits = [];
  for (const st of sf.statements) {
    if (!ts.isExpressionStatement(st) || !ts.isCallExpression(st.expression)) continue;
    const n = st.expression;
    const a = n.arguments;
    if (!ts.isIdentifier(n.expression) || n.expression.text !== 'DEFUN' || a.length !== 7 || a[0].kind !== ts.SyntaxKind.NullKeyword ||
      !(ts.isArrowFunction(a[4]) || ts.isFunctionExpression(a[4])) || !ts.isNumericLiteral(a[6])) continue;
    edits.push([n.expression.getStart(sf), n.expression.end, '__tsmacs_DEFLAZY']);
    edits.push([a[4].getStart(sf), a[4].end, `__tsmacs_lazyGroup, ${lazy.length}`]);
    lazy.push(a[4]);
  }
  if (lazy.length === 0) return text;
  // The file's own function declarations (not exported) that only those functions and other such
  // declarations use move into the group too: each was a binding of the bundle's top-level scope,
  // a name V8 rebuilt, interned and hashed into that scope's table from the code cache at every start.
  const decls = new Map(); // name -> its statements (overloads included)
  for (const st of sf.statements) {
    let name;
    if (ts.isFunctionDeclaration(st) && st.name !== undefined) name = st.name;
    else if (ts.isVariableStatement(st) && (st.declarationList.flags & ts.NodeFlags.Const) !== 0 && st.declarationList.declarations.length === 1) {
      // `const f = (...) => ...`: a function made when the group runs, before any of its primitives.
      const d = st.declarationList.declarations[0];
      if (ts.isIdentifier(d.name) && d.initializer !== undefined && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer))) name = d.name;
    }
    if (name === undefined) continue;
    const list = decls.get(name.text) ?? [];
    list.push(st);
    decls.set(name.text, list);
  }
  // An exported one too when no file imports its name (from any module: a name imported anywhere stays).
  const imported = importedNames();
  for (const [name, list] of decls) {
    if (list.some((st) => st.modifiers?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword || m.kind === ts.SyntaxKind.DefaultKeyword ||
      (m.kind === ts.SyntaxKind.ExportKeyword && imported.has(name))))) decls.delete(name);
  }
  const lazySet = new Set(lazy);
  const uses = new Map([...decls.keys()].map((k) => [k, new Set()])); // name -> owners: a name, 'lazy' or 'top'
  const visit = (n, owner) => {
    if (lazySet.has(n)) owner = 'lazy';
    else if (ts.isFunctionDeclaration(n) && n.parent === sf && n.name !== undefined && decls.has(n.name.text)) owner = n.name.text;
    else if (ts.isVariableStatement(n) && n.parent === sf && decls.get(n.declarationList.declarations[0].name.text)?.includes(n)) owner = n.declarationList.declarations[0].name.text;
    if (ts.isIdentifier(n) && uses.has(n.text)) {
      const p = n.parent;
      const declName = (ts.isFunctionDeclaration(p) && p.name === n && p.parent === sf) ||
        (ts.isVariableDeclaration(p) && p.name === n && p.parent.parent.parent === sf);
      const member = (ts.isPropertyAccessExpression(p) && p.name === n) || (ts.isPropertyAssignment(p) && p.name === n) ||
        (ts.isMethodDeclaration(p) && p.name === n) || (ts.isPropertyDeclaration(p) && p.name === n);
      if (!declName && !member) uses.get(n.text).add(owner);
    }
    ts.forEachChild(n, (c) => visit(c, owner));
  };
  visit(sf, 'top');
  const moved = new Set(decls.keys());
  for (let changed = true; changed;) {
    changed = false;
    for (const name of moved) {
      for (const o of uses.get(name)) {
        if (o === 'lazy' || o === name || moved.has(o)) continue;
        moved.delete(name);
        changed = true;
        break;
      }
    }
  }
  const movedText = [];
  for (const name of moved) {
    for (const st of decls.get(name)) {
      const ex = st.modifiers?.find((m) => m.kind === ts.SyntaxKind.ExportKeyword);
      movedText.push(text.slice(ex !== undefined ? ex.end : st.getStart(sf), st.end));
      edits.push([st.getStart(sf), st.end, '']);
    }
  }
  const fns = lazy.map((f) => text.slice(f.getStart(sf), f.end));
  return applyEdits(text, edits) + `\nimport { DEFLAZY as __tsmacs_DEFLAZY } from ${JSON.stringify(subrPath)};\n` +
    'var __tsmacs_lazyFns: any[] | undefined;\n' +
    `function __tsmacs_lazyGroup(): any[] {\n  if (__tsmacs_lazyFns !== undefined) return __tsmacs_lazyFns;\n${movedText.join('\n')}\n` +
    `  return (__tsmacs_lazyFns = [\n${fns.join(',\n')},\n  ]);\n}\n`;
}

/**
 * The module-level numeric constants of the file at PATH, as name -> [the number's text, exported?, number];
 * parsed once per file. A constant's value is a number literal, a DEFSYM of a name in the table
 * (the symbol's word), another such constant of the file or one it imports by name,
 * or arithmetic of these (`1 << 22`, `ALT | SUPER`), computed here as JS computes it.
 */
const constantsCache = new Map();
function moduleConstants(path, sf) {
  let found = constantsCache.get(path);
  if (found !== undefined) return found;
  found = new Map();
  constantsCache.set(path, found); // (an import cycle finds this one, empty or partly filled)
  if (sf === undefined) {
    let text;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return found;
    }
    sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  }
  const env = new Map(); // name -> number, for this file's expressions
  for (const [local, value] of importedConstants(path, sf)) env.set(local.text, value[2]);
  const word = (e, callee) => ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === callee && e.arguments.length >= 1 &&
    (ts.isStringLiteral(e.arguments[0]) || ts.isNoSubstitutionTemplateLiteral(e.arguments[0])) && symbolWord.has(e.arguments[0].text)
    ? symbolWord.get(e.arguments[0].text) : undefined;
  const BIN = {
    [ts.SyntaxKind.LessThanLessThanToken]: (x, y) => x << y, [ts.SyntaxKind.GreaterThanGreaterThanToken]: (x, y) => x >> y,
    [ts.SyntaxKind.GreaterThanGreaterThanGreaterThanToken]: (x, y) => x >>> y, [ts.SyntaxKind.BarToken]: (x, y) => x | y,
    [ts.SyntaxKind.AmpersandToken]: (x, y) => x & y, [ts.SyntaxKind.CaretToken]: (x, y) => x ^ y,
    [ts.SyntaxKind.PlusToken]: (x, y) => x + y, [ts.SyntaxKind.MinusToken]: (x, y) => x - y,
    [ts.SyntaxKind.AsteriskToken]: (x, y) => x * y, [ts.SyntaxKind.SlashToken]: (x, y) => x / y,
    [ts.SyntaxKind.AsteriskAsteriskToken]: (x, y) => x ** y,
  };
  const evaluate = (e) => {
    if (ts.isNumericLiteral(e)) return Number(e.text);
    if (ts.isParenthesizedExpression(e)) return evaluate(e.expression);
    if (ts.isIdentifier(e)) return env.get(e.text);
    if (ts.isPrefixUnaryExpression(e)) {
      const x = evaluate(e.operand);
      if (x === undefined) return undefined;
      return e.operator === ts.SyntaxKind.MinusToken ? -x : e.operator === ts.SyntaxKind.TildeToken ? ~x : e.operator === ts.SyntaxKind.PlusToken ? x : undefined;
    }
    if (ts.isBinaryExpression(e) && BIN[e.operatorToken.kind] !== undefined) {
      const x = evaluate(e.left);
      const y = x === undefined ? undefined : evaluate(e.right);
      return y === undefined ? undefined : BIN[e.operatorToken.kind](x, y);
    }
    return word(e, 'DEFSYM');
  };
  for (const st of sf.statements) {
    if (!ts.isVariableStatement(st) || (st.declarationList.flags & ts.NodeFlags.Const) === 0) continue;
    const mods = st.modifiers ?? [];
    if (mods.some((m) => m.kind !== ts.SyntaxKind.ExportKeyword)) continue;
    for (const d of st.declarationList.declarations) {
      if (!ts.isIdentifier(d.name) || d.initializer === undefined || d.type !== undefined) continue;
      const v = evaluate(d.initializer);
      if (typeof v !== 'number' || !Number.isFinite(v)) continue;
      env.set(d.name.text, v);
      // Only small integers (V8's Smis, operands of its bytecodes): another number would be a heap
      // number in the constant pool of each function that uses it.
      if (!Number.isInteger(v) || v < -(2 ** 30) || v >= 2 ** 30 || Object.is(v, -0)) continue;
      found.set(d.name.text, [v < 0 ? `(${v})` : String(v), mods.length > 0, v]);
    }
  }
  return found;
}

/** The numeric constants SF imports by name from other source files: [its local name node, moduleConstants' entry]. */
function importedConstants(path, sf) {
  const out = [];
  for (const st of sf.statements) {
    if (!ts.isImportDeclaration(st) || st.importClause?.isTypeOnly || !ts.isStringLiteral(st.moduleSpecifier)) continue;
    const spec = st.moduleSpecifier.text;
    const bindings = st.importClause?.namedBindings;
    if (!spec.startsWith('.') || !spec.endsWith('.ts') || bindings === undefined || !ts.isNamedImports(bindings)) continue;
    const theirs = moduleConstants(join(dirname(path), spec));
    for (const el of bindings.elements) {
      const c = theirs.get((el.propertyName ?? el.name).text);
      if (!el.isTypeOnly && c !== undefined && c[1]) out.push([el.name, c]);
    }
  }
  return out;
}

/**
 * Edits that put each module-level numeric constant's number (moduleConstants) in place of its uses in SF,
 * its own and those it imports by name from another source file: esbuild inlines constants only in a file
 * without imports, and kept as bindings they were some 800 of the bundle's top-level variables, each a
 * context slot with its name in the code cache and the top-level scope's name table, a store when the
 * module body runs and a context load at each use. A name bound anywhere else in the file (a parameter, a
 * local, a destructured name) is left alone there, so no shadowed use is replaced. The declarations stay;
 * esbuild drops those no longer used.
 */
function constantUses(path, sf) {
  const values = new Map();
  for (const [name, [value]] of moduleConstants(path, sf)) values.set(name, value);
  const importedAs = new Set();
  for (const [local, [value]] of importedConstants(path, sf)) {
    values.set(local.text, value);
    importedAs.add(local);
  }
  if (values.size === 0) return [];
  // Names bound anywhere but by their own top-level declaration or import: not replaced in this file.
  const own = new Set();
  for (const st of sf.statements) {
    if (ts.isVariableStatement(st)) for (const d of st.declarationList.declarations) own.add(d.name);
  }
  const rebound = new Set();
  const binders = (n) => {
    const name = n.name;
    if (name !== undefined && ts.isIdentifier(name) && !own.has(name) && !importedAs.has(name) &&
      (ts.isVariableDeclaration(n) || ts.isParameter(n) || ts.isBindingElement(n) || ts.isFunctionDeclaration(n) ||
        ts.isFunctionExpression(n) || ts.isClassDeclaration(n) || ts.isClassExpression(n) || ts.isImportSpecifier(n) ||
        ts.isImportClause(n) || ts.isNamespaceImport(n) || ts.isEnumDeclaration(n) || ts.isModuleDeclaration(n))) rebound.add(name.text);
    ts.forEachChild(n, binders);
  };
  binders(sf);
  for (const name of rebound) values.delete(name);
  if (values.size === 0) return [];
  const edits = [];
  const use = (n) => {
    if (ts.isTypeNode(n) || ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) return;
    if (ts.isIdentifier(n)) {
      const value = values.get(n.text);
      const p = n.parent;
      if (value === undefined || own.has(n)) return;
      if (ts.isShorthandPropertyAssignment(p)) edits.push([n.getStart(sf), n.end, `${n.text}: ${value}`]);
      else if (!((ts.isPropertyAccessExpression(p) || ts.isQualifiedName(p)) && p.name === n) &&
        !((ts.isPropertyAssignment(p) || ts.isMethodDeclaration(p) || ts.isPropertyDeclaration(p) || ts.isGetAccessor(p) ||
          ts.isSetAccessor(p) || ts.isEnumMember(p) || ts.isPropertySignature(p) || ts.isLabeledStatement(p) ||
          ts.isBreakOrContinueStatement(p)) && (p.name === n || p.label === n))) {
        edits.push([n.getStart(sf), n.end, value]);
      }
      return;
    }
    ts.forEachChild(n, use);
  };
  use(sf);
  return edits;
}

/** builtin-names.ts with BUILTIN_NAMES as one string split at start (the names hold no newline). */
function namesAsOneString(text) {
  const joined = BUILTIN_NAMES_FROM_PROBE.join('\n');
  const m = /export const BUILTIN_NAMES: readonly string\[\] = \[[^\]]*\];\n/.exec(text);
  if (m === null || BUILTIN_NAMES_FROM_PROBE.some((n) => n.includes('\n'))) return text;
  return text.slice(0, m.index) + `export const BUILTIN_NAMES: readonly string[] = ${JSON.stringify(joined)}.split('\\n');\n` +
    text.slice(m.index + m[0].length);
}
const BUILTIN_NAMES_FROM_PROBE = probed.table.slice(3);

// 2. The CLI as one script whose value is a function of (require, import.meta.url, the compiled kernels,
// import.meta.dirname, the kernels' tier-up switch, the call that ends the module bodies' hold on V8's optimisers,
// the heap memory the launcher read into).
const corePath = join(dist, 'tsmacs-core.js');
await build({
  ...common,
  entryPoints: [join(root, 'src/cli/bin.ts')],
  format: 'cjs',
  outfile: corePath,
  minify: process.env.TSMACS_NO_MINIFY !== '1', // unminified for readable profiles
  define: {
    'import.meta.url': '__tsmacs_url',
    'import.meta.dirname': '__tsmacs_dir',
    __TSMACS_FINGERPRINT__: JSON.stringify(probed.fingerprint),
    __TSMACS_KERNELS__: JSON.stringify(probed.kernels),
    __TSMACS_NAMES__: JSON.stringify(probed.names),
    __TSMACS_DOC__: JSON.stringify(docHash),
  },
  plugins: [docsOut],
  banner: { js: '(function (require, __tsmacs_url, __tsmacs_wasm, __tsmacs_dir, __tsmacs_tier, __tsmacs_bodies_ran, __tsmacs_heap) {' },
  footer: { js: '})' },
});
const buildId = createHash('sha256').update(readFileSync(corePath)).digest('hex').slice(0, 16);

// 3. The launcher, which runs the bundle through V8's code cache (see scripts/launcher.template.cjs).
const literal = (str) => JSON.stringify(str).replace(/[\u007f-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
const launcher = readFileSync(join(root, 'scripts/launcher.template.cjs'), 'utf8')
  .split("'__BUILD_ID__'").join(literal(buildId))
  .split("'__KERNELS_BASE64__'").join(JSON.stringify(Buffer.from(probed.kernels, 'latin1').toString('base64')));
const launcherPath = join(dist, 'tsmacs.cjs');
writeFileSync(launcherPath, launcher);
chmodSync(launcherPath, 0o755);
rmSync(join(dist, 'tsmacs-core.jsc'), { force: true });
// The launcher's name before it became CommonJS, kept as a forwarder: npx caches the bin links of
// a directory's earlier install, so a checkout updated in place would find no `tsmacs` otherwise.
const forwarder = join(dist, 'tsmacs.mjs');
writeFileSync(forwarder, launcher.split('\n', 1)[0] + "\n// Forwards to tsmacs.cjs (see scripts/build.mjs).\n" +
  "import { createRequire } from 'node:module';\ncreateRequire(import.meta.url)('./tsmacs.cjs');\n");
chmodSync(forwarder, 0o755);

// ---- Embedding API (issue 12; owned by the api work: keep this block separate) ----------------
// dist/api-core.js is the one implementation (so `instanceof LispError` holds whichever way it was
// imported), loaded by dist/api.cjs through V8's code cache (src/api/api-loader.cjs); dist/api.mjs
// re-exports it for `import`; the declarations are written by hand in
// src/api/api.d.ts (the runtime's internal types stay out of them). Same constants and docstring
// plugin as the CLI's bundle: the same builtins, so the same fingerprint and DOC file.
await build({
  ...common,
  entryPoints: [join(root, 'src/api/index.ts')],
  format: 'cjs',
  outfile: join(dist, 'api-core.js'),
  minify: process.env.TSMACS_NO_MINIFY !== '1',
  define: {
    'import.meta.url': '__tsmacs_api_url',
    'import.meta.dirname': '__dirname',
    __TSMACS_FINGERPRINT__: JSON.stringify(probed.fingerprint),
    __TSMACS_KERNELS__: JSON.stringify(probed.kernels),
    __TSMACS_NAMES__: JSON.stringify(probed.names),
    __TSMACS_DOC__: JSON.stringify(docHash),
  },
  plugins: [docsOut],
  banner: { js: "const __tsmacs_api_url = require('node:url').pathToFileURL(__filename).href;" },
});
const apiBuildId = createHash('sha256').update(readFileSync(join(dist, 'api-core.js'))).digest('hex').slice(0, 16);
writeFileSync(join(dist, 'api.cjs'), readFileSync(join(root, 'src/api/api-loader.cjs'), 'utf8').split("'__BUILD_ID__'").join(JSON.stringify(apiBuildId)));
rmSync(join(dist, 'api-core.jsc'), { force: true });
const apiNames = ['Emacs', 'LispError', 'LispHandle', 'LispSymbol', 'LispVector', 'EmacsExit'];
writeFileSync(join(dist, 'api.mjs'), '// ES module face of api.cjs (scripts/build.mjs).\n' +
  "import api from './api.cjs';\n" + apiNames.map((n) => `export const ${n} = api.${n};\n`).join('') + 'export default api;\n');
const apiTypes = readFileSync(join(root, 'src/api/api.d.ts'), 'utf8');
writeFileSync(join(dist, 'api.d.ts'), apiTypes);
writeFileSync(join(dist, 'api.d.cts'), apiTypes);
writeFileSync(join(dist, 'api.d.mts'), apiTypes);
// ---- end of the embedding API block ----------------------------------------------------------

// 4. The default image: loadup from source, dumped next to the bundle (no code cache for this run:
// loadup compiles far more than a start-up needs). Then one ordinary start writes the code cache:
// it runs scripts/code-cache-warm.el, a little of the common editing work (inserting, searching,
// syntax scanning), so that the cache holds those functions' bytecode too, not only a bare
// start's; a program's first insert or search then does not parse and compile them from source.
if (!process.argv.includes('--no-image')) {
  const env = { ...process.env, TSMACS_CODE_CACHE: '0' };
  const r = spawnSync(process.execPath, ['--stack-size=6000', launcherPath, '--temacs=pdump', '--dump-file', join(dist, 'tsmacs.pdmp')],
    { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8', env });
  if (r.status !== 0) {
    process.stderr.write(r.stderr);
    process.stderr.write('build: making the default image failed\n');
    process.exit(1);
  }
  const s = spawnSync(process.execPath, ['--stack-size=6000', launcherPath, '--batch', '-l', join(root, 'scripts/code-cache-warm.el')], { encoding: 'utf8' });
  if (s.status !== 0) {
    process.stderr.write(s.stderr);
    process.stderr.write('build: starting from the default image failed\n');
    process.exit(1);
  }
}

// 4b. The bundled libraries that are not preloaded, compiled to lisp/*.elc (scripts/build-elc.mjs):
// `(require 'cl-lib)' then reads its forms expanded instead of expanding them at every start.
if (!buildElc()) {
  process.stderr.write('build: compiling the bundled libraries failed\n');
  process.exit(1);
}

// ---- 5. The browser build: dist/web/ (docs/browser.md). Owned by the browser work; other steps stay above. ----
// An ES module (tsmacs.js), the Worker (worker.js) and the playground's script (playground.js),
// sharing one chunk of runtime code; the default image (the same file the CLI loads); the
// library files Lisp reads on demand (files/, listed with their sizes in files.json); the page.
// The runtime registers the same builtins as the CLI (src/web/tsmacs.ts imports cli/main.ts),
// so the fingerprint is the CLI's; it is computed at start rather than injected, so that an
// image from another build is refused by the loader instead of misread.
{
  const { copyFileSync, existsSync, readdirSync, statSync } = await import('node:fs');
  const web = join(dist, 'web');
  rmSync(web, { recursive: true, force: true });
  mkdirSync(web, { recursive: true });
  const nodeShims = {
    name: 'node-shims-for-the-browser',
    setup(b) {
      b.onResolve({ filter: /^node:(path|url)$/ }, () => ({ path: join(root, 'src/web/node-shims.ts') }));
    },
  };
  await build({
    bundle: true,
    platform: 'browser',
    format: 'esm',
    splitting: true,
    target: 'es2022',
    legalComments: 'none',
    logLevel: 'warning',
    minify: process.env.TSMACS_NO_MINIFY !== '1',
    entryPoints: { tsmacs: join(root, 'src/web/tsmacs.ts'), worker: join(root, 'src/web/worker.ts'), playground: join(root, 'src/web/page.ts') },
    outdir: web,
    chunkNames: 'chunks/[name]-[hash]',
    define: {
      // Where the data files are in the host's store: doc.ts looks for DOC beside the bundle, etc/ one up.
      'import.meta.dirname': JSON.stringify('/tsmacs/dist'),
      __TSMACS_KERNELS__: JSON.stringify(probed.kernels),
      __TSMACS_DOC__: JSON.stringify(docHash),
    },
    plugins: [docsOut, nodeShims],
  });
  copyFileSync(join(root, 'web/index.html'), join(web, 'index.html'));
  const files = {};
  const addFile = (from, rel) => {
    mkdirSync(dirname(join(web, 'files', rel)), { recursive: true });
    copyFileSync(from, join(web, 'files', rel));
    files[rel] = statSync(from).size;
  };
  for (const dir of ['lisp', 'etc'])
    for (const name of readdirSync(join(root, dir)).sort()) if (statSync(join(root, dir, name)).isFile()) addFile(join(root, dir, name), `${dir}/${name}`);
  addFile(join(dist, 'DOC'), 'dist/DOC');
  writeFileSync(join(web, 'files.json'), JSON.stringify(files));
  if (existsSync(join(dist, 'tsmacs.pdmp'))) copyFileSync(join(dist, 'tsmacs.pdmp'), join(web, 'tsmacs.pdmp'));
  else process.stderr.write('build: no default image (--no-image): dist/web/ has no tsmacs.pdmp\n');
}
// ---- end of the browser build ----
