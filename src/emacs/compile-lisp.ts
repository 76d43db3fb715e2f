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
import { error, xsignal1 } from '../core/signal.ts';
import { DEFUN } from '../core/subr.ts';
import { DEFSYM, Qclosure, Qinteractive, Qlambda, Qmacro, Qnil, Qt } from '../core/symbols.ts';
import { compiledSource, compileNow } from './compile.ts';
import { byteCodeClosure, evalTop, funcall, indirectFunction } from './eval.ts';

const Qmake_byte_code = DEFSYM('make-byte-code');
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

/** The compiled-function object for the lambda or closure FN (see the file comment). */
function toByteCode(rt: Runtime, fn: number): number {
  const sp = rt.sp;
  rt.push(fn);
  try {
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
  if ((form & 7) === Lisp_Symbol && form !== Qnil && form !== Qt) {
    const def = symbolFunction(rt, form);
    if (consp(def) && xcar(rt, def) === Qmacro && isLambdaOrClosure(rt, xcdr(rt, def))) {
      const sp = rt.sp;
      const c = toByteCode(rt, xcdr(rt, def));
      rt.push(c);
      const m = cons(rt, Qmacro, c);
      funcall(rt, Qfset, [form, m]);
      rt.sp = sp;
      return m;
    }
    if (isLambdaOrClosure(rt, def)) {
      const sp = rt.sp;
      const c = toByteCode(rt, def);
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

DEFUN('native-compile', 1, 2, 'Compile FUNCTION-OR-FILE to native code and give the compiled function.\ntsmacs compiles Lisp to JavaScript, which V8 compiles to machine code: a function or symbol is compiled as `byte-compile\' does it (OUTPUT is ignored); a file is compiled as `byte-compile-file\' does.', (rt, what: number) => {
  if (stringp(what)) return funcall(rt, DEFSYM('byte-compile-file'), [what]);
  const f = funcall(rt, DEFSYM('byte-compile'), [what]);
  if ((what & 7) === Lisp_Symbol && what !== Qnil) return indirectFunction(rt, what);
  return f;
});

DEFUN('byte-compile-file', 1, 2, 'Compile the Lisp file FILENAME.\ntsmacs writes no .elc file: it compiles each function when it is called (see docs/evaluator.md). With LOAD non-nil the file is loaded. The value is t when FILENAME could be read.', (rt, file: number, load: number) => {
  if (!stringp(file)) xsignal1(rt, DEFSYM('wrong-type-argument'), file);
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

