// The walk of `macroexpand-all' (lisp/macroexp.el), in TypeScript.
//
// `load' expands every form it reads in full before evaluating it (eager macro expansion), so the
// walk over a file's code ran once per cons of it: 11,000 calls of macroexp--expand-all for
// `(require 'cl-lib)', interpreted or compiled cold, some 0.15 s of CPU. The three walking
// functions of macroexp.el are still Lisp functions (their definitions, `symbol-file' and
// load-history are unchanged) whose bodies call the primitives below, and every step the walk
// takes into another form goes through the same symbols as before: `macroexpand',
// `macroexp--expand-all', `macroexp--expand-each', `macroexp--expand-clauses' and
// `macroexp--open-code-lambda' are called by name, so a redefinition or advice of any of them
// is seen, and a signal or a `throw' from a macro leaves by the same calls. What the primitives
// do between those calls is what macroexp.el's bodies did, with the same fresh conses, the same
// shared tails and the same errors (a malformed `(function (lambda . 3))' is
// (wrong-type-argument listp 3) as from `cdr').

import type { Runtime } from '../core/runtime.ts';
import { cons, consp, xcar, xcdr } from '../core/object.ts';
import { wrongTypeArgument, xsignal1 } from '../core/signal.ts';
import { DEFUN } from '../core/subr.ts';
import { DEFSYM, Qcircular_list, Qlistp, Qnil } from '../core/symbols.ts';
import { Lisp_Symbol, fixnumValue, makeFixnum } from '../heap/tags.ts';
import { funcall } from './eval.ts';

const Qmacroexpand = DEFSYM('macroexpand');
const Qexpand_all = DEFSYM('macroexp--expand-all');
const Qexpand_each = DEFSYM('macroexp--expand-each');
const Qexpand_clauses = DEFSYM('macroexp--expand-clauses');
const Qopen_code_lambda = DEFSYM('macroexp--open-code-lambda');
const Qquote = DEFSYM('quote');
const Qfunction = DEFSYM('function');
const Qlambda = DEFSYM('lambda');
const Qlet = DEFSYM('let');
const Qletx = DEFSYM('let*');
const Qcond = DEFSYM('cond');
const Qcondition_case = DEFSYM('condition-case');
const Qdefvar = DEFSYM('defvar');
const Qdefconst = DEFSYM('defconst');
const Qfuncall = DEFSYM('funcall');
const Qgtr = DEFSYM('>');
const Qminus = DEFSYM('-');

const carSafe = (rt: Runtime, x: number): number => (consp(x) ? xcar(rt, x) : Qnil);
const cdrSafe = (rt: Runtime, x: number): number => (consp(x) ? xcdr(rt, x) : Qnil);
/** `cdr': nil of nil, an error for any other atom. */
const cdrOf = (rt: Runtime, x: number): number => (consp(x) ? xcdr(rt, x) : x === Qnil ? Qnil : wrongTypeArgument(rt, Qlistp, x));
const carOf = (rt: Runtime, x: number): number => (consp(x) ? xcar(rt, x) : x === Qnil ? Qnil : wrongTypeArgument(rt, Qlistp, x));
const isFixnum = (x: number): boolean => (x & 3) === 2;

/**
 * The list of the values pushed on the Lisp stack from FROM to its top, in that order, followed
 * by TAIL (what `(nconc (nreverse DONE) REST)' gives for a list DONE built by `push'). Nothing
 * here can collect: allocation never does.
 */
function listFromStack(rt: Runtime, from: number, tail: number): number {
  const st = rt.stack;
  let l = tail;
  for (let i = rt.sp - 1; i >= from; i--) l = cons(rt, st[i]!, l);
  return l;
}

/** The body of `macroexp--expand-all': FORM with its macro calls expanded at every level. */
function expandAll(rt: Runtime, form: number, env: number): number {
  const sp = rt.sp;
  try {
    rt.push(form);
    rt.push(env);
    const x = funcall(rt, Qmacroexpand, [form, env]);
    if (!consp(x)) return x;
    rt.push(x);
    const head = xcar(rt, x);
    const args = xcdr(rt, x);
    if (head === Qquote) return x;
    if (head === Qfunction) {
      const fn = carSafe(rt, args);
      if (carSafe(rt, fn) !== Qlambda) return x;
      const after = xcdr(rt, fn);
      const params = carSafe(rt, after);
      const body = cdrOf(rt, after);
      rt.push(params);
      const each = funcall(rt, Qexpand_each, [body, env]);
      return cons(rt, Qfunction, cons(rt, cons(rt, Qlambda, cons(rt, params, each)), Qnil));
    }
    if (head === Qlet || head === Qletx) {
      const bindings = funcall(rt, Qexpand_clauses, [carSafe(rt, args), env, makeFixnum(1)]);
      rt.push(bindings);
      const rest = cdrSafe(rt, args);
      const body = rest !== Qnil ? funcall(rt, Qexpand_each, [rest, env]) : cons(rt, Qnil, Qnil);
      return cons(rt, head, cons(rt, bindings, body));
    }
    if (head === Qcond) return cons(rt, Qcond, funcall(rt, Qexpand_clauses, [args, env, makeFixnum(0)]));
    if (head === Qcondition_case) {
      const v = carSafe(rt, args);
      const bodyform = funcall(rt, Qexpand_all, [carSafe(rt, cdrSafe(rt, args)), env]);
      rt.push(bodyform);
      const handlers = funcall(rt, Qexpand_clauses, [cdrSafe(rt, cdrSafe(rt, args)), env, makeFixnum(1)]);
      return cons(rt, head, cons(rt, v, cons(rt, bodyform, handlers)));
    }
    if (head === Qdefvar || head === Qdefconst) return cons(rt, head, funcall(rt, Qexpand_each, [args, env, makeFixnum(1)]));
    if (carSafe(rt, head) === Qlambda) return funcall(rt, Qopen_code_lambda, [head, args, env]);
    if (head === Qfuncall && args !== Qnil) {
      // (funcall #'F ARGS...) is the call (F ARGS...), and (funcall #'(lambda ...) ARGS...) an open-coded lambda.
      const f = funcall(rt, Qmacroexpand, [carOf(rt, args), env]);
      const fn = carSafe(rt, f) === Qfunction ? carSafe(rt, xcdr(rt, f)) : Qnil;
      if (fn !== Qnil && ((fn & 7) === Lisp_Symbol || carSafe(rt, fn) === Qlambda)) {
        return funcall(rt, Qexpand_all, [cons(rt, fn, cdrOf(rt, args)), env]);
      }
    }
    return cons(rt, head, funcall(rt, Qexpand_each, [args, env]));
  } finally {
    rt.sp = sp;
  }
}

