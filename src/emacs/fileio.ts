// File names and simple file operations (GNU fileio.c, POSIX rules), through the host interface only.

import { isFixnum } from '../heap/tags.ts';
import { charLenAt } from '../core/character.ts';
import {
  allocString, consp, getProp, jsString, makeString, makeStringFromUtf8, sbytes, sdata, stringMultibyte, stringp,
  xcar, xcdr,
} from '../core/object.ts';
import { defineWorldState, type Runtime } from '../core/runtime.ts';
import { error, wrongTypeArgument } from '../core/signal.ts';
import { DEFUN, DEFVAR, MANY } from '../core/subr.ts';
import {
  DEFSYM, Qarrayp, Qnil, Qstringp, Qt,
} from '../core/symbols.ts';
import { CMP_LESS, arithCompare, car } from './data.ts';
import { concatToString } from './fns.ts';
import { findSymbolValue, funcall, setInternal } from './eval.ts';
import { stringMatcher } from './search.ts';
import { pdumperDoNowAndAfterLoad } from '../core/dump-hooks.ts';

const Qdefault_directory = DEFSYM('default-directory');
const Qprocess_environment = DEFSYM('process-environment');
const Qfilenamep = DEFSYM('filenamep');
const Qfile_name_handler_alist = DEFSYM('file-name-handler-alist');
const Qinhibit_file_name_handlers = DEFSYM('inhibit-file-name-handlers');
const Qinhibit_file_name_operation = DEFSYM('inhibit-file-name-operation');
const Qoperations = DEFSYM('operations');
const Qexpand_file_name = DEFSYM('expand-file-name');
const Qfile_name_directory = DEFSYM('file-name-directory');
const Qfile_name_nondirectory = DEFSYM('file-name-nondirectory');
const Qfile_name_as_directory = DEFSYM('file-name-as-directory');
const Qdirectory_file_name = DEFSYM('directory-file-name');
const Qsubstitute_in_file_name = DEFSYM('substitute-in-file-name');
const Qfile_truename = DEFSYM('file-truename');

function checkString(rt: Runtime, x: number): string {
  if (!stringp(x)) wrongTypeArgument(rt, Qstringp, x);
  return jsString(rt, x);
}

// ---- user home directories -------------------------------------------------------------

/**
 * The name the system is given for the file NAME: a quoted name ("/:" in front, which keeps the
 * rest from being taken as remote or special) without its quote, as GNU's
 * `file-name-non-special' handler passes it on.
 */
export function unquote(name: string): string {
  return name.startsWith('/:') ? name.slice(2) || '/' : name;
}

/** NAME's value in `process-environment' (which a program may bind), as GNU's egetenv reads it; undefined when unset. */
function lispGetenv(rt: Runtime, name: string): string | undefined {
  const env = findSymbolValue(rt, Qprocess_environment);
  if (!consp(env)) return rt.host.getenv(name);
  let n = 0;
  for (let l = env; consp(l) && n < 100000; l = xcdr(rt, l), n++) {
    const e = xcar(rt, l);
    if (!stringp(e)) continue;
    const s = jsString(rt, e);
    if (s === name) return undefined;
    if (s.length > name.length && s[name.length] === '=' && s.startsWith(name)) return s.slice(name.length + 1);
  }
  return undefined;
}

/** The home directory of USER ("" = the current user), or null when there is no such user. */
export function userHome(rt: Runtime, user: string): string | null {
  if (user === '') {
    const home = lispGetenv(rt, 'HOME');
    if (home === undefined) return '/';
    // A relative (or empty) HOME is taken from the process's working directory, as GNU takes it.
    return home.startsWith('/') ? home : fileNameAsDirectory(rt.host.cwd()) + home;
  }
  // getpwnam's answer on a plain system: the password file.
  const bytes = rt.host.readFile('/etc/passwd');
  if (bytes === null) return null;
  for (const line of new TextDecoder().decode(bytes).split('\n')) {
    const f = line.split(':');
    if (f.length >= 6 && f[0] === user) return f[5]!;
  }
  return null;
}

