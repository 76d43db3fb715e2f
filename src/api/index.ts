// The embedding API: `import { Emacs } from 'tsmacs'` starts Lisp worlds inside a JS program (docs/api.md).
//
// One Emacs instance is one runtime with its own host (output callbacks, input), so instances
// in one process never share state (docs/architecture.md, "Conventions"). Lisp runs
// synchronously on the caller's thread: eval and call return their value directly (an `await`
// in front of them is harmless), which is what lets a JS function that Lisp calls call back into
// Lisp. Values cross as plain JS values where one fits and as rooted handles where none does.

import { defaultDumpPath, installLoadPath, lispDir } from '../cli/main.ts';
import { join } from 'node:path';
import type { Host } from '../host/host.ts';
import { nodeHost } from '../host/node.ts';
import { createRuntime } from '../core/init.ts';
import { G_OBARRAY, defineWorldState, type Runtime } from '../core/runtime.ts';
import { addRootFamily } from '../core/gc.ts';
import { intern, oblookup } from '../core/obarray.ts';
import {
  bignumValue, bignump, cons, consp, fixnumValue, floatp, isFixnum, isPvec, listFromArray, makeFloat, makeInteger,
  makeString, pvecSize, pvecType, aref, stringp, symbolp, vectorFromArray, xcar, xcdr, xfloat, jsString, symbolName, symbolNameJs,
  list,
} from '../core/object.ts';
import { KillEmacs, LispSignal, LispThrow } from '../core/signal.ts';
import { DEFSYM, Qclosure, Qnil, Qt } from '../core/symbols.ts';
import { PVEC_HASH_TABLE, PVEC_NORMAL_VECTOR } from '../heap/layout.ts';
import { asLispSignal, evalTop, funcall, noticeTopLevelSignal, setInternal, unbindTo } from '../emacs/eval.ts';
import { initDelayedOptions, startFromImage } from '../emacs/emacs.ts';
import { readFromString } from '../emacs/lread.ts';
import { errorMessageString, prin1ToJs } from '../emacs/print.ts';
import { hashPut, hashTableForEach, makeHashTableFn } from '../emacs/fns.ts';
import { registerJsBody } from '../emacs/js-function.ts';
import { DumpLoadError, loadDump } from '../dump/loader.ts';

const Qload = DEFSYM('load');
const Qload_path = DEFSYM('load-path');
const Qno_catch = DEFSYM('no-catch');
const Qerror = DEFSYM('error');
const Qput = DEFSYM('put');
const Qerror_conditions = DEFSYM('error-conditions');
const Qerror_message = DEFSYM('error-message');
const Qdefalias = DEFSYM('defalias');
const Qand_rest = DEFSYM('&rest');
const Qcall_js = DEFSYM('tsmacs--call-js');
const Qtest = DEFSYM(':test');
const Qequal = DEFSYM('equal');

// ---- values that have no JS twin ------------------------------------------------------------

/** A Lisp symbol on the JS side: one object per name (`LispSymbol.for('foo') === LispSymbol.for('foo')`). */
export class LispSymbol {
  readonly name: string;
  private constructor(name: string) {
    this.name = name;
  }
  private static readonly table = new Map<string, LispSymbol>();
  /** The symbol named NAME (interned in each world it is passed to). */
  static for(name: string): LispSymbol {
    let s = LispSymbol.table.get(name);
    if (s === undefined) LispSymbol.table.set(name, (s = new LispSymbol(name)));
    return s;
  }
  toString(): string {
    return this.name;
  }
}

/** A JS array to pass to Lisp as a vector (a plain array becomes a list). */
export class LispVector {
  readonly items: unknown[];
  constructor(items: unknown[]) {
    this.items = items;
  }
}

