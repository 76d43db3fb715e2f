// The compiler as Lisp sees it: byte-compile, native-compile, byte-compile-file and disassemble (GNU's bytecomp.el entry points).
//
// `byte-compile' returns a compiled-function object (PVEC_COMPILED, so `byte-code-function-p'
// and `functionp' hold) whose code string is empty, which no GNU byte code is, and whose
// constants vector holds the closure or lambda it was made from: calling it runs that function's
// JS code (compile.ts), compiled at once whatever the threshold. Such objects live in the heap
// and dump like any other; their JS code is rebuilt on first call.

import { MANY, PVEC_COMPILED } from '../heap/layout.ts';
import { Lisp_Symbol, Lisp_Vectorlike, makeFixnum } from '../heap/tags.ts';
import { cons, consp, jsString, listFromArray, makeString, pvecType, stringp, symbolFunction, xcar, xcdr, xsetcar, xsetcdr } from '../core/object.ts';
import type { Runtime } from '../core/runtime.ts';
import { LispSignal, error, xsignal, xsignal1, xsignal2 } from '../core/signal.ts';
import { DEFUN } from '../core/subr.ts';
import { DEFSYM, Qclosure, Qinteractive, Qlambda, Qmacro, Qnil, Qt, Qunbound } from '../core/symbols.ts';
import { compiledSource, compileNow } from './compile.ts';
import { byteCodeClosure, evalTop, findSymbolValue, funcall, indirectFunction, specbind, unbindTo } from './eval.ts';
import { type ElcItem, Qelc_source, elcFileBytes, printFormForElc } from './elc.ts';
import { fileShorthands, lexicalBindingCookie, makeReader } from './lread.ts';
import { loadBytesInternal } from './filecode.ts';

const Qmake_byte_code = DEFSYM('make-byte-code');
const Qformat = DEFSYM('format');
const Qerror_sym = DEFSYM('error');
const Qwrong_type_argument_sym = DEFSYM('wrong-type-argument');
const Qlistp_sym = DEFSYM('listp');
const Qstringp_sym = DEFSYM('stringp');
const Qsymbol_name = DEFSYM('symbol-name');
const Qmessage = DEFSYM('message');
const Qbyte_compile_debug = DEFSYM('byte-compile-debug');
const Qdefvar = DEFSYM('defvar');
const Qand_rest = DEFSYM('&rest');
const Qand_optional = DEFSYM('&optional');
const Qfset = DEFSYM('fset');
const Qget_buffer_create = DEFSYM('get-buffer-create');
const Qcurrent_buffer = DEFSYM('current-buffer');
const Qset_buffer = DEFSYM('set-buffer');
const Qinsert = DEFSYM('insert');
const Qprin1_to_string = DEFSYM('prin1-to-string');
const Qlexical_binding = DEFSYM('lexical-binding');
const Qload = DEFSYM('load');
const Qexpand_file_name = DEFSYM('expand-file-name');

const isLambdaOrClosure = (rt: Runtime, f: number): boolean => consp(f) && (xcar(rt, f) === Qlambda || xcar(rt, f) === Qclosure);

/**
 * What GNU's compiler says of a malformed parameter list, or null when it is well formed: a
 * second &optional, &rest without exactly one variable after it, a parameter that is not a
 * symbol or is a constant, a dotted list. The interpreter only finds out when the function is
 * called. Each problem is [the error's message, a signal of it].
 */
