// Documentation strings of functions and variables (GNU doc.c): documentation, documentation-property.
//
// Primitives' docstrings are our own words (they live beside each DEFUN), so
// they differ from GNU's; Lisp functions' docstrings are their own.

import { aref, consp, getProp, isPvec, makeString, stringp, xcar, xcdr } from '../core/object.ts';
import { xsignal1 } from '../core/signal.ts';
import { DEFUN, PRIMITIVES } from '../core/subr.ts';
import { DEFSYM, Qclosure, Qlambda, Qmacro, Qnil, Qvoid_function } from '../core/symbols.ts';
import { PVEC_SUBR, SUBR_INDEX } from '../heap/layout.ts';
import { Lisp_Symbol, fixnumValue } from '../heap/tags.ts';
import { indirectFunction } from './eval.ts';

const Qfunction_documentation = DEFSYM('function-documentation');

DEFUN('documentation', 1, 2, 'Give the documentation string of FUNCTION.', (rt, fn: number) => {
  if ((fn & 7) === Lisp_Symbol && fn !== Qnil) {
    const prop = getProp(rt, fn, Qfunction_documentation);
    if (prop !== Qnil) return prop;
  }
  let f = (fn & 7) === Lisp_Symbol ? indirectFunction(rt, fn) : fn;
  if (f === Qnil) return xsignal1(rt, Qvoid_function, fn);
  if (isPvec(rt, f, PVEC_SUBR)) return makeString(rt, PRIMITIVES[fixnumValue(aref(rt, f, SUBR_INDEX))]!.doc);
  if (consp(f) && xcar(rt, f) === Qmacro) f = xcdr(rt, f);
  if (consp(f) && (xcar(rt, f) === Qlambda || xcar(rt, f) === Qclosure)) {
    // (lambda ARGS [DOC] . BODY), (closure ENV ARGS [DOC] . BODY)
    let rest = xcdr(rt, f);
    if (xcar(rt, f) === Qclosure && consp(rest)) rest = xcdr(rt, rest);
    const body = consp(rest) ? xcdr(rt, rest) : Qnil;
    if (consp(body) && stringp(xcar(rt, body))) return xcar(rt, body);
  }
  return Qnil;
});

DEFUN('documentation-property', 2, 3, 'Give the documentation string stored on SYMBOL\'s property PROP.', (rt, sym: number, prop: number) => {
  return getProp(rt, sym, prop);
});
