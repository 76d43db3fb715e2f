// Primitives of GNU's minibuf.c that make sense without a minibuffer: string lookup in alists.

import {
  aref, consp, isPvec, listFromArray, makeString, makeStringFromChars, pvecSize, schars, stringChars, stringp, symbolName, symbolNext,
  symbolp, vectorp, xcar, xcdr,
} from '../core/object.ts';
import type { Runtime } from '../core/runtime.ts';
import { wrongTypeArgument, xsignal1 } from '../core/signal.ts';
import { DEFUN, DEFVAR } from '../core/subr.ts';
import { DEFSYM, Qnil, Qstringp, Qt } from '../core/symbols.ts';
import { PVEC_HASH_TABLE } from '../heap/layout.ts';
import { findSymbolValue, forEachTail, funcall, functionp, specbind, unbindTo } from './eval.ts';
import { makeFixnum } from '../heap/tags.ts';
import { compareStrings, hashTableForEach } from './fns.ts';

DEFUN(
  'assoc-string', 2, 3,
  'Find KEY among the elements of LIST, which may be strings, symbols or conses whose car is one of those; give the first match.\nNames are compared as strings; CASE-FOLD non-nil ignores case. Elements of any other kind are passed over.',
  (rt, key: number, list: number, caseFold: number) => {
    if (symbolp(key)) key = symbolName(rt, key);
    const zero = makeFixnum(0);
    const hit = forEachTail(rt, list, (tail) => {
      const elt = xcar(rt, tail);
      let s = consp(elt) ? xcar(rt, elt) : elt;
      if (symbolp(s)) s = symbolName(rt, s);
      return stringp(s) && compareStrings(rt, s, zero, Qnil, key, zero, Qnil, caseFold) === Qt;
    });
    return consp(hit) ? xcar(rt, hit) : Qnil;
  },
);

// ---- completion over collections (try-completion, all-completions, test-completion) ----

const Qcompletion_ignore_case = DEFVAR('completion-ignore-case', () => Qnil, 'Non-nil means completion treats upper and lower case as the same.');
const Qcompletion_regexp_list = DEFVAR('completion-regexp-list', () => Qnil, 'Regexps that a completion must match, all of them, to be offered.');
const Qlambda_sym = DEFSYM('lambda');
const Qstring_match = DEFSYM('string-match');
const Qcase_fold_search = DEFSYM('case-fold-search');

const fold = (c: number): number => (c < 0x80 ? (c >= 65 && c <= 90 ? c + 32 : c) : String.fromCodePoint(c <= 0x10ffff ? c : 0xfffd).toLowerCase().codePointAt(0)!);

/**
 * Each candidate of COLLECTION that passes PREDICATE and the regexps, with
 * its name: strings and symbols of a list (or the cars of its conses), the
 * symbols of an obarray, the string or symbol keys of a hash table.
 */
function candidates(rt: Runtime, prefix: number[], collection: number, predicate: number): { name: number; elt: number }[] {
  const ignoreCase = findSymbolValue(rt, Qcompletion_ignore_case) !== Qnil;
  const regexps = findSymbolValue(rt, Qcompletion_regexp_list);
  const sp = rt.sp;
  rt.push(collection);
  rt.push(predicate);
  const out: { name: number; elt: number }[] = [];
  const consider = (nameObj: number, callArgs: number[]): void => {
    const name = symbolp(nameObj) ? symbolName(rt, nameObj) : nameObj;
    if (!stringp(name)) return;
    const chars = stringChars(rt, name);
    if (chars.length < prefix.length) return;
    for (let i = 0; i < prefix.length; i++)
      if (chars[i] !== prefix[i] && !(ignoreCase && fold(chars[i]!) === fold(prefix[i]!))) return;
    for (let r = regexps; consp(r); r = xcdr(rt, r)) {
      if (!stringp(xcar(rt, r))) continue;
      const count = rt.specCount;
      specbind(rt, Qcase_fold_search, ignoreCase ? Qt : Qnil);
      const m = funcall(rt, Qstring_match, [xcar(rt, r), name]);
      unbindTo(rt, count);
      if (m === Qnil) return;
    }
    if (predicate !== Qnil && funcall(rt, predicate, callArgs) === Qnil) return;
    out.push({ name, elt: callArgs[0]! });
    rt.push(name);
    rt.push(callArgs[0]!);
  };
  if (collection === Qnil || consp(collection)) {
    forEachTail(rt, collection, (l) => {
      const elt = xcar(rt, l);
      consider(consp(elt) ? xcar(rt, elt) : elt, [elt]);
    });
  } else if (vectorp(rt, collection)) {
    const size = pvecSize(rt, collection);
    for (let i = 0; i < size; i++) {
      for (let s = aref(rt, collection, i); symbolp(s); s = symbolNext(rt, s)) consider(s, [s]);
    }
  } else if (isPvec(rt, collection, PVEC_HASH_TABLE)) {
    const keys: [number, number][] = [];
    const f = (k: number, v: number): void => void keys.push([k, v]);
    hashTableForEach(rt, collection, f);
    for (const [k, v] of keys) consider(k, [k, v]);
  } else wrongTypeArgument(rt, DEFSYM('sequencep'), collection);
  rt.sp = sp;
  return out;
}