function lambdaListProblem(rt: Runtime, params: number): [string, () => never] | null {
  const bad = (msg: string): [string, () => never] => [msg, () => xsignal1(rt, Qerror_sym, makeString(rt, msg))];
  let optional = false;
  for (let l = params; l !== Qnil; l = xcdr(rt, l)) {
    if (!consp(l)) {
      const tail = l;
      const shown = jsString(rt, funcall(rt, Qformat, [makeString(rt, '%S'), tail]));
      return [`Wrong type argument: listp, ${shown}`, () => xsignal2(rt, Qwrong_type_argument_sym, Qlistp_sym, tail)];
    }
    const p = xcar(rt, l);
    if (p === Qand_rest) {
      const after = xcdr(rt, l);
      if (consp(after) && xcdr(rt, after) !== Qnil) return bad('Garbage following &rest VAR in lambda-list');
      if (!consp(after)) return bad('&rest without variable name');
      const v = xcar(rt, after);
      if (v === Qand_optional) return bad('&optional following &rest in lambda-list');
      if (v === Qand_rest) return bad('&rest following &rest in lambda-list');
    } else if (p === Qand_optional) {
      if (optional) return bad('Duplicate &optional');
      optional = true;
    } else if ((p & 7) !== Lisp_Symbol || p === Qnil || p === Qt || jsString(rt, funcall(rt, Qsymbol_name, [p])).startsWith(':')) {
      return bad(`Invalid lambda variable ${jsString(rt, funcall(rt, Qformat, [makeString(rt, '%s'), p]))}`);
    }
  }
  return null;
}

/**
 * FN's parameter list checked as GNU's compiler checks it: null when well formed. Otherwise,
 * with `byte-compile-debug' the error is signalled; without it GNU logs " Error: MESSAGE" and
 * `byte-compile' gives that string, and so does this.
 */
function refusedLambdaList(rt: Runtime, fn: number): number | null {
  let r = xcdr(rt, fn);
  if (xcar(rt, fn) === Qclosure && consp(r)) r = xcdr(rt, r);
  const problem = consp(r) ? lambdaListProblem(rt, xcar(rt, r)) : null;
  if (problem === null) return null;
  const debug = findSymbolValue(rt, Qbyte_compile_debug);
  if (debug !== Qnil && debug !== Qunbound) problem[1]();
  return funcall(rt, Qmessage, [makeString(rt, ' Error: %s'), makeString(rt, problem[0])]);
}

/** The compiled-function object for the lambda or closure FN (see the file comment). */
function toByteCode(rt: Runtime, fn: number): number {
  const sp = rt.sp;
  rt.push(fn);
  try {
    const refused = refusedLambdaList(rt, fn);
    if (refused !== null) return refused;
    compileNow(rt, fn);
    let rest = xcdr(rt, fn);
    if (xcar(rt, fn) === Qclosure) rest = xcdr(rt, rest);
    const params = consp(rest) ? xcar(rt, rest) : Qnil;
    const body = consp(rest) ? xcdr(rt, rest) : Qnil;
    // The docstring and interactive spec, where `documentation' and `commandp' look for them.
    let doc = Qnil;
    let b = body;
    if (consp(b) && stringp(xcar(rt, b)) && consp(xcdr(rt, b))) {
      doc = xcar(rt, b);
      b = xcdr(rt, b);
    }
    const form = consp(b) ? xcar(rt, b) : Qnil;
    const interactive = consp(form) && xcar(rt, form) === Qinteractive ? form : Qnil;
    const consts = funcall(rt, DEFSYM('vector'), [fn]);
    rt.push(consts);
    const code = funcall(rt, DEFSYM('string-to-unibyte'), [makeString(rt, '')]);
    rt.push(code);
    const args = [params, code, consts, makeFixnum(0)];
    if (doc !== Qnil || interactive !== Qnil) args.push(doc);
    if (interactive !== Qnil) args.push(consp(xcdr(rt, interactive)) ? xcar(rt, xcdr(rt, interactive)) : Qnil);
    return funcall(rt, Qmake_byte_code, args);
  } finally {
    rt.sp = sp;
  }
}