/** A Lisp error that reached JS: the error symbol, its data converted, and GNU's message for it. */
export class LispError extends Error {
  readonly symbol: LispSymbol;
  readonly data: unknown;
  /** The exception travelling inside the world, re-thrown as is when this error goes back into Lisp. */
  internal: { rt: Runtime; exception: unknown } | null = null;
  constructor(symbol: LispSymbol | string, data: unknown = null, message?: string) {
    const sym = typeof symbol === 'string' ? LispSymbol.for(symbol) : symbol;
    super(message ?? `${sym.name}${data === null ? '' : ' ' + JSON.stringify(data, (_k, v) => (typeof v === 'bigint' ? String(v) : v instanceof LispSymbol ? v.name : v))}`);
    this.name = 'LispError';
    this.symbol = sym;
    this.data = data;
  }
}

/** `kill-emacs` ran: the instance is gone; CODE is the exit status Lisp asked for. */
export class EmacsExit extends Error {
  readonly code: number;
  internal: { rt: Runtime; exception: unknown } | null = null;
  constructor(code: number) {
    super(`tsmacs: kill-emacs with status ${code}`);
    this.name = 'EmacsExit';
    this.code = code;
  }
}

// ---- rooted handles -------------------------------------------------------------------------

/** Each world's words held by live handles, with how many handles hold each: a root family of the collector. */
const rootsOf = defineWorldState<Map<number, number>>(() => new Map());
addRootFamily((rt, mark) => {
  for (const w of rootsOf(rt).keys()) mark(w);
});

function hold(rt: Runtime, w: number): void {
  const roots = rootsOf(rt);
  roots.set(w, (roots.get(w) ?? 0) + 1);
}
function release(rt: Runtime, w: number): void {
  const roots = rootsOf(rt);
  const n = (roots.get(w) ?? 0) - 1;
  if (n > 0) roots.set(w, n);
  else roots.delete(w);
}

/** A handle V8 collected without dispose(): its root goes then (a safety net, not the way to free one). */
const unreached = new FinalizationRegistry<{ rt: Runtime; word: number }>(({ rt, word }) => release(rt, word));

const disposeSymbol: symbol = (Symbol as unknown as { dispose?: symbol }).dispose ?? Symbol.for('nodejs.dispose');

/**
 * A Lisp object held from JS. The collector never frees it while the handle is undisposed; pass
 * it back to eval/call as an argument to use it. dispose() (or `using`) lets it go.
 */