/** GNU's file_name_absolute_p: "/...", "~", "~/...", or "~USER..." for an existing USER. */
function isAbsolute(rt: Runtime, name: string): boolean {
  if (name.startsWith('/')) return true;
  if (!name.startsWith('~')) return false;
  if (name.length === 1 || name[1] === '/') return true;
  const slash = name.indexOf('/');
  return userHome(rt, name.slice(1, slash < 0 ? undefined : slash)) !== null;
}

// ---- expand-file-name ----------------------------------------------------------------------

/** Remove "." and ".." components and repeated slashes, as GNU does on POSIX (a leading "//" stays). */
function canonicalize(t: string): string {
  let o = '';
  const n = t.length;
  let p = 0;
  while (p < n) {
    if (t[p] !== '/') {
      o += t[p++];
      continue;
    }
    const c1 = t[p + 1];
    if (c1 === '.' && (t[p + 2] === '/' || p + 2 === n)) {
      if (o === '' && p + 2 === n) o += '/';
      p += 2;
    } else if (c1 === '.' && t[p + 2] === '.' && o !== '' && (t[p + 3] === '/' || p + 3 === n)) {
      const cut = o.lastIndexOf('/');
      o = cut <= 0 ? (p + 3 === n ? '/' : '') : o.slice(0, cut);
      p += 3;
    } else if (c1 === '/' && (p !== 0 || t[p + 2] === '/')) p++;
    else o += t[p++];
  }
  return o;
}

/** Expand NAME against DEFAULT (a directory, possibly relative or starting with ~), as expand-file-name. */
export function expandFileName(rt: Runtime, name: string, dflt: string | null): string {
  if (dflt === null) dflt = defaultDirectory(rt);
  // A NUL cannot be part of a file name the system is given: GNU refuses it as not a `filenamep'.
  for (const s of [name, dflt]) if (s.includes('\0')) wrongTypeArgument(rt, Qfilenamep, makeString(rt, s));
  if (!dflt.startsWith('/') && name !== dflt && !isAbsolute(rt, name)) {
    // A relative or ~ default is made absolute first against `default-directory' (or "/").
    const dd = defaultDirectory(rt);
    dflt = dflt.startsWith('~') ? expandFileName(rt, dflt, '/') : expandFileName(rt, dflt, dd.startsWith('/') ? dd : '/');
  }
  let nm = name;
  if (nm.startsWith('~')) {
    const slash = nm.indexOf('/');
    const user = nm.slice(1, slash < 0 ? undefined : slash);
    const home = userHome(rt, user);
    if (home !== null) {
      const rest = slash < 0 ? '' : nm.slice(slash);
      nm = home + rest;
      return canonicalize(nm);
    }
  }
  if (nm.startsWith('/')) return canonicalize(nm);
  // An empty NAME means the directory itself, without its trailing slash.
  const target = nm === '' ? (dflt.length > 1 && dflt.endsWith('/') ? dflt.slice(0, -1) : dflt)
    : dflt.endsWith('/') ? dflt + nm : dflt + '/' + nm;
  return canonicalize(target);
}

export function defaultDirectory(rt: Runtime): string {
  const v = findSymbolValue(rt, Qdefault_directory);
  return stringp(v) ? jsString(rt, v) : '/';
}

DEFUN(
  'expand-file-name', 1, 2,
  'Make NAME an absolute file name without "." or ".." parts.\nA relative NAME is taken from DEFAULT-DIRECTORY, or from `default-directory\'; a leading ~ or ~USER stands for a home directory.',
  (rt, name: number, dflt: number) => expandFileNameL(rt, name, dflt),
);

/** `expand-file-name': a handler for NAME, or else for the directory it is taken from, does it when there is one. */
function expandFileNameL(rt: Runtime, name: number, dflt: number): number {
  const nm = checkString(rt, name);
  const handled = handlerCall(rt, Qexpand_file_name, [name, dflt === Qnil ? findSymbolValue(rt, Qdefault_directory) : dflt], [name, dflt]);
  if (handled !== undefined) return handled;
  const d = dflt === Qnil ? null : stringp(dflt) ? jsString(rt, dflt) : '/';
  return makeString(rt, expandFileName(rt, nm, d));
}

// ---- pure name functions -----------------------------------------------------------------

