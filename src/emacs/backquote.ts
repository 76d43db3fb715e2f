// The expansion of the backquote macro (lisp/backquote.el), in TypeScript.
//
// `load' expands every backquote of a file it reads (eager macro expansion), and macros that
// build code with backquote run it at each use: 187 expansions for `(require 'cl-lib)', each
// some 50 calls of backquote.el's helpers, cold. `backquote' still is the macro backquote.el
// defines; its expander calls `tsmacs--backquote', which does here what backquote.el's helpers
// describe (they stay defined, for reading): the template becomes a description, then a form.
// The result is the same form, with the same sharing: constant parts are the template's own
// objects (a constant vector is the template's vector), under fresh conses where the Lisp made
// fresh ones. Nothing here calls Lisp, so nothing collects while descriptions hold Lisp objects.

import type { Runtime } from '../core/runtime.ts';
import { aref, cons, consp, listFromArray, pvecSize, vectorp, xcar, xcdr } from '../core/object.ts';
import { guardJsStack } from './eval.ts';
import { wrongTypeArgument, xsignal1 } from '../core/signal.ts';
import { DEFUN } from '../core/subr.ts';
import { DEFSYM, Qcircular_list, Qlistp, Qnil, Qt } from '../core/symbols.ts';
import { Lisp_String } from '../heap/tags.ts';
import { isNumber } from './data.ts';

const Qbackquote = DEFSYM('`');
const Qcomma = DEFSYM(',');
const Qcomma_at = DEFSYM(',@');
const Qquote = DEFSYM('quote');
const Qfunction = DEFSYM('function');
const Qappend = DEFSYM('append');
const Qlist = DEFSYM('list');
const Qcons = DEFSYM('cons');
const Qbackquote_list_star = DEFSYM('backquote-list*');
const Qvconcat = DEFSYM('vconcat');
const Qvector = DEFSYM('vector');
const Qapply = DEFSYM('apply');

/** backquote.el's descriptions: constant data, a form, ITEMS consed onto TAIL, PARTS appended. */
type Desc =
  | { k: 0; v: number }
  | { k: 1; f: number }
  | { k: 2; items: Desc[]; tail: Desc }
  | { k: 3; parts: Desc[] };

const constOf = (v: number): Desc => ({ k: 0, v });
const formOf = (f: number): Desc => ({ k: 1, f });
/** The description (bq-const), the empty list. */
const isNilConst = (d: Desc): boolean => d.k === 0 && d.v === Qnil;

/** `(car X)' on what may be any object: an error for an atom but nil. */
const carOf = (rt: Runtime, x: number): number => (consp(x) ? xcar(rt, x) : x === Qnil ? Qnil : wrongTypeArgument(rt, Qlistp, x));

function render(rt: Runtime, d: Desc): number {
  switch (d.k) {
    case 0: {
      const v = d.v;
      return v === Qnil || v === Qt || isNumber(rt, v) || (v & 7) === Lisp_String || vectorp(rt, v) ? v : cons(rt, Qquote, cons(rt, v, Qnil));
    }
    case 1:
      return d.f;
    case 3:
      return cons(rt, Qappend, listFromArray(rt, d.parts.map((p) => render(rt, p))));
    default: {
      const items = d.items.map((p) => render(rt, p));
      if (isNilConst(d.tail)) return cons(rt, Qlist, listFromArray(rt, items));
      if (items.length === 1) return listFromArray(rt, [Qcons, items[0]!, render(rt, d.tail)]);
      items.push(render(rt, d.tail));
      return cons(rt, Qbackquote_list_star, listFromArray(rt, items));
    }
  }
}

function prepend(rt: Runtime, item: Desc, acc: Desc): Desc {
  if (item.k === 0 && acc.k === 0) return constOf(cons(rt, item.v, acc.v));
  if (acc.k === 2) return { k: 2, items: [item, ...acc.items], tail: acc.tail };
  return { k: 2, items: [item], tail: acc };
}