/**
 * Whether the next element is kept as it is, `(> SKIP 0)', and SKIP after it, `(- SKIP 1)'. A
 * fixnum, the only kind the walk itself passes, is counted here; any other value (a float, a
 * marker, a wrong type) goes to the primitives, as the Lisp did.
 */
function skipTest(rt: Runtime, skip: number): boolean {
  if (isFixnum(skip)) return fixnumValue(skip) > 0;
  return funcall(rt, Qgtr, [skip, makeFixnum(0)]) !== Qnil;
}
const skipNext = (rt: Runtime, skip: number): number =>
  isFixnum(skip) && fixnumValue(skip) > -(2 ** 29) ? makeFixnum(fixnumValue(skip) - 1) : funcall(rt, Qminus, [skip, makeFixnum(1)]);

/**
 * After N elements of the list LIST, REST the tail left: signal `circular-list' when REST meets
 * SLOW, a tail kept from the last power of two (the Lisp walked a circular list until memory ran
 * out); the SLOW to keep.
 */
function circularCheck(rt: Runtime, n: number, rest: number, slow: number, list: number): number {
  if ((n & (n - 1)) === 0) return rest;
  if (rest === slow) xsignal1(rt, Qcircular_list, list);
  return slow;
}

/**
 * A list of FN applied to each element of LIST, the dotted tail kept; the results wait on the
 * Lisp stack (rooted) while FN runs. The caller has rooted LIST and what FN needs.
 */
function mapListOnStack(rt: Runtime, list: number, fn: (elt: number) => number): number {
  const from = rt.sp;
  let rest = list;
  let slow = list;
  while (consp(rest)) {
    const elt = xcar(rt, rest);
    rest = xcdr(rt, rest);
    slow = circularCheck(rt, rt.sp - from + 1, rest, slow, list);
    rt.push(fn(elt));
  }
  return listFromStack(rt, from, rest);
}

/** The body of `macroexp--expand-each': each of FORMS expanded in full but the first KEEP. */
function expandEach(rt: Runtime, forms: number, env: number, keep: number): number {
  const sp = rt.sp;
  try {
    rt.push(forms);
    rt.push(env);
    let skip = keep === Qnil ? makeFixnum(0) : keep;
    rt.push(skip);
    const skipSlot = rt.sp - 1;
    return mapListOnStack(rt, forms, (f) => {
      const v = skipTest(rt, skip) ? f : funcall(rt, Qexpand_all, [f, env]);
      skip = skipNext(rt, skip);
      rt.stack[skipSlot] = skip;
      return v;
    });
  } finally {
    rt.sp = sp;
  }
}

/** The body of `macroexp--expand-clauses': the forms of each clause of CLAUSES expanded, but the first KEEP of each. */
function expandClauses(rt: Runtime, clauses: number, env: number, keep: number): number {
  const sp = rt.sp;
  try {
    rt.push(clauses);
    rt.push(env);
    rt.push(keep);
    return mapListOnStack(rt, clauses, (clause) =>
      consp(clause) ? funcall(rt, Qexpand_each, [clause, env, keep]) : clause);
  } finally {
    rt.sp = sp;
  }
}

DEFUN('tsmacs--macroexp-all', 2, 2, 'Return FORM with its macro calls expanded at every level, ENV being the macro environment.\nThis is the body of `macroexp--expand-all\'.',
  (rt, form: number, env: number) => expandAll(rt, form, env));
DEFUN('tsmacs--macroexp-each', 2, 3, 'Return the list FORMS with each form expanded in full but the first KEEP, ENV being the macro environment.\nThis is the body of `macroexp--expand-each\'.',
  (rt, forms: number, env: number, keep: number) => expandEach(rt, forms, env, keep));
DEFUN('tsmacs--macroexp-clauses', 3, 3, 'Return CLAUSES with the forms of each clause expanded in full but the first KEEP of each.\nENV is the macro environment.  This is the body of `macroexp--expand-clauses\'.',
  (rt, clauses: number, env: number, keep: number) => expandClauses(rt, clauses, env, keep));
