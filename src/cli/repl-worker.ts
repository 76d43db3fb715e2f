// The REPL's evaluator side: runs in a worker thread, reads one input at a time from the terminal side (repl.ts) and answers with ielm's output.
//
// The evaluator is synchronous, so the thread that runs it cannot also watch the keyboard: the
// terminal thread keeps Node's event loop free for readline and Ctrl-C, and asks for a quit by
// setting a shared word (rt.quitRequest) that eval.ts polls at its safe points.

import type { Runtime } from '../core/runtime.ts';
import { consp, list, makeString, stringp, xcar, xcdr } from '../core/object.ts';
import { KillEmacs, LispSignal, LispThrow } from '../core/signal.ts';
import { DEFSYM, Qnil, Qquit, Qt } from '../core/symbols.ts';
import { fixnumValue, isFixnum } from '../heap/tags.ts';
import { asLispSignal, evalTop, findSymbolValue, funcall, setInternal } from '../emacs/eval.ts';
import { readFromString } from '../emacs/lread.ts';
import { errorMessageString, prin1ToJs } from '../emacs/print.ts';

/** Messages from the terminal side. */
export type ReplRequest =
  | { type: 'input'; text: string }
  | { type: 'complete'; id: number; prefix: string };

/** Messages to the terminal side. */
export type ReplReply =
  | { type: 'ready' }
  | { type: 'incomplete' }
  | { type: 'result'; text: string; freshLine: boolean }
  | { type: 'completions'; id: number; hits: string[] }
  | { type: 'exit'; code: number };

const Qstar = DEFSYM('*');
const Qstar2 = DEFSYM('**');
const Qstar3 = DEFSYM('***');
const Qend_of_file = DEFSYM('end-of-file');
const Qlexical_binding_repl = DEFSYM('lexical-binding');
const Qall_completions = DEFSYM('all-completions');
const Qobarray_var = DEFSYM('obarray');
const Qprin1_char = DEFSYM('prin1-char');

/** At most this many completions go back to readline (which lists them all). */
const MAX_COMPLETIONS = 500;

/** What one input gives: nothing (blank or comments), more lines wanted, or text to show. */
export type InputOutcome = { kind: 'none' } | { kind: 'incomplete' } | { kind: 'text'; text: string };

/** True when TEXT holds only blanks and comments (a `;` outside any string: the caller checked that reading found nothing). */
const onlyComments = (text: string): boolean => text.split('\n').every((l) => /^\s*(;.*)?$/.test(l));

/** Read INPUT as ielm does: one sexp, or nothing, or a complaint; an unfinished sexp asks for more. */
function readInput(rt: Runtime, input: string): { form: number } | InputOutcome {
  const str = makeString(rt, input);
  rt.push(str);
  let first: { obj: number; end: number };
  try {
    first = readFromString(rt, str);
  } catch (e) {
    if (e instanceof LispSignal && e.symbol === Qend_of_file) return onlyComments(input) ? { kind: 'none' } : { kind: 'incomplete' };
    if (e instanceof LispSignal) return { kind: 'text', text: `*** Read error ***  ${messageOf(rt, e)}\n` };
    throw e;
  }
  rt.push(first.obj);
  try {
    readFromString(rt, str, first.end);
    return { kind: 'text', text: '*** IELM error ***  More than one sexp in input\n' };
  } catch (e) {
    if (!(e instanceof LispSignal)) throw e;
    // Only blanks and comments after the sexp; anything else is a second sexp, perhaps unfinished.
    if (e.symbol !== Qend_of_file || !onlyComments(input.slice(charIndex(input, first.end)))) {
      return { kind: 'text', text: '*** IELM error ***  More than one sexp in input\n' };
    }
  }
  return { form: first.obj };
}

/** readFromString's END is a character position in the Lisp string: the same index in a JS string, counting astral characters as one. */
function charIndex(s: string, chars: number): number {
  let i = 0;
  for (let n = 0; n < chars && i < s.length; n++) i += (s.codePointAt(i)! > 0xffff ? 2 : 1);
  return i;
}

function messageOf(rt: Runtime, sig: LispSignal): string {
  return prin1ToJs(rt, errorMessageString(rt, sig.symbol, sig.data), false);
}

/** The value as ielm shows it: prin1, and an integer also in octal, hex and (for ASCII) as a character. */
function showValue(rt: Runtime, v: number): string {
  let text = prin1ToJs(rt, v, true);
  if (isFixnum(v)) {
    const n = fixnumValue(v);
    const sign = n < 0 ? '-' : '';
    const abs = Math.abs(n);
    const parts = [`#o${sign}${abs.toString(8)}`, `#x${sign}${abs.toString(16)}`];
    if (n >= 0 && n < 128) {
      const c = funcall(rt, Qprin1_char, [v]);
      if (stringp(c)) parts.push(prin1ToJs(rt, c, false));
    }
    text += ` (${parts.join(', ')})`;
  }
  return text + '\n';
}