function splice(form: number, acc: Desc): Desc {
  const part = formOf(form);
  if (isNilConst(acc)) return part;
  if (acc.k === 3) return { k: 3, parts: [part, ...acc.parts] };
  return { k: 3, parts: [part, acc] };
}

function unquoted(rt: Runtime, form: number): Desc {
  if (consp(form) && xcar(rt, form) === Qquote && consp(xcdr(rt, form))) return constOf(xcar(rt, xcdr(rt, form)));
  return formOf(form);
}

function nested(rt: Runtime, marker: number, rest: number, level: number): Desc {
  const inner = describeList(rt, rest, level);
  if (inner.k === 0) return constOf(cons(rt, marker, inner.v));
  return formOf(listFromArray(rt, [Qcons, listFromArray(rt, [Qquote, marker]), render(rt, inner)]));
}

/** The list tail L is itself a comma form, as in (a . ,b). */
function unquoteTail(rt: Runtime, l: number): boolean {
  if (xcar(rt, l) !== Qcomma) return false;
  const r = xcdr(rt, l);
  return consp(r) && xcdr(rt, r) === Qnil;
}

let depth = 0;

function describeList(rt: Runtime, l: number, level: number): Desc {
  const elements: number[] = [];
  const start = l;
  let slow = l;
  while (consp(l) && !unquoteTail(rt, l)) {
    elements.push(xcar(rt, l));
    l = xcdr(rt, l);
    // A circular template has no expansion (the Lisp walked it until memory ran out).
    if ((elements.length & (elements.length - 1)) === 0) slow = l;
    else if (l === slow) xsignal1(rt, Qcircular_list, start);
  }
  let acc = consp(l) || vectorp(rt, l) ? describe(rt, l, level) : constOf(l);
  for (let i = elements.length - 1; i >= 0; i--) {
    const e = elements[i]!;
    if (level === 0 && consp(e) && xcar(rt, e) === Qcomma_at && consp(xcdr(rt, e))) acc = splice(xcar(rt, xcdr(rt, e)), acc);
    else acc = prepend(rt, describe(rt, e, level), acc);
  }
  return acc;
}

function describeVector(rt: Runtime, v: number, level: number): Desc {
  const n = pvecSize(rt, v);
  const elts: number[] = [];
  for (let i = 0; i < n; i++) elts.push(aref(rt, v, i));
  const d = describeList(rt, listFromArray(rt, elts), level);
  switch (d.k) {
    case 0:
      return constOf(v);
    case 1:
      return formOf(listFromArray(rt, [Qvconcat, d.f]));
    case 3:
      return formOf(cons(rt, Qvconcat, listFromArray(rt, d.parts.map((p) => render(rt, p)))));
    default:
      if (isNilConst(d.tail)) return formOf(cons(rt, Qvector, listFromArray(rt, d.items.map((p) => render(rt, p)))));
      return formOf(listFromArray(rt, [Qapply, listFromArray(rt, [Qfunction, Qvector]), render(rt, d)]));
  }
}

function describe(rt: Runtime, x: number, level: number): Desc {
  // A deep template recurses on the JS stack: running out of it is the nesting error.
  if ((++depth & 15) === 0) guardJsStack(rt);
  try {
    if (vectorp(rt, x)) return describeVector(rt, x, level);
    if (!consp(x)) return constOf(x);
    const head = xcar(rt, x);
    if (head === Qbackquote) return nested(rt, Qbackquote, xcdr(rt, x), level + 1);
    if (head === Qcomma || head === Qcomma_at) {
      if (level > 0) return nested(rt, head, xcdr(rt, x), level - 1);
      const arg = carOf(rt, xcdr(rt, x));
      return head === Qcomma ? unquoted(rt, arg) : formOf(arg);
    }
    return describeList(rt, x, level);
  } finally {
    depth--;
  }
}

DEFUN('tsmacs--backquote', 1, 1, 'Return the form that builds the data the backquote template STRUCTURE describes.\nThis is the expansion of `backquote\'.',
  (rt, structure: number) => {
    depth = 0;
    return render(rt, describe(rt, structure, 0));
  });