export class LispHandle {
  #emacs: Emacs;
  #word: number;
  #live = true;
  constructor(emacs: Emacs, rt: Runtime, word: number) {
    this.#emacs = emacs;
    this.#word = word;
    hold(rt, word);
    unreached.register(this, { rt, word }, this);
  }
  /** The word, for the instance that made this handle (an error for a disposed handle or another instance). */
  wordFor(emacs: Emacs): number {
    if (!this.#live) throw new TypeError('tsmacs: this Lisp handle was disposed');
    if (emacs !== this.#emacs) throw new TypeError('tsmacs: a Lisp handle belongs to the Emacs instance that made it');
    return this.#word;
  }
  get disposed(): boolean {
    return !this.#live;
  }
  /** The Emacs instance this object lives in. */
  get emacs(): Emacs {
    return this.#emacs;
  }
  /** The object's type, as `type-of` names it. */
  get type(): string {
    const t = this.#emacs.call(Qtype_of_js, this);
    return t instanceof LispSymbol ? t.name : String(t);
  }
  /** The object printed as `prin1` prints it. */
  print(): string {
    return this.#emacs.print(this);
  }
  /** The object converted to a JS value where it has one (this handle when it has none). */
  toJS(): unknown {
    return this.#emacs.toJS(this);
  }
  toString(): string {
    return this.#live ? this.print() : '#<disposed Lisp handle>';
  }
  /** Let the object go (a second call does nothing). */
  dispose(): void {
    if (!this.#live) return;
    this.#live = false;
    unreached.unregister(this);
    release(this.#emacs.runtime, this.#word);
  }
  [disposeSymbol](): void {
    this.dispose();
  }
}
const Qtype_of_js = LispSymbol.for('type-of');

// ---- the instance ---------------------------------------------------------------------------

export interface StartOptions {
  /** Start from this dump file instead of the default image (dist/tsmacs.pdmp). */
  dumpFile?: string;
  /** Run lisp/loadup.el from source instead of loading an image (slow: seconds). */
  loadup?: boolean;
  /** Receives what Lisp writes to standard output (princ, print...). Default: this process's stdout. */
  stdout?: (text: string) => void;
  /** Receives what Lisp writes to standard error (message...). Default: this process's stderr. */
  stderr?: (text: string) => void;
  /** Standard input for read-string and friends in batch: all its text, its lines, or a function giving the next line (null: end). Default: none. */
  stdin?: string | string[] | (() => string | null);
  /** Heap size in MB (default: TSMACS_HEAP_MB, else 512). */
  heapMB?: number;
}

/** A JS function Lisp can call: it gets the arguments converted and gives a value to convert back. */
export type JsFunction = (...args: any[]) => unknown;

/** Text from a decoder fed raw bytes as they come (a character split across two writes stays whole). */
function textSink(fd: 1 | 2, fn: ((text: string) => void) | undefined): (bytes: Uint8Array) => void {
  if (fn === undefined) {
    const stream = fd === 1 ? process.stdout : process.stderr;
    return (bytes) => {
      stream.write(Uint8Array.from(bytes));
    };
  }
  const dec = new TextDecoder('utf-8');
  return (bytes) => {
    const text = dec.decode(bytes, { stream: true });
    if (text !== '') fn(text);
  };
}

function lineSource(stdin: StartOptions['stdin']): () => string | null {
  if (typeof stdin === 'function') return stdin;
  if (stdin === undefined) return () => null;
  const lines = typeof stdin === 'string' ? stdin.split('\n') : [...stdin];
  // A text ending in a newline has no partial last line.
  if (typeof stdin === 'string' && lines[lines.length - 1] === '') lines.pop();
  return () => (lines.length > 0 ? lines.shift()! : null);
}

/** A host of this instance's own: Node's, with output and input routed to the options. */
function instanceHost(opts: StartOptions): Host {
  const host = nodeHost();
  const out = textSink(1, opts.stdout);
  const err = textSink(2, opts.stderr);
  host.write = (fd, bytes) => (fd === 1 ? out : err)(bytes);
  host.readLine = lineSource(opts.stdin);
  // Lisp's kill-emacs travels as an exception (the instance then closes); nothing here ends the process.
  host.exit = (code) => {
    throw new KillEmacs(code);
  };
  return host;
}

interface SavedState {
  sp: number; env: number; depth: number; spec: number; ncatch: number; nframes: number; nhandlers: number; envBinds: number;
}

/** One Lisp world. */
export class Emacs {
  #rt: Runtime;
  #host: Host;
  #closed = false;
  /** Guards in progress: more than one when a JS function that Lisp called calls back into Lisp. */
  #depth = 0;
  /** The JS functions passed to Lisp as values, so that passing one again gives the same Lisp function. */
  #functions = new WeakMap<JsFunction, LispHandle>();

  private constructor(rt: Runtime, host: Host) {
    this.#rt = rt;
    this.#host = host;
  }

  /** Start an instance from the default image (or as OPTIONS say). */
  static async start(options: StartOptions = {}): Promise<Emacs> {
    return Emacs.startSync(options);
  }

  /** start(), synchronously. */
  static startSync(options: StartOptions = {}): Emacs {
    const host = instanceHost(options);
    const heapBytes = options.heapMB !== undefined ? Math.round(options.heapMB * 1024 * 1024) : undefined;
    let rt: Runtime;
    try {
      if (options.loadup) {
        rt = createRuntime({ host, heapBytes });
        const dir = lispDir();
        setInternal(rt, Qload_path, list(rt, makeString(rt, dir)));
        funcall(rt, Qload, [makeString(rt, join(dir, 'loadup.el')), Qnil, Qt]);
        initDelayedOptions(rt);
      } else {
        rt = loadDump(host, options.dumpFile ?? defaultDumpPath(), { heapBytes });
        installLoadPath(rt);
        startFromImage(rt);
      }
    } catch (e) {
      if (e instanceof DumpLoadError) throw new Error(`tsmacs: ${e.message}`);
      if (e instanceof KillEmacs) throw new EmacsExit(e.code);
      if (e instanceof LispSignal) throw new Error('tsmacs: a Lisp error during start-up');
      throw e;
    }
    rt.sp = 0;
    rt.nframes = 0;
    const emacs = new Emacs(rt, host);
    // js-error: what a JS exception inside a JS-defined function becomes in Lisp.
    emacs.#guard(() => {
      const Qjs_error = intern(rt, 'js-error');
      funcall(rt, Qput, [Qjs_error, Qerror_conditions, list(rt, Qjs_error, Qerror)]);
      funcall(rt, Qput, [Qjs_error, Qerror_message, makeString(rt, 'JavaScript error')]);
      return Qnil;
    });
    return emacs;
  }

  /** The runtime underneath (for tsmacs's own tests and tools; not a stable interface). */
  get runtime(): Runtime {
    return this.#rt;
  }

  /** Whether kill-emacs (or close()) ended this instance. */
  get closed(): boolean {
    return this.#closed;
  }

  /** Read every form of SOURCE and evaluate them in turn (lexical binding); the last one's value, converted. */
  eval(source: string): unknown {
    return this.#guard(() => this.#evalSource(source), (w) => this.#toJS(w));
  }

  /** eval(), the value always as a handle. */
  evalHandle(source: string): LispHandle {
    return this.#guard(() => this.#evalSource(source), (w) => new LispHandle(this, this.#rt, w));
  }

  /** Call the Lisp function FN (a name, a symbol or a handle) with ARGS converted to Lisp; its value, converted. */
  call(fn: string | LispSymbol | LispHandle, ...args: unknown[]): unknown {
    return this.#guard(() => this.#call(fn, args), (w) => this.#toJS(w));
  }

  /** call(), the value always as a handle. */
  callHandle(fn: string | LispSymbol | LispHandle, ...args: unknown[]): LispHandle {
    return this.#guard(() => this.#call(fn, args), (w) => new LispHandle(this, this.#rt, w));
  }

  /** Define the Lisp function NAME as the JS function FN (DOC: its docstring). */
  defun(name: string, fn: JsFunction, doc?: string): LispSymbol {
    this.#guard(() => {
      const rt = this.#rt;
      const sym = intern(rt, name);
      rt.push(sym);
      const f = this.#closure(fn, doc);
      rt.push(f);
      return funcall(rt, Qdefalias, [sym, f]);
    });
    return LispSymbol.for(name);
  }