DEFUN('byte-compile', 1, 1, 'Compile FORM and give the result.\nA symbol has its function definition compiled and replaced by the compiled function; a lambda expression or closure gives a compiled function; any other form is evaluated and its value given. tsmacs compiles to JavaScript (see docs/evaluator.md), not to GNU byte code.', (rt, form: number) => {
  // GNU's byte-compile is autoloaded from bytecomp.el, whose loading declares its variables
  // (after the first call `byte-compile-debug' is special, so a `let' of it binds it) and
  // defines its helpers (byte-compile-warn, byte-compile-check-lambda-list). Where no Lisp
  // files can be read, the variable is declared here all the same.
  funcall(rt, Qrequire, [Qbytecomp, Qnil, Qt]);
  if (findSymbolValue(rt, Qbyte_compile_debug) === Qunbound) evalTop(rt, listFromArray(rt, [Qdefvar, Qbyte_compile_debug, Qnil]), Qnil);
  if ((form & 7) === Lisp_Symbol && form !== Qnil && form !== Qt) {
    const def = symbolFunction(rt, form);
    if (consp(def) && xcar(rt, def) === Qmacro && isLambdaOrClosure(rt, xcdr(rt, def))) {
      const sp = rt.sp;
      const c = toByteCode(rt, xcdr(rt, def));
      if (stringp(c)) return c;
      rt.push(c);
      const m = cons(rt, Qmacro, c);
      funcall(rt, Qfset, [form, m]);
      rt.sp = sp;
      return m;
    }
    if (isLambdaOrClosure(rt, def)) {
      const sp = rt.sp;
      const c = toByteCode(rt, def);
      if (stringp(c)) return c;
      rt.push(c);
      funcall(rt, Qfset, [form, c]);
      rt.sp = sp;
      return c;
    }
    return def;
  }
  if (isLambdaOrClosure(rt, form)) {
    // A lambda list is compiled as the current buffer's `lexical-binding' says, as GNU does.
    if (xcar(rt, form) === Qlambda) {
      const lexical = funcall(rt, DEFSYM('symbol-value'), [Qlexical_binding]);
      if (lexical !== Qnil) return toByteCode(rt, evalTop(rt, listFromArray(rt, [DEFSYM('function'), form]), Qt));
    }
    return toByteCode(rt, form);
  }
  if ((form & 7) === Lisp_Vectorlike && pvecType(rt, form) === PVEC_COMPILED) return form;
  return evalTop(rt, form, funcall(rt, DEFSYM('symbol-value'), [Qlexical_binding]));
});

DEFUN('native-comp-available-p', 0, 0, 'Say whether GNU\'s native compilation (libgccjit, .eln files) is available: never in tsmacs, whose `native-compile\' compiles to JavaScript instead.', () => Qnil);

DEFUN('native-compile', 1, 2, 'Compile FUNCTION-OR-FILE to native code and give the compiled function.\ntsmacs compiles Lisp to JavaScript, which V8 compiles to machine code: a function or symbol is compiled as `byte-compile\' does it (OUTPUT is ignored); a file is compiled as `byte-compile-file\' does.', (rt, what: number) => {
  if (stringp(what)) return funcall(rt, DEFSYM('byte-compile-file'), [what]);
  const f = funcall(rt, DEFSYM('byte-compile'), [what]);
  if ((what & 7) === Lisp_Symbol && what !== Qnil) return indirectFunction(rt, what);
  return f;
});

/** The compilation `byte-compile-file' is doing: the Lisp stack slot of its macro environment. */
// restoreSlot: a stack slot holding ((SYMBOL PROP HAD . OLD) ...), the properties a top-level
// `function-put' set during the compilation, put back when it ends.
let fileCompile: { envSlot: number; restoreSlot: number; lexical: number } | null = null;