/** Evaluate one complete input; the text to show and whether Lisp asked to exit. */
export function evalInput(rt: Runtime, input: string): InputOutcome {
  // Everything an escaping error leaves behind (eval.ts's catchers restore the same), so the next input starts clean.
  const sp = rt.sp;
  const nframes = rt.nframes;
  const depth = rt.lispEvalDepth;
  const envBinds = rt.envBinds;
  const lexenv = rt.lexenv;
  try {
    const r = readInput(rt, input);
    if (!('form' in r)) return r;
    let value: number;
    try {
      value = evalTop(rt, r.form, Qt);
    } catch (e) {
      const sig = asLispSignal(rt, e);
      if (sig === null) throw e;
      if (sig instanceof LispThrow) {
        const data = list(rt, sig.tag, sig.value);
        return { kind: 'text', text: `*** Eval error ***  ${messageOf(rt, new LispSignal(DEFSYM('no-catch'), data))}\n` };
      }
      if (sig.symbol === Qquit) return { kind: 'text', text: '*** Eval error ***  Quit during evaluation\n' };
      return { kind: 'text', text: `*** Eval error ***  ${messageOf(rt, sig)}\n` };
    }
    rt.push(value);
    // ielm's history of values: each successful evaluation shifts them along.
    setInternal(rt, Qstar3, findSymbolValue(rt, Qstar2));
    setInternal(rt, Qstar2, findSymbolValue(rt, Qstar));
    setInternal(rt, Qstar, value);
    return { kind: 'text', text: showValue(rt, value) };
  } catch (e) {
    // Printing the value can fail too (a quit, a full heap, a printer error).
    if (e instanceof KillEmacs) throw e;
    const sig = asLispSignal(rt, e);
    if (sig instanceof LispSignal) return { kind: 'text', text: `*** Eval error ***  ${sig.symbol === Qquit ? 'Quit during evaluation' : messageOf(rt, sig)}\n` };
    throw e;
  } finally {
    rt.sp = sp;
    rt.nframes = nframes;
    rt.lispEvalDepth = depth;
    rt.envBinds = envBinds;
    rt.lexenv = lexenv;
    rt.handlerSpecs.length = 0;
    rt.catchTags.length = 0;
  }
}

/** The interned symbols whose names start with PREFIX, sorted; a long list keeps its first and last names, so readline's common prefix stays right. */
export function completions(rt: Runtime, prefix: string): string[] {
  const sp = rt.sp;
  try {
    const str = makeString(rt, prefix);
    rt.push(str);
    const found = funcall(rt, Qall_completions, [str, findSymbolValue(rt, Qobarray_var)]);
    const names: string[] = [];
    for (let l = found; consp(l); l = xcdr(rt, l)) {
      const s = xcar(rt, l);
      if (stringp(s)) names.push(prin1ToJs(rt, s, false));
    }
    names.sort();
    if (names.length > MAX_COMPLETIONS) return [...names.slice(0, MAX_COMPLETIONS - 1), names[names.length - 1]!];
    return names;
  } catch (e) {
    if (asLispSignal(rt, e) !== null) return [];
    throw e;
  } finally {
    rt.sp = sp;
  }
}

/** Set up the runtime as the REPL's world: lexical-binding on (ielm's default), `*'s start out nil. */
export function prepareReplRuntime(rt: Runtime): void {
  setInternal(rt, Qlexical_binding_repl, Qt);
  for (const s of [Qstar, Qstar2, Qstar3]) setInternal(rt, s, Qnil);
}

type WorkerThreads = typeof import('node:worker_threads');

const workerThreads = (): WorkerThreads =>
  (process as unknown as { getBuiltinModule(id: string): WorkerThreads }).getBuiltinModule('node:worker_threads');

/** True in the REPL's evaluator thread: elsewhere --repl-worker is an unknown option like any other. */
export const inReplWorker = (): boolean => workerThreads().parentPort !== null;

/** The runtime could not start (the loader's refusal is already on stderr): the REPL exits with CODE. */
export function replStartFailed(code: number): number {
  workerThreads().parentPort?.postMessage({ type: 'exit', code } satisfies ReplReply);
  return code;
}

/**
 * The worker's main, with RT started as the command line starts it: the command line's actions
 * (-L, -l, --eval...) run first, their errors shown as the REPL shows them; then every request is
 * answered synchronously.
 */
export function runReplWorker(rt: Runtime, runAction: (kind: string, arg: string) => number,
  actions: readonly (readonly [string, string, number])[]): number {
  const wt = workerThreads();
  const port = wt.parentPort!;
  const post = (m: ReplReply): void => port.postMessage(m);
  const data = wt.workerData as { quit: Int32Array };
  rt.quitRequest = data.quit;
  prepareReplRuntime(rt);
  const baseSp = rt.sp;
  try {
    for (const [kind, arg] of actions) {
      try {
        runAction(kind, arg);
      } catch (e) {
        const sig = asLispSignal(rt, e);
        if (!(sig instanceof LispSignal)) throw e;
        rt.host.write(2, new TextEncoder().encode(`*** Eval error ***  ${messageOf(rt, sig)}\n`));
      }
      rt.sp = baseSp;
    }
  } catch (e) {
    if (e instanceof KillEmacs) {
      post({ type: 'exit', code: e.code });
      return e.code;
    }
    throw e;
  }
  port.on('message', (m: ReplRequest) => {
    if (m.type === 'complete') {
      post({ type: 'completions', id: m.id, hits: completions(rt, m.prefix) });
      return;
    }
    rt.lastStdoutByte = 10;
    let out: InputOutcome;
    try {
      out = evalInput(rt, m.text);
    } catch (e) {
      if (e instanceof KillEmacs) {
        post({ type: 'exit', code: e.code });
        return;
      }
      throw e;
    }
    rt.sp = baseSp;
    if (out.kind === 'incomplete') post({ type: 'incomplete' });
    // Output that Lisp printed without ending its line gets one before the value (ielm's value starts a line).
    else post({ type: 'result', text: out.kind === 'text' ? out.text : '', freshLine: rt.lastStdoutByte !== 10 });
  });
  (globalThis as { __tsmacsLive?: boolean }).__tsmacsLive = true;
  post({ type: 'ready' });
  return 0;
}