  /** A Lisp function (as a handle) that calls FN. */
  function(fn: JsFunction, doc?: string): LispHandle {
    return this.#guard(() => this.#closure(fn, doc), (w) => new LispHandle(this, this.#rt, w));
  }

  /** VALUE (a JS value or a handle) printed as `prin1` prints it. */
  print(value: unknown): string {
    return this.#guard(() => this.#toLisp(value), (w) => prin1ToJs(this.#rt, w));
  }

  /** A handle's object converted to a JS value where it has one (the handle itself when not). */
  toJS(handle: LispHandle): unknown {
    const w = handle.wordFor(this);
    const v = this.#guard(() => w, (x) => this.#toJS(x, true));
    return v === undefined ? handle : v;
  }

  /** End this instance: its children are killed and every later call refuses. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#host.processes?.killAll();
    rootsOf(this.#rt).clear();
  }

  // ---- the inside ------------------------------------------------------------------------

  #evalSource(source: string): number {
    const rt = this.#rt;
    const str = makeString(rt, source);
    rt.push(str);
    const chars = Array.from(source);
    let at = 0;
    let val = Qnil;
    for (;;) {
      at = skipBlank(chars, at);
      if (at >= chars.length) return val;
      const r = readFromString(rt, str, at);
      at = r.end;
      const sp = rt.sp;
      rt.push(r.obj);
      val = evalTop(rt, r.obj, Qt);
      rt.sp = sp;
      // The value must outlive the next form's evaluation only if it is the last: keep it rooted anyway.
      rt.push(val);
    }
  }

  #call(fn: string | LispSymbol | LispHandle, args: unknown[]): number {
    const rt = this.#rt;
    const f = typeof fn === 'string' ? intern(rt, fn) : this.#toLisp(fn);
    rt.push(f);
    const words = args.map((a) => this.#toLisp(a));
    return funcall(rt, f, words);
  }

  /** The closure `(lambda (&rest args) DOC (tsmacs--call-js ID args))`, built without evaluating anything. */
  #closure(fn: JsFunction, doc: string | undefined): number {
    if (typeof fn !== 'function') throw new TypeError('tsmacs: defun needs a function');
    const rt = this.#rt;
    const id = registerJsBody(rt, (rt2, argv) => this.#runJs(rt2, fn, argv));
    const Qargs = intern(rt, 'args');
    const body = list(rt, Qcall_js, makeInteger(rt, id), Qargs);
    const tail = doc !== undefined ? list(rt, makeString(rt, doc), body) : list(rt, body);
    const f = cons(rt, Qclosure, cons(rt, list(rt, Qt), cons(rt, list(rt, Qand_rest, Qargs), tail)));
    rt.push(f);
    return f;
  }

