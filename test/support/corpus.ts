// The differential corpus protocol (see test/corpus/README.md): run a case file and produce the same record lines as scripts/record-corpus.el.

import { readdirSync } from 'node:fs';
import type { Runtime } from '../../src/core/runtime.ts';
import { cons, makeStringFromUtf8, stringChars, xcar, xcdr, consp } from '../../src/core/object.ts';
import { intern } from '../../src/core/obarray.ts';
import { KillEmacs, LispSignal } from '../../src/core/signal.ts';
import { DEFSYM, Qnil, Qt } from '../../src/core/symbols.ts';
import { asLispSignal, evalTop, findSymbolValue, setInternal, specbind, unbindTo } from '../../src/emacs/eval.ts';
import { readFromString } from '../../src/emacs/lread.ts';
import { prin1ToString } from '../../src/emacs/print.ts';

const Qstandard_output = DEFSYM('standard-output');
const Qlexical_binding = DEFSYM('lexical-binding');

/** The record escapes of record-corpus.el, over character codes. */
export function escapeChars(chars: number[]): string {
  let s = '';
  for (const c of chars) {
    if (c === 0x5c) s += '\\\\';
    else if (c === 10) s += '\\n';
    else if (c === 9) s += '\\t';
    else if (c === 13) s += '\\r';
    else if (c < 32 || c === 127) s += '\\x' + c.toString(16).padStart(2, '0');
    else if (c >= 0x3fff80) s += '\\x' + (c - 0x3fff00).toString(16).padStart(2, '0');
    else if (c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) s += '\\u{' + c.toString(16).toUpperCase() + '}';
    else s += String.fromCodePoint(c);
  }
  return s;
}

/** Evaluate every form of a case file's text; returns its record lines. */
export function runCaseFile(rt: Runtime, text: Uint8Array): string[] {
  const lines: string[] = [];
  const src = makeStringFromUtf8(rt, text);
  const base = rt.sp;
  rt.push(src);
  const charsVar = intern(rt, 'corpus--chars');
  rt.push(charsVar);
  // The capturing stream is a Lisp closure, so output goes through the real printer paths.
  const collector = readFromString(rt, makeStringFromUtf8(rt, new TextEncoder().encode('(lambda (c) (setq corpus--chars (cons c corpus--chars)))'))).obj;
  rt.push(collector);
  const stream = evalTop(rt, collector, Qt);
  rt.push(stream);
  let pos = 0;
  for (let index = 1; ; index++) {
    let r: { obj: number; end: number };
    try {
      r = readFromString(rt, src, pos);
    } catch (e) {
      if (e instanceof LispSignal && e.symbol === DEFSYM('end-of-file')) break;
      throw e;
    }
    pos = r.end;
    const sp = rt.sp;
    rt.push(r.obj);
    const count = rt.specCount;
    setInternal(rt, charsVar, Qnil);
    specbind(rt, Qstandard_output, stream);
    // GNU's recorder runs in *scratch*, whose own lexical-binding is t (the default stays nil).
    setInternal(rt, Qlexical_binding, Qt);
    specbind(rt, Qlexical_binding, Qt);
    let tag: string;
    let value: number;
    const nframes = rt.nframes;
    try {
      value = evalTop(rt, r.obj, Qt);
      tag = '=';
    } catch (e) {
      if (e instanceof KillEmacs) throw e;
      const sig = asLispSignal(rt, e);
      if (!(sig instanceof LispSignal)) throw e;
      rt.sp = sp + 1;
      // The error has left the case, as it leaves GNU's recorder: its frames are gone.
      rt.nframes = nframes;
      value = cons(rt, sig.symbol, sig.data);
      tag = '!';
    }
    unbindTo(rt, count);
    rt.lispEvalDepth = 0;
    rt.catchTags.length = 0;
    rt.push(value);
    const printed = prin1ToString(rt, value, true);
    let line = `${index}\t${tag}${escapeChars(stringChars(rt, printed))}`;
    const captured: number[] = [];
    for (let l = findSymbolValue(rt, charsVar); consp(l); l = xcdr(rt, l)) captured.push(xcar(rt, l) >> 2);
    if (captured.length) line += '\t>' + escapeChars(captured.reverse());
    lines.push(line);
    rt.sp = sp;
  }
  rt.sp = base;
  return lines;
}

/**
 * The case files (NAME.el) that a corpus test runs, in name order.
 *
 * Normally both corpus.test.ts (from loadup) and corpus-dump.test.ts (from a
 * dump) run every file. Under GC stress (TSMACS_GC_STRESS, CI's last stage)
 * each file is stressed once: from source for the even-numbered files, from a
 * dump for the odd ones. The plain run before it has already compared every
 * file both ways; the split halves the two longest files of the stress stage,
 * which otherwise ran past 65 minutes of CI's 90. The gc-* files always run from source.
 */
export function corpusCaseFiles(dir: string, side: 'source' | 'dump'): string[] {
  const all = readdirSync(dir).filter((f) => f.endsWith('.el')).sort();
  const stress = Number(process.env['TSMACS_GC_STRESS'] || '0');
  if (!(stress > 0)) return all;
  // The gc-* files test when collections and finalizers happen. Under stress a dumped runtime
  // and a loadup one allocate differently, so their forced collections fall elsewhere and the
  // two cannot be compared; from source they are compared with GNU's answers instead.
  const timing = (f: string): boolean => f.startsWith('gc-');
  // The profiler's file compares where sampled time goes: under stress nearly all of it goes to
  // the forced collections ([Automatic GC]), so it is not run there (the plain run compares it).
  // It is left out after the split, which stays as it was for every other file.
  const sampled = (f: string): boolean => f === 'lib-profiler.el';
  return all.filter((f, i) => !sampled(f) && (timing(f) ? side === 'source' : (i % 2 === 0) === (side === 'source')));
}