const Qbytecomp = DEFSYM('bytecomp');
const Qcompile_when = DEFSYM('tsmacs--compile-when-compile');
const Qcompile_and = DEFSYM('tsmacs--compile-and-compile');
const Qfile_error = DEFSYM('file-error');
const Qcons = DEFSYM('cons');
const Qmacroexpand = DEFSYM('macroexpand');
const Qmacroexpand_all = DEFSYM('macroexpand-all');
const Qprogn = DEFSYM('progn');
const Qquote = DEFSYM('quote');
const Qrequire = DEFSYM('require');
const Qdefalias = DEFSYM('defalias');
const Qeval_when_compile = DEFSYM('eval-when-compile');
const Qeval_and_compile = DEFSYM('eval-and-compile');
const Qfile_missing = DEFSYM('file-missing');
const Qbyte_compile_dest_file = DEFSYM('byte-compile-dest-file');
const Qbyte_compile_current_file = DEFSYM('byte-compile-current-file');

/** BODY expanded in the compilation's environment and evaluated now; its value and its expansion. */
function compileTimeEval(rt: Runtime, body: number): { value: number; expanded: number } {
  const c = fileCompile!;
  const expanded = funcall(rt, Qmacroexpand_all, [cons(rt, Qprogn, body), rt.stack[c.envSlot]!]);
  const sp = rt.sp;
  rt.push(expanded);
  try {
    return { value: evalTop(rt, expanded, c.lexical), expanded };
  } finally {
    rt.sp = sp;
  }
}

DEFUN('tsmacs--compile-when-compile', 0, MANY, 'Evaluate BODY now, while `byte-compile-file\' compiles, and give its value quoted: `eval-when-compile\' there.', (rt, args: number[]) => {
  if (fileCompile === null) return cons(rt, Qprogn, listFromArray(rt, args));
  return listFromArray(rt, [Qquote, compileTimeEval(rt, listFromArray(rt, args)).value]);
});

DEFUN('tsmacs--compile-and-compile', 0, MANY, 'Evaluate BODY now, while `byte-compile-file\' compiles, and keep it to be evaluated when the file is loaded: `eval-and-compile\' there.', (rt, args: number[]) => {
  if (fileCompile === null) return cons(rt, Qprogn, listFromArray(rt, args));
  return compileTimeEval(rt, listFromArray(rt, args)).expanded;
});

/**
 * Compile one top-level FORM of the file into FORMS, as GNU's compiler treats it: a `progn' is
 * taken apart, `require' is also evaluated now, a macro definition joins the environment (for
 * the file's later forms only, as in GNU: it is not defined when the compilation ends), and every
 * form is kept fully expanded; one whose expansion signals, or that cannot be printed, is kept as
 * read, for `load' to expand.
 */
function compileTopForm(rt: Runtime, form: number, forms: ElcItem[]): void {
  const c = fileCompile!;
  const sp = rt.sp;
  rt.push(form);
  const keepSource = (): void => {
    const kept = printFormForElc(rt, cons(rt, Qelc_source, form));
    if (typeof kept === 'string') return error(rt, `Cannot compile a top-level form: ${kept}`);
    forms.push(kept);
  };
  try {
    let top: number;
    try {
      top = funcall(rt, Qmacroexpand, [form, rt.stack[c.envSlot]!]);
    } catch (e) {
      if (!(e instanceof LispSignal)) throw e;
      keepSource();
      return;
    }
    rt.push(top);
    if (consp(top) && xcar(rt, top) === Qprogn) {
      for (let l = xcdr(rt, top); consp(l); l = xcdr(rt, l)) compileTopForm(rt, xcar(rt, l), forms);
      return;
    }
    let full: number;
    try {
      full = funcall(rt, Qmacroexpand_all, [top, rt.stack[c.envSlot]!]);
    } catch (e) {
      if (!(e instanceof LispSignal)) throw e;
      keepSource();
      return;
    }
    rt.push(full);
    const head = consp(full) ? xcar(rt, full) : Qnil;
    if (head === Qrequire) evalTop(rt, full, c.lexical);
    else if (head === Qfunction_put) compileTimeFunctionPut(rt, full);
    else if (head === Qdefalias) {
      // (defalias 'NAME (cons 'macro FN)): FN expands NAME's calls in the forms after it.
      const args = listToArray(rt, xcdr(rt, full));
      const name = args.length >= 2 && consp(args[0]!) && xcar(rt, args[0]!) === Qquote ? xcar(rt, xcdr(rt, args[0]!)) : Qnil;
      const def = args[1];
      if (name !== Qnil && (name & 7) === Lisp_Symbol && def !== undefined && consp(def) && xcar(rt, def) === Qcons) {
        const parts = listToArray(rt, xcdr(rt, def));
        if (parts.length === 2 && consp(parts[0]!) && xcar(rt, parts[0]!) === Qquote && xcar(rt, xcdr(rt, parts[0]!)) === Qmacro) {
          const fn = evalTop(rt, parts[1]!, c.lexical);
          rt.push(fn);
          rt.stack[c.envSlot] = cons(rt, cons(rt, name, fn), rt.stack[c.envSlot]!);
        }
      }
    }
    if (c.lexical !== Qnil) addUsageToDocs(rt, full, new Set());
    const printed = printFormForElc(rt, full);
    if (typeof printed === 'string') keepSource();
    else forms.push(printed);
  } finally {
    rt.sp = sp;
  }
}