/** The bytes [FROM, TO) of string S as a new string of the same multibyteness (GNU's make_specified_string). */
function byteSlice(rt: Runtime, s: number, from: number, to: number, suffix = -1): number {
  const multibyte = stringMultibyte(rt, s);
  const extra = suffix >= 0 ? 1 : 0;
  let nchars = to - from + extra;
  if (multibyte) {
    nchars = extra;
    const u8 = rt.u8;
    const base = sdata(rt, s);
    for (let p = from; p < to; nchars++) p += u8[base + p]! < 0x80 ? 1 : charLenAt(u8[base + p]!);
  }
  const r = allocString(rt, nchars, to - from + extra, multibyte);
  const src = sdata(rt, s);
  const dst = sdata(rt, r);
  rt.u8.copyWithin(dst, src + from, src + to);
  if (extra) rt.u8[dst + to - from] = suffix;
  return r;
}

/** Byte offset just after the last slash of string S, or 0. (A slash byte never occurs inside a multibyte sequence.) */
function afterLastSlash(rt: Runtime, s: number): number {
  const base = sdata(rt, s);
  let p = sbytes(rt, s);
  while (p > 0 && rt.u8[base + p - 1] !== 0x2f) p--;
  return p;
}

function checkStringArg(rt: Runtime, x: number): void {
  if (!stringp(x)) wrongTypeArgument(rt, Qstringp, x);
}

DEFUN('file-name-directory', 1, 1, 'Give the directory part of FILENAME, up to its last slash, or nil when there is none.', (rt, f: number) => {
  checkStringArg(rt, f);
  const handled = handlerCall(rt, Qfile_name_directory, [f], [f]);
  if (handled !== undefined) return handled;
  const p = afterLastSlash(rt, f);
  return p === 0 ? Qnil : byteSlice(rt, f, 0, p);
});

DEFUN('file-name-nondirectory', 1, 1, 'Give FILENAME with its directory part taken off.', (rt, f: number) => {
  checkStringArg(rt, f);
  return handlerCall(rt, Qfile_name_nondirectory, [f], [f]) ?? byteSlice(rt, f, afterLastSlash(rt, f), sbytes(rt, f));
});

export function fileNameAsDirectory(s: string): string {
  if (s === '') return './';
  return s.endsWith('/') ? s : s + '/';
}

DEFUN('file-name-as-directory', 1, 1, 'Give FILE written as a directory name, ending in a slash ("./" for an empty name).', (rt, f: number) => {
  checkStringArg(rt, f);
  const handled = handlerCall(rt, Qfile_name_as_directory, [f], [f]);
  if (handled !== undefined) return handled;
  const n = sbytes(rt, f);
  if (n === 0) return makeString(rt, './');
  const endsWithSlash = rt.u8[sdata(rt, f) + n - 1] === 0x2f;
  return byteSlice(rt, f, 0, n, endsWithSlash ? -1 : 0x2f);
});

export function directoryFileName(s: string): string {
  let end = s.length;
  while (end > 1 && s[end - 1] === '/') end--;
  // "//" alone names a directory of its own on POSIX; three or more slashes are "/".
  if (end === 1 && s.length === 2 && s[0] === '/') return '//';
  return s.slice(0, end);
}

DEFUN('directory-file-name', 1, 1, 'Give DIRECTORY written as a file name, its trailing slashes dropped (the root keeps one).', (rt, f: number) => {
  checkStringArg(rt, f);
  const handled = handlerCall(rt, Qdirectory_file_name, [f], [f]);
  if (handled !== undefined) return handled;
  const n = sbytes(rt, f);
  const base = sdata(rt, f);
  let end = n;
  while (end > 1 && rt.u8[base + end - 1] === 0x2f) end--;
  if (end === 1 && n === 2 && rt.u8[base] === 0x2f) end = 2;
  return byteSlice(rt, f, 0, end);
});

DEFUN('directory-name-p', 1, 1, 'Tell whether NAME ends in a slash, the mark of a directory name.', (rt, f: number) => {
  const s = checkString(rt, f);
  return s.endsWith('/') ? Qt : Qnil;
});

DEFUN('file-name-absolute-p', 1, 1, 'Tell whether FILENAME is absolute: it begins with a slash, or with a ~ that names a home directory.', (rt, f: number) =>
  isAbsolute(rt, checkString(rt, f)) ? Qt : Qnil);

