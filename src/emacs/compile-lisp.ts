// The compiler as Lisp sees it: byte-compile, native-compile, byte-compile-file and disassemble (GNU's bytecomp.el entry points).
//
// `byte-compile' returns a compiled-function object (PVEC_COMPILED, so `byte-code-function-p'
// and `functionp' hold) whose code string is empty, which no GNU byte code is, and whose
// constants vector holds the closure or lambda it was made from: calling it runs that function's
// JS code (compile.ts), compiled at once whatever the threshold. Such objects live in the heap
// and dump like any other; their JS code is rebuilt on first call.

import { PVEC_COMPILED } from '../heap/layout.ts';
import { Lisp_Symbol, Lisp_Vectorlike, makeFixnum } from '../heap/tags.ts';
import { cons, consp, jsString, listFromArray, makeString, pvecType, stringp, symbolFunction, xcar, xcdr } from '../core/object.ts';
import type { Runtime } from '../core/runtime.ts';
import { error, xsignal1, xsignal2 } from '../core/signal.ts';
import { DEFUN } from '../core/subr.ts';
import { DEFSYM, Qclosure, Qinteractive, Qlambda, Qmacro, Qnil, Qt, Qunbound } from '../core/symbols.ts';
import { compiledSource, compileNow } from './compile.ts';
import { byteCodeClosure, evalTop, findSymbolValue, funcall, indirectFunction } from './eval.ts';

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
const Qfile_readable_p = DEFSYM('file-readable-p');
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
  // GNU's byte-compile is autoloaded from bytecomp.el, whose loading declares its variables:
  // after the first call `byte-compile-debug' is special (and nil), so a `let' of it binds it.
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

DEFUN('byte-compile-file', 1, 2, 'Compile the Lisp file FILENAME.\ntsmacs writes no .elc file: it compiles each function when it is called (see docs/evaluator.md). With LOAD non-nil the file is loaded. The value is t when FILENAME could be read.', (rt, file: number, load: number) => {
  if (!stringp(file)) xsignal2(rt, Qwrong_type_argument_sym, Qstringp_sym, file);
  const full = funcall(rt, Qexpand_file_name, [file]);
  if (funcall(rt, Qfile_readable_p, [full]) === Qnil) error(rt, `Opening input file: No such file or directory`);
  if (load !== Qnil) funcall(rt, Qload, [full]);
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

