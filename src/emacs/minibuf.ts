// Primitives of GNU's minibuf.c that make sense without a minibuffer: string lookup in alists.

import {
  aref, cons, consp, isPvec, jsString, listFromArray, makeString, makeStringFromChars, pvecSize, schars, stringChars, stringp, symbolName, symbolNext,
  symbolp, vectorp, xcar, xcdr,
} from '../core/object.ts';
import type { Runtime } from '../core/runtime.ts';
import { wrongTypeArgument, xsignal1 } from '../core/signal.ts';
import { DEFUN, DEFVAR } from '../core/subr.ts';
import { DEFSYM, Qnil, Qstringp, Qt } from '../core/symbols.ts';
import { PVEC_HASH_TABLE } from '../heap/layout.ts';
import { call1, findSymbolValue, forEachTail, funcall, functionp, specbind, unbindTo } from './eval.ts';
import { fixnumValue, makeFixnum } from '../heap/tags.ts';
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
const Qread_hide_char = DEFSYM('read-hide-char');

DEFVAR('read-hide-char', () => Qnil, 'When a character, what the minibuffer shows in place of each character typed (`read-passwd\' binds it).');

/** Print PROMPT to stdout and read one line from stdin, as GNU's batch read_minibuf does. */
function batchReadLine(rt: Runtime, prompt: number): number {
  if (!stringp(prompt)) wrongTypeArgument(rt, Qstringp, prompt);
  // GNU writes the prompt straight to stdout: unlike printed output, it leaves a later
  // message on stderr to start where it is, with no newline first.
  const pending = rt.stderrNeedsNewline;
  funcall(rt, Qprinc_mb, [prompt, Qt]);
  rt.stderrNeedsNewline = pending;
  const line = rt.host.readLine();
  // With `read-hide-char' a character, the line is echoed as that many of it and a newline
  // (GNU's `read-passwd' shows stars this way; the newline comes even when input has ended),
  // again without asking a later message for a newline.
  const hide = findSymbolValue(rt, Qread_hide_char);
  if ((hide & 3) === 2 && fixnumValue(hide) >= 0 && fixnumValue(hide) <= 0x10ffff) {
    const stars = String.fromCodePoint(fixnumValue(hide)).repeat(line === null ? 0 : [...line].length) + '\n';
    funcall(rt, Qprinc_mb, [makeString(rt, stars), Qt]);
    rt.stderrNeedsNewline = pending;
  }
  if (line === null) return xsignal1(rt, Qend_of_file_mb, makeString(rt, 'Error reading from stdin'));
  const text = makeString(rt, line);
  return text;
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

// ---- yes-or-no-p: GNU has it in fns.c; here it sits beside the batch line reader it asks through ----

// GNU's fns.c variable: questions asked by a mouse command use a dialog box when the terminal has one.
DEFVAR('use-dialog-box', () => Qt, 'Non-nil means a question asked after a mouse command is shown in a dialog box, where the display can show one.');
const Quse_short_answers = DEFVAR('use-short-answers', () => Qnil, 'Non-nil means `yes-or-no-p\' asks with `y-or-n-p\' instead, taking a single y or n.');
const Qy_or_n_p = DEFSYM('y-or-n-p');
const Qdowncase_mb = DEFSYM('downcase');
const Qmessage_mb = DEFSYM('message');
const Qsleep_for = DEFSYM('sleep-for');
const Qding = DEFSYM('ding');

DEFUN('yes-or-no-p', 1, 1, 'Ask PROMPT and wait for the answer "yes" or "no" (any case), giving t or nil.\n"(yes or no) " is added to PROMPT; another answer is refused with the bell, a message, a two-second pause and the question again.\nWith `use-short-answers\' non-nil, ask with `y-or-n-p\' instead.', (rt, prompt: number) => {
  if (!stringp(prompt)) wrongTypeArgument(rt, Qstringp, prompt);
  if (findSymbolValue(rt, Quse_short_answers) !== Qnil) return call1(rt, Qy_or_n_p, prompt);
  const sp = rt.sp;
  const question = makeString(rt, jsString(rt, prompt) + '(yes or no) ');
  rt.push(question);
  try {
    for (;;) {
      const answer = jsString(rt, call1(rt, Qdowncase_mb, batchReadLine(rt, question)));
      if (answer === 'yes') return Qt;
      if (answer === 'no') return Qnil;
      call1(rt, Qding, Qnil);
      call1(rt, Qmessage_mb, makeString(rt, 'Please answer yes or no.'));
      call1(rt, Qsleep_for, makeFixnum(2));
    }
  } finally {
    rt.sp = sp;
  }
});

// ---- the rest of minibuf.c's interface, as it behaves in batch mode ----
//
// A batch session never has an active minibuffer: input comes from standard
// input one line at a time (batchReadLine), the depth is 0 and every buffer
// is an ordinary one. The answers below are GNU's in that state.

const Qminibuffer_prompt_fmt = DEFSYM('minibuffer-default-prompt-format');
const Qformat_mb = DEFSYM('format');
const Qintern_mb = DEFSYM('intern');
const Qbuffer_name_mb = DEFSYM('buffer-name');
const Qbuffer_list_mb = DEFSYM('buffer-list');
const Qget_buffer_mb = DEFSYM('get-buffer');
const Qbufferp_mb = DEFSYM('bufferp');
const Qpoint_min_mb = DEFSYM('point-min');
const Qpoint_max_mb = DEFSYM('point-max');
const Qbuffer_substring_mb = DEFSYM('buffer-substring');
const Qbuffer_substring_np_mb = DEFSYM('buffer-substring-no-properties');
const Qtry_completion_mb = DEFSYM('try-completion');
const Qall_completions_mb = DEFSYM('all-completions');
const Qtest_completion_mb = DEFSYM('test-completion');
const Qmetadata_mb = DEFSYM('metadata');
const Qcategory_mb = DEFSYM('category');
const Qbuffer_mb = DEFSYM('buffer');
const Qcycle_sort_function_mb = DEFSYM('cycle-sort-function');
const Qidentity_mb = DEFSYM('identity');
const Qerror_mb = DEFSYM('error');

/** The value a batch read gives for an empty line: DEF itself, or its first element if a list. */
const defaultOf = (rt: Runtime, def: number): number => (consp(def) ? xcar(rt, def) : def);

/** PROMPT with " (default DEF): " in place of its trailing colon and spaces, as GNU's read-buffer words it. */
function promptWithDefault(rt: Runtime, prompt: number, def: number): number {
  if (!stringp(prompt)) wrongTypeArgument(rt, Qstringp, prompt);
  if (def === Qnil) return prompt;
  const chars = stringChars(rt, prompt);
  let end = chars.length;
  while (end > 0 && (chars[end - 1] === 32 || chars[end - 1] === 58)) end--;
  const sp = rt.sp;
  const head = makeStringFromChars(rt, chars.slice(0, end));
  rt.push(head);
  const shown = stringp(def) ? def : funcall(rt, Qformat_mb, [makeString(rt, '%s'), def]);
  rt.push(shown);
  const fmt = findSymbolValue(rt, Qminibuffer_prompt_fmt);
  const shownDefault = funcall(rt, Qformat_mb, [stringp(fmt) ? fmt : makeString(rt, ' (default %s)'), shown]);
  rt.push(shownDefault);
  const out = funcall(rt, Qformat_mb, [makeString(rt, '%s%s: '), head, shownDefault]);
  rt.sp = sp;
  return out;
}

DEFVAR('minibuffer-default-prompt-format', (rt) => makeString(rt, ' (default %s)'), 'How a prompt shows its default value: a format whose %s is the default.');
const Qcompleting_read_default_mb = DEFSYM('completing-read-default');
const Qread_only_mb = DEFSYM('read-only');
const Qface_mb = DEFSYM('face');
const Qminibuffer_prompt_face = DEFSYM('minibuffer-prompt');
const Qcompleting_read_function = DEFVAR('completing-read-function', () => Qcompleting_read_default_mb, 'The function `completing-read\' hands its arguments to; with `completing-read-default\' the line is read here.');
const Qread_buffer_function = DEFVAR('read-buffer-function', () => Qnil, 'When non-nil, the function `read-buffer\' calls with its arguments to read a buffer name.');
DEFVAR('read-buffer-completion-ignore-case', () => Qnil, 'Non-nil means the completion of buffer names read by `read-buffer\' ignores case.');
DEFVAR('enable-recursive-minibuffers', () => Qnil, 'Non-nil means a command may use the minibuffer while it is already active.');
DEFVAR('history-add-new-input', () => Qt, 'Non-nil means what the minibuffer reads is added to its history list.');
DEFVAR('buffer-name-history', () => Qnil, 'The history list of the buffer names read in the minibuffer.');
DEFVAR('custom-variable-history', () => Qnil, 'The history list of the variable names read for customization.');
DEFVAR('yes-or-no-p-history', () => Qnil, 'The history list of the answers given to `yes-or-no-p\'.');
DEFVAR('minibuffer-completion-confirm', () => Qnil, 'What exiting a completing minibuffer asks of its text: nil nothing, else a match or a confirmation.');
DEFVAR('minibuffer-help-form', () => Qnil, 'A form evaluated for help while the minibuffer is read, as `help-form\' is elsewhere.');
DEFVAR('minibuffer-message-timeout', () => makeFixnum(2), 'Seconds a message shown over the minibuffer\'s text stays there.');
DEFVAR('minibuffer-allow-text-properties', () => Qnil, 'Non-nil means the text a minibuffer read gives keeps its properties.');
DEFVAR('minibuffer-prompt-properties', (rt) => listFromArray(rt, [Qread_only_mb, Qt, Qface_mb, Qminibuffer_prompt_face]), 'Text properties the prompt of the minibuffer gets.');
DEFVAR('read-minibuffer-restore-windows', () => Qt, 'Non-nil means the window layout is put back after a minibuffer read exits.');
DEFVAR('current-minibuffer-command', () => Qnil, 'The command that was running when the current minibuffer was entered.');
DEFVAR('minibuffer-exit-hook', () => Qnil, 'Functions run when a minibuffer read ends (in tsmacs batch reads never run it).');

DEFUN(
  'completing-read', 2, 8,
  'Read a string with completion over COLLECTION, prompting with PROMPT.\nIn batch mode the line is read from standard input as typed; an empty line gives DEF (its first element if a list), or the empty string.',
  (rt, prompt: number, collection: number, predicate: number, requireMatch: number, initial: number, hist: number, def: number, inherit: number) => {
    // A package (or a test) that sets `completing-read-function' reads in its own way.
    const fn = findSymbolValue(rt, Qcompleting_read_function);
    if (fn !== Qcompleting_read_default_mb && fn !== Qnil) {
      return funcall(rt, fn, [prompt, collection, predicate, requireMatch, initial, hist, def, inherit]);
    }
    const s = batchReadLine(rt, prompt);
    if (schars(rt, s) === 0 && def !== Qnil) return defaultOf(rt, def);
    return s;
  },
);

DEFUN(
  'read-buffer', 1, 4,
  'Read the name of a buffer, prompting with PROMPT; DEF (a buffer or name, or a list of them) is the value of an empty answer.\nIn batch mode the name is read from standard input, and need not name an existing buffer.',
  (rt, prompt: number, def: number, requireMatch: number, predicate: number) => {
    const reader = findSymbolValue(rt, Qread_buffer_function);
    // GNU passes PREDICATE only when there is one, so a three-argument reader keeps working.
    if (reader !== Qnil) return funcall(rt, reader, predicate === Qnil ? [prompt, def, requireMatch] : [prompt, def, requireMatch, predicate]);
    const sp = rt.sp;
    let d = defaultOf(rt, def);
    if (funcall(rt, Qbufferp_mb, [d]) !== Qnil) d = funcall(rt, Qbuffer_name_mb, [d]);
    rt.push(d);
    const s = batchReadLine(rt, promptWithDefault(rt, prompt, d));
    rt.sp = sp;
    return schars(rt, s) === 0 && d !== Qnil ? d : s;
  },
);

/** Read a symbol's name from standard input: an empty line gives DEF (interned if a string), else the interned line. */
function readSymbolLine(rt: Runtime, prompt: number, def: number): number {
  const s = batchReadLine(rt, prompt);
  const sp = rt.sp;
  rt.push(s);
  let out: number;
  if (schars(rt, s) === 0 && def !== Qnil) {
    const d = defaultOf(rt, def);
    out = stringp(d) ? funcall(rt, Qintern_mb, [d]) : d;
  } else out = funcall(rt, Qintern_mb, [s]);
  rt.sp = sp;
  return out;
}

DEFUN('read-command', 1, 2, 'Read the name of a command, prompting with PROMPT, and give it as a symbol.\nIn batch mode the name comes from standard input; an empty line gives DEFAULT-VALUE.', (rt, prompt: number, def: number) =>
  readSymbolLine(rt, prompt, def));

DEFUN('read-variable', 1, 2, 'Read the name of a user variable, prompting with PROMPT, and give it as a symbol.\nIn batch mode the name comes from standard input; an empty line gives DEFAULT-VALUE.', (rt, prompt: number, def: number) =>
  readSymbolLine(rt, prompt, def));

DEFUN('minibuffer-depth', 0, 0, 'How many minibuffers are active now: 0 in batch mode, which reads from standard input instead.', () => makeFixnum(0));

DEFUN('minibuffer-prompt', 0, 0, 'The prompt of the innermost active minibuffer, or nil if none is active (always, in batch mode).', () => Qnil);

DEFUN('active-minibuffer-window', 0, 0, 'The window of the active minibuffer, or nil if none is active (always, in batch mode).', () => Qnil);

DEFUN('minibuffer-innermost-command-loop-p', 0, 1, 'Non-nil if BUFFER is the minibuffer of the innermost command loop; no buffer is, in batch mode.', () => Qnil);

/** BUFFER (nil for the current one, or a name) as a live buffer object, or a wrong-type error as GNU's. */
function bufferArg(rt: Runtime, buffer: number): number {
  if (buffer === Qnil) return funcall(rt, Qget_buffer_mb, [funcall(rt, Qbuffer_name_mb, [])]);
  if (stringp(buffer)) return funcall(rt, Qget_buffer_mb, [buffer]);
  if (funcall(rt, Qbufferp_mb, [buffer]) === Qnil) wrongTypeArgument(rt, Qbufferp_mb, buffer);
  return buffer;
}

DEFUN('minibufferp', 0, 2, 'Non-nil if BUFFER (default the current buffer) is a minibuffer; no buffer is one in batch mode, where input comes from standard input.', (rt, buffer: number) => {
  bufferArg(rt, buffer);
  return Qnil;
});

DEFUN('innermost-minibuffer-p', 0, 1, 'Non-nil if BUFFER (default the current buffer) is the innermost active minibuffer; none is, in batch mode.', (rt, buffer: number) => {
  bufferArg(rt, buffer);
  return Qnil;
});

DEFUN('minibuffer-prompt-end', 0, 0, 'Where the prompt of the current minibuffer ends; in a buffer that is not a minibuffer, its beginning.', (rt) =>
  funcall(rt, Qpoint_min_mb, []));

DEFUN('minibuffer-contents', 0, 0, 'The text the user has typed in the current minibuffer (its whole text, in a buffer that is not a minibuffer).', (rt) =>
  funcall(rt, Qbuffer_substring_mb, [funcall(rt, Qpoint_min_mb, []), funcall(rt, Qpoint_max_mb, [])]));

DEFUN('minibuffer-contents-no-properties', 0, 0, 'Like `minibuffer-contents\', without text properties.', (rt) =>
  funcall(rt, Qbuffer_substring_np_mb, [funcall(rt, Qpoint_min_mb, []), funcall(rt, Qpoint_max_mb, [])]));

DEFUN('abort-minibuffers', 0, 0, 'Quit the active minibuffers; an error when none is active, as in batch mode.', (rt) =>
  xsignal1(rt, Qerror_mb, makeString(rt, 'Not in a minibuffer')), '');

DEFUN(
  'internal-complete-buffer', 3, 3,
  'The completion table of buffer names: complete STRING under PREDICATE as FLAG asks (nil: try, t: all, lambda: test, metadata).\nNames starting with a space are offered only when STRING starts with one.',
  (rt, string: number, predicate: number, flag: number) => {
    if (consp(flag) && xcar(rt, flag) === Qmetadata_mb) return Qnil;
    if (flag === Qmetadata_mb) {
      const sp = rt.sp;
      const a = cons(rt, Qcategory_mb, Qbuffer_mb);
      rt.push(a);
      const b = cons(rt, Qcycle_sort_function_mb, Qidentity_mb);
      rt.push(b);
      const out = listFromArray(rt, [Qmetadata_mb, a, b]);
      rt.sp = sp;
      return out;
    }
    if (!stringp(string)) wrongTypeArgument(rt, Qstringp, string);
    const sp = rt.sp;
    const hidden = schars(rt, string) > 0 && stringChars(rt, string)[0] === 32;
    const table: number[] = [];
    const buffers = funcall(rt, Qbuffer_list_mb, []);
    rt.push(buffers);
    for (let l = buffers; consp(l); l = xcdr(rt, l)) {
      const buf = xcar(rt, l);
      const name = funcall(rt, Qbuffer_name_mb, [buf]);
      if (!stringp(name)) continue;
      if (!hidden && schars(rt, name) > 0 && stringChars(rt, name)[0] === 32) continue;
      const entry = cons(rt, name, buf);
      rt.push(entry);
      table.push(entry);
    }
    const alist = listFromArray(rt, table);
    rt.push(alist);
    const fn = flag === Qnil ? Qtry_completion_mb : flag === Qt ? Qall_completions_mb : flag === Qlambda_sym ? Qtest_completion_mb : Qnil;
    const out = fn === Qnil ? Qnil : funcall(rt, fn, [string, alist, predicate]);
    rt.sp = sp;
    return out;
  },
);
