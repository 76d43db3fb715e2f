// Declarations of tsmacs's embedding API (dist/api.d.ts), written by hand to match src/api/index.ts; docs/api.md explains it.

/** A Lisp symbol on the JS side: one object per name, so `===` compares symbols. */
export declare class LispSymbol {
  private constructor();
  readonly name: string;
  /** The symbol named NAME (interned in each world it is passed to). */
  static for(name: string): LispSymbol;
  toString(): string;
}

/** A JS array to pass to Lisp as a vector (a plain array becomes a list). */
export declare class LispVector {
  constructor(items: unknown[]);
  readonly items: unknown[];
}

/** A Lisp error that reached JS. */
export declare class LispError extends Error {
  /** Make one to signal from a JS function that Lisp called: `throw new LispError('wrong-type-argument', [LispSymbol.for('stringp'), 3])`. */
  constructor(symbol: LispSymbol | string, data?: unknown, message?: string);
  /** The error symbol (`wrong-type-argument`, `void-variable`, `js-error`...). */
  readonly symbol: LispSymbol;
  /** The error's data, converted (usually an array). */
  readonly data: unknown;
}

/** `kill-emacs` ended the instance. */
export declare class EmacsExit extends Error {
  readonly code: number;
}

/**
 * A Lisp object held from JS, never collected while held. Pass it to eval/call as an argument;
 * `dispose()` (or `using`, where Symbol.dispose exists) lets it go.
 */
export declare class LispHandle {
  private constructor();
  readonly disposed: boolean;
  readonly emacs: Emacs;
  /** The object's type as `type-of` names it ("buffer", "cons", "marker"...). */
  readonly type: string;
  /** The object as `prin1` prints it. */
  print(): string;
  /** The object converted to a JS value, or this handle when it has none. */
  toJS(): unknown;
  dispose(): void;
  toString(): string;
}

export interface StartOptions {
  /** Start from this dump file instead of the default image. */
  dumpFile?: string;
  /** Run lisp/loadup.el from source instead of loading an image (seconds). */
  loadup?: boolean;
  /** Receives Lisp's standard output; default: this process's stdout. */
  stdout?: (text: string) => void;
  /** Receives Lisp's standard error (`message`); default: this process's stderr. */
  stderr?: (text: string) => void;
  /** Standard input: its whole text, its lines, or a function giving the next line (null at the end). Default: none. */
  stdin?: string | string[] | (() => string | null);
  /** Heap size in MB (default TSMACS_HEAP_MB, else 512). */
  heapMB?: number;
}

/** A JS function Lisp can call: converted arguments in, a value to convert back out. */
export type JsFunction = (...args: any[]) => unknown;

/**
 * What Lisp values become in JS: integers as numbers (bignums as bigint), floats as numbers,
 * strings, nil as null, t as true, other symbols as LispSymbol, proper lists and vectors as
 * arrays, hash tables as Map, anything else as a LispHandle.
 */
export type LispValue = number | bigint | string | null | true | LispSymbol | LispValue[] | Map<LispValue, LispValue> | LispHandle;

/** One Lisp world. Its methods run Lisp synchronously (an `await` in front is harmless). */
export declare class Emacs {
  private constructor();
  /** Start an instance from the default image, another dump file, or loadup from source. */
  static start(options?: StartOptions): Promise<Emacs>;
  static startSync(options?: StartOptions): Emacs;
  readonly closed: boolean;
  /** Evaluate every form of SOURCE (lexical binding); the last value, converted. */
  eval(source: string): LispValue;
  evalHandle(source: string): LispHandle;
  /** Call FN with ARGS converted to Lisp (numbers, bigint, strings, null/true/false, LispSymbol, arrays as lists, LispVector, Map, functions, handles). */
  call(fn: string | LispSymbol | LispHandle, ...args: unknown[]): LispValue;
  callHandle(fn: string | LispSymbol | LispHandle, ...args: unknown[]): LispHandle;
  /** Define the Lisp function NAME as FN. */
  defun(name: string, fn: JsFunction, doc?: string): LispSymbol;
  /** An anonymous Lisp function calling FN. */
  function(fn: JsFunction, doc?: string): LispHandle;
  /** VALUE printed as `prin1` prints it. */
  print(value: unknown): string;
  toJS(handle: LispHandle): unknown;
  /** End the instance (children killed; later calls refuse). */
  close(): void;
}