DEFUN(
  'file-name-concat', 1, MANY,
  'Join DIRECTORY and the COMPONENTS into one file name with a single slash between parts; nil and empty parts are left out.',
  (rt, args: number[]) => {
    const parts: number[] = [];
    for (const a of args) {
      if (a === Qnil) continue;
      checkString(rt, a);
      if (sbytes(rt, a) > 0) parts.push(a);
    }
    // Joined as `concat' joins, so that unibyte parts keep their raw bytes.
    const pieces: number[] = [];
    const slash = makeString(rt, '/');
    parts.forEach((p, i) => {
      pieces.push(p);
      if (i < parts.length - 1 && rt.u8[sdata(rt, p) + sbytes(rt, p) - 1] !== 0x2f) pieces.push(slash);
    });
    return concatToString(rt, pieces);
  },
);

// ---- substitute-in-file-name ---------------------------------------------------------------

/** Index where an absolute file name restarts inside NAME (after a slash), or -1. */
function embeddedAbsolute(rt: Runtime, name: string): number {
  // The last such start counts: what comes before it is dropped.
  for (let p = name.length - 1; p >= 1; p--) if (name[p - 1] === '/' && isAbsolute(rt, name.slice(p))) return p;
  return -1;
}

/** $VAR, ${VAR} and $$ as substitute-env-in-file-name does: undefined variables stay as written. */
function substituteEnv(rt: Runtime, s: string): string {
  return s.replace(/\$(?:([A-Za-z0-9_]+)|\{([^{}]+)\}|\$)/g, (m, a?: string, b?: string) => {
    const v = a ?? b;
    if (v === undefined) return '$';
    const val = lispGetenv(rt, v);
    return val === undefined ? m : val;
  });
}

DEFUN(
  'substitute-in-file-name', 1, 1,
  'Replace the environment variable references ($FOO, ${FOO}, $$ for a dollar) in FILENAME.\nWhere a\nor /~ starts a fresh absolute name, everything before it is dropped.',
  (rt, f: number) => {
    const orig = checkString(rt, f);
    const handled = handlerCall(rt, Qsubstitute_in_file_name, [f], [f]);
    if (handled !== undefined) return handled;
    let s = orig;
    const p = embeddedAbsolute(rt, s);
    let substituted = p >= 0;
    if (p >= 0) s = s.slice(p);
    const t = substituteEnv(rt, s);
    if (t !== s) substituted = true;
    if (!substituted) return f;
    const q = embeddedAbsolute(rt, t);
    return makeString(rt, q >= 0 ? t.slice(q) : t);
  },
);

// ---- file name handlers ----------------------------------------------------------------------

/**
 * The handler `file-name-handler-alist' gives for the Lisp string FILENAME and the operation OP,
 * or nil (GNU's Ffind_file_name_handler): of the entries whose regexp matches, case counting, the
 * one whose match starts last; a handler with an `operations' property handles only those, and
 * `inhibit-file-name-handlers' are passed over during `inhibit-file-name-operation'.
 */
export function findHandler(rt: Runtime, filename: number, op: number): number {
  const alist = findSymbolValue(rt, Qfile_name_handler_alist);
  if (!consp(alist)) return Qnil;
  const inhibited = op === findSymbolValue(rt, Qinhibit_file_name_operation) ? findSymbolValue(rt, Qinhibit_file_name_handlers) : Qnil;
  // Nothing below runs Lisp or collects: the values need no rooting.
  const regexps: number[] = [];
  const handlers: number[] = [];
  for (let l = alist; consp(l); l = xcdr(rt, l)) {
    const elt = xcar(rt, l);
    if (!consp(elt) || !stringp(xcar(rt, elt))) continue;
    regexps.push(xcar(rt, elt));
    handlers.push(xcdr(rt, elt));
  }
  const starts = matchStarts(rt, regexps, filename);
  let result = Qnil;
  let resultPos = -1;
  for (let i = 0; i < handlers.length; i++) {
    const handler = handlers[i]!;
    if (starts[i]! <= resultPos) continue;
    if ((handler & 7) === 0 && handler !== Qnil) {
      const ops = getProp(rt, handler, Qoperations);
      if (ops !== Qnil && !memq(rt, op, ops)) continue;
    }
    if (memq(rt, handler, inhibited)) continue;
    resultPos = starts[i]!;
    result = handler;
  }
  return result;
}