const Qfunction_sym = DEFSYM('function');
const Qfunction_put = DEFSYM('function-put');
const Qget = DEFSYM('get');
const Qput = DEFSYM('put');
const Qsymbol_plist = DEFSYM('symbol-plist');
const Qsetplist = DEFSYM('setplist');
const Qplist_member = DEFSYM('plist-member');

/** Whether FORM (expanded) is a constant or a function, which GNU's compiler may evaluate early. */
function constantOrFunction(rt: Runtime, form: number): boolean {
  if (consp(form)) return xcar(rt, form) === Qquote || xcar(rt, form) === Qfunction_sym;
  if ((form & 7) !== Lisp_Symbol) return true;
  return form === Qnil || form === Qt || jsString(rt, funcall(rt, Qsymbol_name, [form])).startsWith(':');
}

/**
 * A top-level (function-put 'SYMBOL 'PROP VALUE) whose VALUE is a constant or a function is also
 * done now, as GNU's compiler does, so that the file's later forms see it while they are expanded
 * (a `gv-define-setter' of the file serves its `setf's); the old value comes back at the end.
 */
function compileTimeFunctionPut(rt: Runtime, form: number): void {
  const c = fileCompile!;
  const args = listToArray(rt, xcdr(rt, form));
  if (args.length !== 3) return;
  const quoted = (x: number): number | null =>
    consp(x) && xcar(rt, x) === Qquote && consp(xcdr(rt, x)) && (xcar(rt, xcdr(rt, x)) & 7) === Lisp_Symbol ? xcar(rt, xcdr(rt, x)) : null;
  const sym = quoted(args[0]!);
  const prop = quoted(args[1]!);
  if (sym === null || prop === null || !constantOrFunction(rt, args[2]!)) return;
  const had = funcall(rt, Qplist_member, [funcall(rt, Qsymbol_plist, [sym]), prop]) !== Qnil ? Qt : Qnil;
  const old = funcall(rt, Qget, [sym, prop]);
  rt.stack[c.restoreSlot] = cons(rt, cons(rt, sym, cons(rt, prop, cons(rt, had, old))), rt.stack[c.restoreSlot]!);
  evalTop(rt, form, c.lexical);
}

/** Put back the properties RESTORE records, most recent first: a value, or no property at all. */
function restoreProperties(rt: Runtime, restore: number): void {
  for (let l = restore; consp(l); l = xcdr(rt, l)) {
    const entry = xcar(rt, l);
    const sym = xcar(rt, entry);
    const prop = xcar(rt, xcdr(rt, entry));
    const had = xcar(rt, xcdr(rt, xcdr(rt, entry)));
    const old = xcdr(rt, xcdr(rt, xcdr(rt, entry)));
    if (had !== Qnil) {
      funcall(rt, Qput, [sym, prop, old]);
      continue;
    }
    const kept: number[] = [];
    for (let p = funcall(rt, Qsymbol_plist, [sym]); consp(p) && consp(xcdr(rt, p)); p = xcdr(rt, xcdr(rt, p)))
      if (xcar(rt, p) !== prop) kept.push(xcar(rt, p), xcar(rt, xcdr(rt, p)));
    funcall(rt, Qsetplist, [sym, listFromArray(rt, kept)]);
  }
}
const Qupcase = DEFSYM('upcase');

