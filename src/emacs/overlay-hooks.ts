// The overlays' change hooks (GNU's report_overlay_modification): modification-hooks, insert-in-front-hooks, insert-behind-hooks.
//
// insdel.ts calls overlayHooks.modification before a change (from prepareToModify, after the
// before-change functions) and after it (from signalAfterChange). Observed in GNU 28: an
// insertion at an overlay's start runs its insert-in-front-hooks, at its end its
// insert-behind-hooks (both, for an empty overlay), strictly inside its modification-hooks; any
// other change runs the modification-hooks of the overlays it overlaps (an empty overlay counts
// when it lies strictly inside). Each function gets (OVERLAY nil BEG END) before; after the
// change exactly the functions called before are called again, with (OVERLAY t BEG END OLDLEN),
// except for overlays no longer in the buffer. All run with inhibit-modification-hooks bound to t.

import { DEFGLOBAL, type Runtime } from '../core/runtime.ts';
import { BUF_OVERLAYS, OVERLAY_END, OVERLAY_PLIST, OVERLAY_START } from '../heap/layout.ts';
import { Lisp_Cons, makeFixnum } from '../heap/tags.ts';
import { cons, xcar, xcdr } from '../core/object.ts';
import { DEFSYM, Qnil, Qt } from '../core/symbols.ts';
import { funcall, specbind, unbindTo } from './eval.ts';
import { bslot, slotBase } from './buffer.ts';
import { markerBuffer, markerCharpos } from './marker.ts';
import { overlayHooks } from './insdel.ts';
import { textget } from './textprop.ts';

const Qinhibit_modification_hooks = DEFSYM('inhibit-modification-hooks');
const Qmodification_hooks = DEFSYM('modification-hooks');
const Qinsert_in_front_hooks = DEFSYM('insert-in-front-hooks');
const Qinsert_behind_hooks = DEFSYM('insert-behind-hooks');

/** The (OVERLAY . FUNCTION) pairs called before the last change, newest last: rooted, for the after call. */
const G_LAST_OVERLAY_HOOKS = DEFGLOBAL('last-overlay-modification-hooks');

const oslot = (rt: Runtime, ov: number, i: number): number => rt.i32[slotBase(ov) + i]!;

function inBuffer(rt: Runtime, ov: number, b: number): boolean {
  const s = oslot(rt, ov, OVERLAY_START);
  return s !== Qnil && markerBuffer(rt, s) === b;
}

function callAll(rt: Runtime, pairs: number, args: (ov: number) => number[], b: number, checkLive: boolean): void {
  const sp = rt.sp;
  rt.push(pairs);
  const count = rt.specCount;
  specbind(rt, Qinhibit_modification_hooks, Qt);
  try {
    for (let l = pairs; (l & 7) === Lisp_Cons; l = xcdr(rt, l)) {
      const pair = xcar(rt, l);
      const ov = xcar(rt, pair);
      if (checkLive && !inBuffer(rt, ov, b)) continue;
      funcall(rt, xcdr(rt, pair), args(ov));
    }
  } finally {
    unbindTo(rt, count);
    rt.sp = sp;
  }
}

overlayHooks.modification = (rt, b, start, end, after, oldlen) => {
  if (after) {
    const pairs = rt.globals[G_LAST_OVERLAY_HOOKS]!;
    rt.globals[G_LAST_OVERLAY_HOOKS] = Qnil;
    if (pairs === Qnil) return;
    callAll(rt, pairs, (ov) => [ov, Qt, makeFixnum(start), makeFixnum(end), makeFixnum(oldlen)], b, true);
    return;
  }
  // Gather first (hooks may move or delete overlays), in the buffer's overlay order.
  const found: number[] = [];
  const sp = rt.sp;
  const add = (ov: number, prop: number): void => {
    for (let h = textget(rt, oslot(rt, ov, OVERLAY_PLIST), prop); (h & 7) === Lisp_Cons; h = xcdr(rt, h)) {
      found.push(ov, xcar(rt, h));
    }
  };
  for (let l = bslot(rt, b, BUF_OVERLAYS); (l & 7) === Lisp_Cons; l = xcdr(rt, l)) {
    const ov = xcar(rt, l);
    if (!inBuffer(rt, ov, b)) continue;
    const os = markerCharpos(rt, oslot(rt, ov, OVERLAY_START));
    const oe = markerCharpos(rt, oslot(rt, ov, OVERLAY_END));
    if (start === end) {
      if (os === start) add(ov, Qinsert_in_front_hooks);
      if (oe === start) add(ov, Qinsert_behind_hooks);
      if (os < start && start < oe) add(ov, Qmodification_hooks);
    } else if (oe > start && os < end) add(ov, Qmodification_hooks);
  }
  let pairs = Qnil;
  for (let i = found.length - 2; i >= 0; i -= 2) {
    rt.push(pairs);
    const pair = cons(rt, found[i]!, found[i + 1]!);
    rt.push(pair);
    pairs = cons(rt, pair, rt.stack[rt.sp - 2]!);
    rt.sp -= 2;
  }
  rt.sp = sp;
  rt.globals[G_LAST_OVERLAY_HOOKS] = pairs;
  if (pairs === Qnil) return;
  callAll(rt, pairs, (ov) => [ov, Qnil, makeFixnum(start), makeFixnum(end)], b, false);
};