  /** Run a JS-defined function for Lisp: arguments to JS, its value back, its exceptions as Lisp's. */
  #runJs(rt: Runtime, fn: JsFunction, argv: number[]): number {
    const jsArgs = argv.map((w) => this.#toJS(w));
    let result: unknown;
    try {
      result = fn.apply(this, jsArgs);
    } catch (e) {
      if ((e instanceof LispError || e instanceof EmacsExit) && e.internal !== null && e.internal.rt === rt) throw e.internal.exception;
      if (e instanceof LispError) {
        const sp = rt.sp;
        const sym = intern(rt, e.symbol.name);
        rt.push(sym);
        const data = this.#toLispOrError(e.data);
        rt.sp = sp;
        throw new LispSignal(sym, data);
      }
      throw new LispSignal(intern(rt, 'js-error'), list(rt, makeString(rt, describeJsError(e))));
    }
    if (result !== null && typeof result === 'object' && typeof (result as { then?: unknown }).then === 'function')
      throw new LispSignal(Qerror, list(rt, makeString(rt, 'A JavaScript function called from Lisp returned a Promise (Lisp calls are synchronous)')));
    const sp = rt.sp;
    const w = this.#toLispOrError(result);
    rt.sp = sp;
    return w;
  }

  /** toLisp, a value with no Lisp twin being a Lisp error rather than a JS TypeError. */
  #toLispOrError(v: unknown): number {
    try {
      return this.#toLisp(v);
    } catch (e) {
      if (e instanceof TypeError) throw new LispSignal(Qerror, list(this.#rt, makeString(this.#rt, e.message)));
      throw e;
    }
  }

  /**
   * Run BODY (which may run Lisp) and convert its value with OUT while the world is as BODY left
   * it; afterwards the Lisp stack, bindings and frames are as before, whatever happened. Lisp's
   * exits become JS errors: LispError, EmacsExit.
   */
  #guard<T = number>(body: () => number, out?: (w: number) => T): T {
    if (this.#closed) throw new Error('tsmacs: this Emacs instance has ended');
    const rt = this.#rt;
    const s: SavedState = {
      sp: rt.sp, env: rt.lexenv, depth: rt.lispEvalDepth, spec: rt.specCount, ncatch: rt.catchTags.length,
      nframes: rt.nframes, nhandlers: rt.handlerSpecs.length, envBinds: rt.envBinds,
    };
    this.#depth++;
    try {
      const w = body();
      rt.push(w);
      return out ? out(w) : (w as T);
    } catch (e) {
      throw this.#jsError(e, this.#depth === 1);
    } finally {
      this.#depth--;
      unbindTo(rt, s.spec);
      rt.sp = s.sp;
      rt.lexenv = s.env;
      rt.lispEvalDepth = s.depth;
      rt.catchTags.length = s.ncatch;
      rt.handlerSpecs.length = s.nhandlers;
      rt.envBinds = s.envBinds;
      rt.nframes = s.nframes;
    }
  }

  /** The JS error for an exception leaving Lisp (TOP: no Lisp runs outside this call). */
  #jsError(e: unknown, top: boolean): unknown {
    const rt = this.#rt;
    if (e instanceof KillEmacs) {
      const x = new EmacsExit(e.code);
      if (top) this.close();
      else x.internal = { rt, exception: e };
      return x;
    }
    let sig = asLispSignal(rt, e);
    if (sig === null) return e;
    if (sig instanceof LispSignal && top) {
      // signal-hook-function and the debugger variables see it, as at GNU's top level.
      const n = noticeTopLevelSignal(rt, sig);
      if (n instanceof KillEmacs) return this.#jsError(n, top);
      if (n instanceof LispSignal || n instanceof LispThrow) sig = n;
    }
    let symbol: number;
    let data: number;
    if (sig instanceof LispThrow) {
      symbol = Qno_catch;
      data = list(rt, sig.tag, sig.value);
    } else {
      symbol = sig.symbol;
      data = sig.data;
    }
    rt.push(data);
    let message: string;
    try {
      message = jsString(rt, errorMessageString(rt, symbol, data));
    } catch {
      message = symbolNameJs(rt, symbol);
    }
    const err = new LispError(LispSymbol.for(symbolNameJs(rt, symbol)), this.#toJS(data), message);
    err.internal = { rt, exception: sig };
    if (e instanceof Error && !(e instanceof LispSignal)) err.cause = e;
    return err;
  }

  // ---- conversions -------------------------------------------------------------------------

  /** JS to Lisp; every object made is pushed on the Lisp stack (the caller's guard drops them). */
  #toLisp(v: unknown, depth = 0): number {
    const rt = this.#rt;
    if (depth > 10000) throw new TypeError('tsmacs: a JS value nested too deeply for Lisp');
    let w: number;
    if (v === null || v === undefined || v === false) return Qnil;
    if (v === true) return Qt;
    if (typeof v === 'number') w = Number.isInteger(v) ? makeInteger(rt, v) : makeFloat(rt, v);
    else if (typeof v === 'bigint') w = makeInteger(rt, v);
    else if (typeof v === 'string') w = makeString(rt, v);
    else if (v instanceof LispSymbol) w = intern(rt, v.name);
    else if (v instanceof LispHandle) w = v.wordFor(this);
    else if (v instanceof LispVector) w = vectorFromArray(rt, v.items.map((x) => this.#toLisp(x, depth + 1)));
    else if (Array.isArray(v)) w = listFromArray(rt, v.map((x) => this.#toLisp(x, depth + 1)));
    else if (v instanceof Map) {
      w = makeHashTableFn(rt, [Qtest, Qequal]);
      rt.push(w);
      for (const [k, x] of v) hashPut(rt, w, this.#toLisp(k, depth + 1), this.#toLisp(x, depth + 1));
    } else if (typeof v === 'function') {
      let h = this.#functions.get(v as JsFunction);
      if (h === undefined || h.disposed) this.#functions.set(v as JsFunction, (h = this.function(v as JsFunction)));
      w = h.wordFor(this);
    } else throw new TypeError(`tsmacs: no Lisp value for a JS ${v === null ? 'null' : typeof v}${typeof v === 'object' ? ` (${Object.prototype.toString.call(v)})` : ''}`);
    rt.push(w);
    return w;
  }

  /**
   * Lisp to JS: numbers, strings, nil/t, symbols, proper lists and vectors (arrays), hash tables
   * (Map); anything else (and a list that is dotted or circular) as a handle. STRICT: give
   * undefined for a top-level object with no JS twin instead of a new handle.
   */
  #toJS(w: number, strict = false): unknown {
    const rt = this.#rt;
    const path = new Set<number>();
    const handle = (x: number): LispHandle => new LispHandle(this, rt, x);
    const conv = (x: number, depth: number): unknown => {
      if (isFixnum(x)) return fixnumValue(x);
      if (x === Qnil) return null;
      if (x === Qt) return true;
      if (floatp(x)) return xfloat(rt, x);
      if (stringp(x)) return jsString(rt, x);
      if (symbolp(x)) {
        // Only an interned symbol is named by its name alone.
        const found = oblookup(rt, rt.globals[G_OBARRAY]!, symbolName(rt, x));
        return found.found && found.sym === x ? LispSymbol.for(symbolNameJs(rt, x)) : top(x, depth);
      }
      if (depth > 2000 || path.has(x)) return top(x, depth);
      if (consp(x)) {
        // A proper list (Floyd's check: a circular spine is no array).
        const items: number[] = [];
        let slow = x;
        let l = x;
        for (;;) {
          items.push(xcar(rt, l));
          l = xcdr(rt, l);
          if (!consp(l)) break;
          if (items.length % 2 === 0) {
            slow = xcdr(rt, slow);
            if (slow === l) return top(x, depth);
          }
        }
        if (l !== Qnil) return top(x, depth);
        path.add(x);
        const out = items.map((y) => conv(y, depth + 1));
        path.delete(x);
        return out;
      }
      if (bignump(rt, x)) {
        // Exact as a JS number up to 2^53; a bigint past it.
        const n = bignumValue(rt, x);
        return n >= -MAX_EXACT && n <= MAX_EXACT ? Number(n) : n;
      }
      if (isPvec(rt, x, PVEC_NORMAL_VECTOR)) {
        path.add(x);
        const n = pvecSize(rt, x);
        const out: unknown[] = [];
        for (let i = 0; i < n; i++) out.push(conv(aref(rt, x, i), depth + 1));
        path.delete(x);
        return out;
      }
      if (pvecType(rt, x) === PVEC_HASH_TABLE && isPvec(rt, x, PVEC_HASH_TABLE)) {
        path.add(x);
        const pairs: [number, number][] = [];
        hashTableForEach(rt, x, (k, v) => pairs.push([k, v]));
        const out = new Map<unknown, unknown>();
        for (const [k, v] of pairs) out.set(conv(k, depth + 1), conv(v, depth + 1));
        path.delete(x);
        return out;
      }
      return top(x, depth);
    };
    const top = (x: number, depth: number): unknown => (strict && depth === 0 ? undefined : handle(x));
    return conv(w, 0);
  }
}

const MAX_EXACT = BigInt(Number.MAX_SAFE_INTEGER);

/** The message a JS exception gives its Lisp error. */
function describeJsError(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  try {
    return `uncaught ${typeof e}: ${String(e)}`;
  } catch {
    return `uncaught ${typeof e}`;
  }
}

/** Skip whitespace and `;` comments from AT in CHARS. */
function skipBlank(chars: string[], at: number): number {
  while (at < chars.length) {
    const c = chars[at]!;
    if (c === ';') {
      while (at < chars.length && chars[at] !== '\n') at++;
    } else if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f') at++;
    else break;
  }
  return at;
}