/**
 * What GNU's compiler does to the docstring of each lexical-binding function it compiles, whose
 * parameter list its byte code does not keep: "\n\n(fn ARGS)" is added (the names in capitals),
 * unless the function has no parameters or its docstring already ends in such a line; a function
 * without a docstring gets that line as its docstring. FORM is changed in place; quoted data is
 * left alone.
 */
function addUsageToDocs(rt: Runtime, form: number, seen: Set<number>): void {
  while (consp(form) && !seen.has(form)) {
    seen.add(form);
    const head = xcar(rt, form);
    if (head === Qquote) return;
    if (head === Qfunction_sym && consp(xcdr(rt, form))) {
      const fn = xcar(rt, xcdr(rt, form));
      if (consp(fn) && xcar(rt, fn) === Qlambda && consp(xcdr(rt, fn))) {
        const argsCell = xcdr(rt, fn);
        const params = xcar(rt, argsCell);
        const body = xcdr(rt, argsCell);
        if (params !== Qnil && consp(body)) {
          const names = listToArray(rt, params).map((p) => {
            if (p === Qand_optional || p === Qand_rest || (p & 7) !== Lisp_Symbol) return jsString(rt, funcall(rt, Qformat, [makeString(rt, '%s'), p]));
            return jsString(rt, funcall(rt, Qupcase, [funcall(rt, Qsymbol_name, [p])]));
          });
          const usage = `\n\n(fn${names.map((n) => ' ' + n).join('')})`;
          const first = xcar(rt, body);
          if (stringp(first) && consp(xcdr(rt, body))) {
            const text = jsString(rt, first);
            if (!/\n\n\(fn[^\n]*\)$/.test(text)) xsetcar(rt, body, funcall(rt, DEFSYM('concat'), [first, makeString(rt, usage)]));
          } else if (!stringp(first)) xsetcdr(rt, argsCell, cons(rt, makeString(rt, usage), body));
        }
        addUsageToDocs(rt, body, seen);
        return;
      }
    }
    addUsageToDocs(rt, head, seen);
    form = xcdr(rt, form);
  }
}

function listToArray(rt: Runtime, l: number): number[] {
  const out: number[] = [];
  for (; consp(l); l = xcdr(rt, l)) out.push(xcar(rt, l));
  return out;
}

const Qread_symbol_shorthands = DEFSYM('read-symbol-shorthands');