/**
 * What the handler regexps gave for the file names looked up lately: every file primitive looks
 * its names up, often the same names, so each name's match starts are kept while the regexps
 * are the same (the same strings, unchanged since; or, after a collection or a change of some
 * string in place, the same texts).
 */
interface HandlerMatches {
  regexps: number[];
  texts: string;
  epoch: number;
  gcs: number;
  byName: Map<string, Int32Array>;
}
const handlerMatches = defineWorldState<HandlerMatches>(() => ({ regexps: [], texts: '', epoch: -1, gcs: -1, byName: new Map() }));

/** Where each of REGEXPS (Lisp strings) first matches FILENAME, case counting; -1 where it does not. */
function matchStarts(rt: Runtime, regexps: number[], filename: number): Int32Array {
  const c = handlerMatches(rt);
  const same = c.epoch === rt.stringEpoch && c.gcs === rt.gcsDone && c.regexps.length === regexps.length
    && c.regexps.every((r, i) => r === regexps[i]);
  if (!same) {
    const texts = regexps.map((r) => `${stringMultibyte(rt, r) ? 'm' : 'u'}${jsString(rt, r)}`).join('\0');
    if (texts !== c.texts) {
      c.texts = texts;
      c.byName.clear();
    }
    c.regexps = regexps;
    c.epoch = rt.stringEpoch;
    c.gcs = rt.gcsDone;
  }
  const key = `${stringMultibyte(rt, filename) ? 'm' : 'u'}${jsString(rt, filename)}`;
  let starts = c.byName.get(key);
  if (starts === undefined) {
    const matchIn = stringMatcher(rt, filename);
    starts = Int32Array.from(regexps, (re) => matchIn(re));
    if (c.byName.size >= 512) c.byName.clear();
    c.byName.set(key, starts);
  }
  return starts;
}

DEFUN('find-file-name-handler', 2, 2, 'Find the handler that `file-name-handler-alist\' gives for FILENAME and OPERATION, or nil.',
  (rt, filename: number, operation: number) => {
    checkString(rt, filename);
    return findHandler(rt, filename, operation);
  });

/**
 * How a file primitive starts in GNU: when a handler is found for OP on one of NAMES (Lisp
 * strings, tried in order; others are skipped), the value of calling it with OP and ARGS;
 * undefined when there is none, and the primitive does the work itself.
 */
export function handlerCall(rt: Runtime, op: number, names: number[], args: number[]): number | undefined {
  if (findSymbolValue(rt, Qfile_name_handler_alist) === Qnil) return undefined;
  const sp = rt.sp;
  for (const a of args) rt.push(a);
  try {
    for (const n of names) {
      if (!stringp(n)) continue;
      const handler = findHandler(rt, n, op);
      if (handler !== Qnil) return funcall(rt, handler, [op, ...args]);
    }
    return undefined;
  } finally {
    rt.sp = sp;
  }
}

/** FILE (a Lisp string) made absolute by `expand-file-name', its handlers included. */
export function expandName(rt: Runtime, file: number, dir: number = Qnil): number {
  return expandFileNameL(rt, file, dir);
}

function memq(rt: Runtime, x: number, l: number): boolean {
  for (; consp(l); l = xcdr(rt, l)) if (xcar(rt, l) === x) return true;
  return false;
}
// The file operations (existence, deletion, links, copies, modes) are in fileio-ops.ts.

/**
 * FILE's name with every symbolic link along it followed, as `file-truename'. The name is walked
 * component by component and ".." means the parent of wherever the path so far leads, after its
 * links (so "link/.." is not "."); a link's target is walked the same way from the link's
 * directory. What does not exist stays as written, and a trailing slash stays.
 */