function completionArgs(rt: Runtime, string: number): number[] {
  if (!stringp(string)) wrongTypeArgument(rt, Qstringp, string);
  return stringChars(rt, string);
}

/** Whether COLLECTION is a completion function: any function, closures included (GNU: not a list unless FUNCTIONP). */
function functionTable(rt: Runtime, collection: number): boolean {
  return collection !== Qnil && functionp(rt, collection);
}

DEFUN('try-completion', 2, 3, 'Complete STRING as far as the candidates of COLLECTION allow.\nThe value is t when STRING is the only, exact match, nil when nothing matches, and otherwise the longest common prefix of the matches.', (rt, string: number, collection: number, predicate: number) => {
  if (functionTable(rt, collection))
    return funcall(rt, collection, [string, predicate, Qnil]);
  const prefix = completionArgs(rt, string);
  const found = candidates(rt, prefix, collection, predicate);
  if (found.length === 0) return Qnil;
  const ignoreCase = findSymbolValue(rt, Qcompletion_ignore_case) !== Qnil;
  let best = stringChars(rt, found[0]!.name);
  for (let k = 1; k < found.length; k++) {
    const c = stringChars(rt, found[k]!.name);
    let n = 0;
    while (n < best.length && n < c.length && (best[n] === c[n] || (ignoreCase && fold(best[n]!) === fold(c[n]!)))) n++;
    best = best.slice(0, n);
  }
  // A unique exact match is t; so is an exact match that every other completion extends... only when it is the sole one.
  const exact = best.length === prefix.length && best.every((c, i) => c === prefix[i]);
  if (found.length === 1 && exact) return Qt;
  if (found.length > 1 && exact && found.every((f) => schars(rt, f.name) === prefix.length)) return Qt;
  // Ignoring case and adding nothing, keep the case the user typed; but a sole match no longer
  // than STRING comes back in its own case, as GNU's (("Ax") completes "ax" to "Ax").
  // A match spelled exactly as STRING is preferred to its other-case twins.
  if (ignoreCase && best.length === prefix.length && found.some((f) => schars(rt, f.name) > prefix.length
    || stringChars(rt, f.name).every((c, i) => c === prefix[i]))) return string;
  return makeStringFromChars(rt, best);
});

DEFUN('all-completions', 2, 4, 'Give every candidate of COLLECTION that starts with STRING and passes PREDICATE.', (rt, string: number, collection: number, predicate: number) => {
  if (functionTable(rt, collection))
    return funcall(rt, collection, [string, predicate, Qt]);
  const found = candidates(rt, completionArgs(rt, string), collection, predicate);
  return listFromArray(rt, found.map((f) => f.name));
});

DEFUN('test-completion', 2, 3, 'Tell whether STRING is itself one of the candidates of COLLECTION.', (rt, string: number, collection: number, predicate: number) => {
  if (functionTable(rt, collection))
    return funcall(rt, collection, [string, predicate, Qlambda_sym]);
  const prefix = completionArgs(rt, string);
  const found = candidates(rt, prefix, collection, predicate);
  const ignoreCase = findSymbolValue(rt, Qcompletion_ignore_case) !== Qnil;
  return found.some((f) => {
    const c = stringChars(rt, f.name);
    return c.length === prefix.length && c.every((x, i) => x === prefix[i] || (ignoreCase && fold(x) === fold(prefix[i]!)));
  }) ? Qt : Qnil;
});

// ---- reading from the minibuffer, which in batch is standard input ----

const Qread_from_string_mb = DEFSYM('read-from-string');
const Qend_of_file_mb = DEFSYM('end-of-file');
const Qprinc_mb = DEFSYM('princ');

/** Print PROMPT to stdout and read one line from stdin, as GNU's batch read_minibuf does. */
function batchReadLine(rt: Runtime, prompt: number): number {
  if (!stringp(prompt)) wrongTypeArgument(rt, Qstringp, prompt);
  funcall(rt, Qprinc_mb, [prompt, Qt]);
  const line = rt.host.readLine();
  if (line === null) return xsignal1(rt, Qend_of_file_mb, makeString(rt, 'Error reading from stdin'));
  return makeString(rt, line);
}

DEFUN('read-from-minibuffer', 1, 7, 'Prompt with PROMPT and read a line of text; in batch mode it comes from standard input.', (rt, prompt: number, _initial: number, _keymap: number, read: number, _hist: number, defaultValue: number) => {
  const s = batchReadLine(rt, prompt);
  if (read === Qnil) return s;
  const sp = rt.sp;
  rt.push(s);
  const input = schars(rt, s) === 0 && stringp(defaultValue) ? defaultValue : s;
  const r = funcall(rt, Qread_from_string_mb, [input]);
  rt.sp = sp;
  return xcar(rt, r);
});

DEFUN('read-string', 1, 5, 'Prompt with PROMPT and read a line of text as a string; in batch mode it comes from standard input.', (rt, prompt: number, _initial: number, _hist: number, defaultValue: number) => {
  const s = batchReadLine(rt, prompt);
  if (schars(rt, s) === 0 && defaultValue !== Qnil) return consp(defaultValue) ? xcar(rt, defaultValue) : defaultValue;
  return s;
});
