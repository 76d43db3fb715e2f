// Functions written in JavaScript that Lisp can call: the one primitive behind the embedding API's `defun` (src/api/).
//
// An embedder's function becomes a Lisp closure `(lambda (&rest args) (tsmacs--call-js ID args))`:
// ID indexes this world's table of JS bodies. The table lives on the runtime (defineWorldState),
// so two worlds in one process never share one, and the primitive is declared here, imported by
// all.ts, so that the CLI and the API register the same builtins (one dump fingerprint).
// A body left in a dumped closure has no JS side after a load: calling it is a Lisp error.

import type { Runtime } from '../core/runtime.ts';
import { defineWorldState } from '../core/runtime.ts';
import { DEFUN } from '../core/subr.ts';
import { error, wrongTypeArgument } from '../core/signal.ts';
import { fixnumValue, isFixnum, listToArray } from '../core/object.ts';
import { DEFSYM } from '../core/symbols.ts';

/** A JS body: the runtime and the Lisp arguments (rooted by the caller), giving a Lisp value. */
export type JsBody = (rt: Runtime, args: number[]) => number;

const tableOf = defineWorldState<{ bodies: Map<number, JsBody>; next: number }>(() => ({ bodies: new Map(), next: 1 }));

/** Register BODY in RT's world and give its id, for a closure calling `tsmacs--call-js'. */
export function registerJsBody(rt: Runtime, body: JsBody): number {
  const t = tableOf(rt);
  const id = t.next++;
  t.bodies.set(id, body);
  return id;
}

/** Forget the body ID (its closures then signal an error when called). */
export function forgetJsBody(rt: Runtime, id: number): void {
  tableOf(rt).bodies.delete(id);
}

const Qfixnump = DEFSYM('fixnump');

DEFUN('tsmacs--call-js', 2, 2, 'Call the JavaScript function registered under ID with the list ARGS (the embedding API\'s functions).', (rt, id: number, args: number) => {
  if (!isFixnum(id)) wrongTypeArgument(rt, Qfixnump, id);
  const body = tableOf(rt).bodies.get(fixnumValue(id));
  if (body === undefined) error(rt, `No JavaScript function ${fixnumValue(id)} in this world (it was removed, or dumped without its host)`);
  const argv = listToArray(rt, args);
  return body!(rt, argv);
});