function truename(rt: Runtime, file: string): string {
  let name = file;
  if (name.startsWith('~')) {
    const slash = name.indexOf('/');
    name = expandFileName(rt, slash < 0 ? name : name.slice(0, slash), null) + (slash < 0 ? '' : name.slice(slash));
  }
  if (!name.startsWith('/')) name = fileNameAsDirectory(defaultDirectory(rt)) + name;
  if (!name.startsWith('/')) name = expandFileName(rt, name, null);
  const trailing = file !== '' && name.endsWith('/');
  let todo = name.split('/');
  const done: string[] = [];
  // A loop of links (a -> b -> a) would never end: after a hundred, it is an error, as in GNU.
  for (let hops = 0; todo.length > 0;) {
    const part = todo.shift()!;
    if (part === '' || part === '.') continue;
    if (part === '..') {
      done.pop();
      continue;
    }
    const here = '/' + [...done, part].join('/');
    const target = rt.host.readlink(unquote(here));
    if (target !== null && hops >= 100) error(rt, `Apparent cycle of symbolic links for ${expandFileName(rt, file, null)}`);
    if (target === null) {
      done.push(part);
      continue;
    }
    hops++;
    if (target.startsWith('/')) done.length = 0;
    todo = [...target.split('/'), ...todo];
  }
  const result = '/' + done.join('/');
  return trailing && result !== '/' ? result + '/' : result;
}

DEFUN('file-truename', 1, 3, 'Give the true name of FILENAME: expanded, with every symbolic link along it followed.\nParts that do not exist are kept as written. COUNTER and PREV-DIRS are accepted and ignored.', (rt, f: number, counter: number, prev: number) => {
  if (!stringp(f)) wrongTypeArgument(rt, Qarrayp, f);
  if (sbytes(rt, f) > 0 && findSymbolValue(rt, Qfile_name_handler_alist) !== Qnil) {
    const abs = expandName(rt, f);
    const handled = handlerCall(rt, Qfile_truename, [abs], counter === Qnil && prev === Qnil ? [abs] : [abs, counter, prev]);
    if (handled !== undefined) return handled;
  }
  return makeString(rt, truename(rt, jsString(rt, f)));
});

// ---- variables -----------------------------------------------------------------------------

const cwdAsDirectory = (rt: Runtime): number => makeStringFromUtf8(rt, new TextEncoder().encode(fileNameAsDirectory(rt.host.cwd())));
DEFVAR('default-directory', cwdAsDirectory,
  'The directory against which relative file names are expanded; it ends in a slash.');
// Every start, from an image too, begins in the process's working directory (GNU's init_buffer).
pdumperDoNowAndAfterLoad((rt) => setInternal(rt, Qdefault_directory, cwdAsDirectory(rt)));
DEFVAR('file-name-handler-alist', () => Qnil, 'Entries (REGEXP . HANDLER): file names matching REGEXP are handled by HANDLER.');
DEFVAR('inhibit-file-name-handlers', () => Qnil, 'Handlers that are skipped during `inhibit-file-name-operation\'.');
DEFVAR('inhibit-file-name-operation', () => Qnil, 'The file operation during which `inhibit-file-name-handlers\' are skipped.');
// Bound as in GNU; `insert-file-contents' and `write-region' do not run these hooks yet (docs/stdlib.md, "The variables GNU has bound at start-up").
DEFVAR('after-insert-file-functions', () => Qnil, 'Functions called with the inserted length after `insert-file-contents\' reads a file; each gives the new length.');
DEFVAR('write-region-annotate-functions', () => Qnil, 'Functions called with START and END before `write-region\' writes, each giving annotations to write.');
DEFVAR('write-region-annotations-so-far', () => Qnil, 'While `write-region-annotate-functions\' run, the annotations collected before the current function.');
DEFVAR('write-region-post-annotation-function', () => Qnil, 'A function `write-region\' calls once it has written the text of its annotations.');
DEFVAR('write-region-inhibit-fsync', () => Qt, 'Non-nil means files written are not forced to disk before `write-region\' returns.');
DEFVAR('delete-by-moving-to-trash', () => Qnil, 'Non-nil means file deletions called with a TRASH argument move the file to the trash.');

// ---- annotation sorting helper ----------------------------------------------------------------

DEFUN('car-less-than-car', 2, 2, 'Tell whether the car of A is a smaller number than the car of B.', (rt, a: number, b: number) => {
  // GNU takes B's car first, so a bad B is the error when both are bad.
  const cb = car(rt, b);
  const ca = car(rt, a);
  if (isFixnum(ca) && isFixnum(cb)) return ca < cb ? Qt : Qnil;
  return arithCompare(rt, ca, cb, CMP_LESS) ? Qt : Qnil;
});
