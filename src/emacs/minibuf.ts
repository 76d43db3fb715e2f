// Primitives of GNU's minibuf.c that make sense without a minibuffer: string lookup in alists.

import { consp, stringp, symbolName, symbolp, xcar, xcdr } from '../core/object.ts';
import { DEFUN } from '../core/subr.ts';
import { Qnil, Qt } from '../core/symbols.ts';
import { makeFixnum } from '../heap/tags.ts';
import { compareStrings } from './fns.ts';

DEFUN(
  'assoc-string', 2, 3,
  'Return the first element of LIST that is KEY, or whose car is KEY, comparing strings (symbols by name);\nCASE-FOLD non-nil ignores case. Elements that are neither strings, symbols nor conses of those are skipped.',
  (rt, key: number, list: number, caseFold: number) => {
    if (symbolp(key)) key = symbolName(rt, key);
    const zero = makeFixnum(0);
    for (; consp(list); list = xcdr(rt, list)) {
      const elt = xcar(rt, list);
      let s = consp(elt) ? xcar(rt, elt) : elt;
      if (symbolp(s)) s = symbolName(rt, s);
      else if (!stringp(s)) continue;
      if (compareStrings(rt, s, zero, Qnil, key, zero, Qnil, caseFold) === Qt) return elt;
    }
    return Qnil;
  },
);
