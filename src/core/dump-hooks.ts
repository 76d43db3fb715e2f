// The registries through which JS-side state takes part in dumping and loading (GNU's pdumper.h hooks).
//
// They live in core, below both the Lisp layer that registers into them and the dumper that runs
// them: a subsystem that keeps state outside the Lisp heap registers here at module load time
// (program text, like DEFUN; the names enter the dump fingerprint) and needs nothing from src/dump.
//   pdumperDoNowAndAfterLoad(fn)  fn(rt) runs in every runtime built from scratch and again after
//       every dump load (GNU's pdumper_do_now_and_after_load): reopen streams, rebuild caches.
//   pdumperRememberScalar(name, get, set)  a number saved in the dump and handed back after load
//       (GNU's pdumper_remember_scalar).

import { DEFINIT } from './subr.ts';
import type { Runtime } from './runtime.ts';

/**
 * Functions naming, for a runtime about to be dumped, the strings whose bytes the dump may defer
 * (format.ts H_DEFER_START): only strings every reader of which calls the runtime's
 * `deferredText.load` first when the address is in its range (buffer.ts: its texts, by textBase).
 */
export const DEFERRABLE_STRINGS: ((rt: Runtime) => number[])[] = [];

/**
 * Hooks that take out of sight, for the time a dump is written, what belongs to the running
 * session only (thread.ts: its threads); each gives back the function that puts it back.
 */
export const HIDE_DURING_DUMP: ((rt: Runtime) => () => void)[] = [];

/** JS hooks the loader runs after each load (fresh runtimes run them through DEFINIT). */
export const AFTER_LOAD_HOOKS: ((rt: Runtime) => void)[] = [];

export function pdumperDoNowAndAfterLoad(fn: (rt: Runtime) => void): void {
  AFTER_LOAD_HOOKS.push(fn);
  DEFINIT(fn);
}

export interface RememberedScalar {
  readonly name: string;
  readonly get: (rt: Runtime) => number;
  readonly set: (rt: Runtime, value: number) => void;
}

/** Scalars saved in the dump, in registration order. */
export const SCALARS: RememberedScalar[] = [];

export function pdumperRememberScalar(name: string, get: (rt: Runtime) => number, set: (rt: Runtime, value: number) => void): void {
  if (SCALARS.some((s) => s.name === name)) throw new Error(`scalar ${name} remembered twice`);
  SCALARS.push({ name, get, set });
}