DEFUN('byte-compile-file', 1, 2, 'Compile the Lisp file FILENAME into the file `byte-compile-dest-file\' names, and load that when LOAD is non-nil.\ntsmacs\'s compiled file holds the forms with their macros expanded, as GNU\'s compiler sees them: `eval-when-compile\' bodies are evaluated now and their values kept, `eval-and-compile\' bodies evaluated now and kept, macros defined for the later forms, `require\' done now (see docs/evaluator.md). Give t.', (rt, file: number, load: number) => {
  if (!stringp(file)) xsignal2(rt, Qwrong_type_argument_sym, Qstringp_sym, file);
  // GNU autoloads its compiler here; ours defines byte-compile-dest-file.
  funcall(rt, Qrequire, [Qbytecomp]);
  const full = funcall(rt, Qexpand_file_name, [file]);
  const sp = rt.sp;
  rt.push(full);
  const path = jsString(rt, full);
  const bytes = rt.host.stat(path)?.kind === 'dir' ? null : rt.host.readFile(path);
  if (bytes === null) xsignal(Qfile_missing, listFromArray(rt, [makeString(rt, 'Opening input file'), makeString(rt, 'No such file or directory'), full]));
  const dest = funcall(rt, Qbyte_compile_dest_file, [full]);
  rt.push(dest);
  const lexical = lexicalBindingCookie(bytes!);
  const count = rt.specCount;
  const saved = fileCompile;
  const forms: ElcItem[] = [];
  const env = listFromArray(rt, [
    cons(rt, Qeval_when_compile, symbolFunction(rt, Qcompile_when)),
    cons(rt, Qeval_and_compile, symbolFunction(rt, Qcompile_and)),
  ]);
  const envSlot = rt.sp;
  rt.push(env);
  const restoreSlot = rt.sp;
  rt.push(Qnil);
  try {
    specbind(rt, Qlexical_binding, lexical ? Qt : Qnil);
    specbind(rt, Qbyte_compile_current_file, full);
    specbind(rt, Qread_symbol_shorthands, fileShorthands(rt, full, bytes!));
    fileCompile = { envSlot, restoreSlot, lexical: lexical ? Qt : Qnil };
    const source = loadBytesInternal(bytes!);
    const reader = makeReader(rt, source.bytes, source.internal);
    for (;;) {
      const form = reader.next();
      if (form === undefined) break;
      compileTopForm(rt, form, forms);
    }
  } finally {
    fileCompile = saved;
    unbindTo(rt, count);
    restoreProperties(rt, rt.stack[restoreSlot]!);
  }
  const destPath = jsString(rt, dest);
  try {
    rt.host.writeFile(destPath, elcFileBytes(path.slice(path.lastIndexOf('/') + 1), lexical, forms));
  } catch {
    xsignal(Qfile_error, listFromArray(rt, [makeString(rt, 'Opening output file'), makeString(rt, rt.host.lastError || 'Permission denied'), dest]));
  }
  if (load !== Qnil) funcall(rt, Qload, [dest]);
  rt.sp = sp;
  return Qt;
});

DEFUN('disassemble', 1, 4, 'Show the code of the compiled function OBJECT (or the function of the symbol OBJECT) in BUFFER, else in the buffer *Disassemble*.\ntsmacs shows the JavaScript it compiled the function to.', (rt, object: number, buffer: number) => {
  let f = object;
  if ((f & 7) === Lisp_Symbol && f !== Qnil) f = indirectFunction(rt, f);
  if (consp(f) && xcar(rt, f) === Qmacro) f = xcdr(rt, f);
  const inner = byteCodeClosure(rt, f);
  if (inner !== Qnil) f = inner;
  if (!isLambdaOrClosure(rt, f)) error(rt, 'Not a compiled function: only closures and lambdas are compiled');
  const src = compiledSource(rt, f, true);
  const name = funcall(rt, Qprin1_to_string, [object]);
  const text = `byte code for ${jsString(rt, name)}:\n  args: ${jsString(rt, funcall(rt, Qprin1_to_string, [consp(xcdr(rt, f)) ? xcar(rt, xcar(rt, f) === Qclosure ? xcdr(rt, xcdr(rt, f)) : xcdr(rt, f)) : Qnil]))}\n` +
    (src === null ? '  (not compiled: the interpreter runs it)\n' : src.split('\n').map((l) => `  ${l}`).join('\n') + '\n');
  const sp = rt.sp;
  const old = funcall(rt, Qcurrent_buffer, []);
  rt.push(old);
  const buf = buffer !== Qnil ? buffer : funcall(rt, Qget_buffer_create, [makeString(rt, '*Disassemble*')]);
  rt.push(buf);
  funcall(rt, Qset_buffer, [buf]);
  try {
    funcall(rt, Qinsert, [makeString(rt, text)]);
  } finally {
    funcall(rt, Qset_buffer, [old]);
    rt.sp = sp;
  }
  return Qnil;
});

