// Reading directories and file attributes (GNU dired.c): directory-files, directory-files-and-attributes, file-attributes, directory-empty-p, file-name-all-completions.

import { fixnumValue, isFixnum, makeFixnum } from '../heap/tags.ts';
import { cons, consp, jsString, listFromArray, makeInteger, makeString, stringp, xcar } from '../core/object.ts';
import type { Runtime } from '../core/runtime.ts';
import { wrongTypeArgument } from '../core/signal.ts';
import { DEFUN, primitiveNamed } from '../core/subr.ts';
import type { FileStatus } from '../host/host.ts';
import { DEFSYM, Qlistp, Qnil, Qstringp, Qt } from '../core/symbols.ts';
import { call2, findSymbolValue, specbind, unbindTo } from './eval.ts';
import { directoryFileName, expandFileName, expandName, fileNameAsDirectory, handlerCall, unquote } from './fileio.ts';
import { fileStatus, reportFileErrno, reportHostError } from './fileio-ops.ts';

const Qwholenump = DEFSYM('wholenump');
const Qstring_match_p = DEFSYM('string-match-p');
const Qdirectory_files = DEFSYM('directory-files');
const Qdirectory_files_and_attributes = DEFSYM('directory-files-and-attributes');
const Qdirectory_empty_p = DEFSYM('directory-empty-p');
const Qfile_attributes = DEFSYM('file-attributes');
const Qfile_name_all_completions = DEFSYM('file-name-all-completions');
const Qinteger = DEFSYM('integer');
const Qcase_fold_search = DEFSYM('case-fold-search');
const Qcompletion_ignore_case = DEFSYM('completion-ignore-case');

function checkString(rt: Runtime, x: number): string {
  if (!stringp(x)) wrongTypeArgument(rt, Qstringp, x);
  return jsString(rt, x);
}

/** `string-lessp' on file names: by code point (JS's < compares UTF-16 units, which differs past U+FFFF). */
export function nameLess(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n;) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x - y;
    i += x > 0xffff ? 2 : 1;
  }
  return a.length - b.length;
}

/**
 * The names in DIRECTORY that MATCH (a regexp, case counts) as GNU's directory_files_internal
 * lists them: "." and ".." included, at most COUNT of them in the order the system gives, then
 * sorted, or with NOSORT reversed (where the system puts "." and ".." is not known here: they
 * come first). Gives the expanded directory as a directory name and the names.
 */
function listNames(rt: Runtime, directory: number, match: number, nosort: number, count: number): { dir: string; names: string[] } {
  const given = checkString(rt, directory);
  if (count !== Qnil && !(isFixnum(count) && fixnumValue(count) >= 0)) wrongTypeArgument(rt, Qwholenump, count);
  if (match !== Qnil) checkString(rt, match);
  const limit = count === Qnil ? Infinity : fixnumValue(count);
  const expanded = unquote(expandFileName(rt, given, null));
  const dir = directoryFileName(expanded);
  let all: string[];
  try {
    all = rt.host.listDirectory(unquote(dir));
  } catch (e) {
    return reportHostError(rt, 'Opening directory', e, [dir]);
  }
  const names: string[] = [];
  if (limit > 0) {
    const sp = rt.sp;
    const depth = rt.specCount;
    rt.push(match);
    // The match counts case whatever `case-fold-search' says, as GNU's.
    specbind(rt, Qcase_fold_search, Qnil);
    try {
      for (const name of all) {
        if (match !== Qnil) {
          const s = makeString(rt, name);
          rt.push(s);
          const hit = call2(rt, Qstring_match_p, match, s);
          rt.sp--;
          if (hit === Qnil) continue;
        }
        names.push(name);
        if (names.length >= limit) break;
      }
    } finally {
      unbindTo(rt, depth);
      rt.sp = sp;
    }
  }
  // GNU conses each name onto its list as the system reads it, so an unsorted list is that order reversed.
  if (nosort === Qnil) names.sort(nameLess);
  else names.reverse();
  return { dir: fileNameAsDirectory(expanded), names };
}

DEFUN('directory-files', 1, 5,
  'List the files in DIRECTORY, "." and ".." included, sorted by name.\nFULL: give absolute names. MATCH: only names this regexp matches (case counts). NOSORT: in the order the system lists them. COUNT: at most that many names (counted before sorting).',
  (rt, directory: number, full: number, match: number, nosort: number, count: number) => {
    checkString(rt, directory);
    const abs = expandName(rt, directory);
    const handled = handlerCall(rt, Qdirectory_files, [abs], [abs, full, match, nosort, count]);
    if (handled !== undefined) return handled;
    const { dir, names } = listNames(rt, abs, match, nosort, count);
    return listFromArray(rt, names.map((n) => makeString(rt, full !== Qnil ? dir + n : n)));
  });

DEFUN('directory-files-and-attributes', 1, 6,
  'List the files in DIRECTORY as `directory-files\' does, each as (NAME . ATTRIBUTES), the attributes as `file-attributes\' gives them with ID-FORMAT.',
  (rt, directory: number, full: number, match: number, nosort: number, idFormat: number, count: number) => {
    checkString(rt, directory);
    const abs = expandName(rt, directory);
    const handled = handlerCall(rt, Qdirectory_files_and_attributes, [abs], [abs, full, match, nosort, idFormat, count]);
    if (handled !== undefined) return handled;
    const { dir, names } = listNames(rt, abs, match, nosort, count);
    const entries: number[] = [];
    for (const n of names) {
      const st = fileStatus(rt, dir + n, true);
      const attrs = st === null ? Qnil : attributesList(rt, dir + n, st, idFormat);
      entries.push(cons(rt, makeString(rt, full !== Qnil ? dir + n : n), attrs));
    }
    return listFromArray(rt, entries);
  });

DEFUN('directory-empty-p', 1, 1, 'Tell whether DIRECTORY is an existing directory that holds no files (hidden ones count) but "." and "..".', (rt, directory: number) => {
  checkString(rt, directory);
  const abs = expandName(rt, directory);
  const handled = handlerCall(rt, Qdirectory_empty_p, [abs], [abs]);
  if (handled !== undefined) return handled;
  const dir = directoryFileName(unquote(checkString(rt, abs)));
  if (fileStatus(rt, dir)?.kind !== 'dir') return Qnil;
  try {
    return rt.host.listDirectory(unquote(dir)).every((n) => n === '.' || n === '..') ? Qt : Qnil;
  } catch {
    return Qnil;
  }
});

// ---- file-attributes -----------------------------------------------------------------------

/** A time in nanoseconds as GNU 28's (HIGH LOW USEC PSEC). */
function timeList(rt: Runtime, ns: bigint): number {
  let sec = ns / 1_000_000_000n;
  let rest = ns % 1_000_000_000n;
  if (rest < 0n) {
    rest += 1_000_000_000n;
    sec -= 1n;
  }
  const high = sec >> 16n;
  return listFromArray(rt, [
    makeInteger(rt, high), makeFixnum(Number(sec - (high << 16n))), makeFixnum(Number(rest / 1000n)), makeFixnum(Number(rest % 1000n) * 1000),
  ]);
}

/** The name of user or group ID in the password or group file, or null. */
function idName(rt: Runtime, file: '/etc/passwd' | '/etc/group', id: number): string | null {
  const bytes = rt.host.readFile(unquote(file));
  if (bytes === null) return null;
  for (const line of new TextDecoder().decode(bytes).split('\n')) {
    const f = line.split(':');
    if (f.length >= 3 && f[2] === String(id)) return f[0]!;
  }
  return null;
}

/** ls's ten-character mode string: the type letter, then rwx for each class with set-id and sticky bits folded in. */
export function modeString(mode: number): string {
  const type = mode & 0o170000;
  const t = type === 0o040000 ? 'd' : type === 0o120000 ? 'l' : type === 0o020000 ? 'c' : type === 0o060000 ? 'b'
    : type === 0o010000 ? 'p' : type === 0o140000 ? 's' : '-';
  const bit = (m: number, c: string): string => (mode & m ? c : '-');
  const exec = (x: number, special: number, on: string, off: string): string =>
    mode & special ? (mode & x ? on : off) : (mode & x ? 'x' : '-');
  return t + bit(0o400, 'r') + bit(0o200, 'w') + exec(0o100, 0o4000, 's', 'S')
    + bit(0o040, 'r') + bit(0o020, 'w') + exec(0o010, 0o2000, 's', 'S')
    + bit(0o004, 'r') + bit(0o002, 'w') + exec(0o001, 0o1000, 't', 'T');
}

function attributesList(rt: Runtime, name: string, st: FileStatus, idFormat: number): number {
  let type = Qnil;
  if (st.kind === 'dir') type = Qt;
  else if (st.kind === 'symlink') {
    const target = rt.host.readlink(unquote(name));
    type = target === null ? Qnil : makeString(rt, target);
  }
  const owner = (file: '/etc/passwd' | '/etc/group', id: number): number => {
    // Anything but nil and `integer' asks for names, as GNU reads ID-FORMAT.
    if (idFormat !== Qnil && idFormat !== Qinteger) {
      const n = idName(rt, file, id);
      if (n !== null) return makeString(rt, n);
    }
    return makeInteger(rt, id);
  };
  return listFromArray(rt, [
    type, makeInteger(rt, st.nlink), owner('/etc/passwd', st.uid), owner('/etc/group', st.gid),
    timeList(rt, st.atimeNs), timeList(rt, st.mtimeNs), timeList(rt, st.ctimeNs), makeInteger(rt, st.size),
    makeString(rt, modeString(st.mode)), Qt, makeInteger(rt, st.ino), makeInteger(rt, st.dev),
  ]);
}

DEFUN('file-attributes', 1, 2,
  'Give the attributes of FILENAME (of a symbolic link itself), or nil when it does not exist:\n(TYPE LINKS UID GID ATIME MTIME CTIME SIZE MODES t INODE DEVICE). TYPE is t for a directory, the target for a link, nil otherwise; times are (HIGH LOW USEC PSEC). ID-FORMAT `string\' gives the owner and group as names. Use the `file-attribute-...\' accessors to read them.',
  (rt, filename: number, idFormat: number) => {
    // A name that cannot be expanded has no attributes, as in GNU.
    if (!stringp(filename)) return Qnil;
    const abs = expandName(rt, filename);
    const handled = handlerCall(rt, Qfile_attributes, [abs], idFormat === Qnil ? [abs] : [abs, idFormat]);
    if (handled !== undefined) return handled;
    const name = unquote(checkString(rt, abs));
    const st = fileStatus(rt, name, true);
    if (st === null) {
      const code = rt.host.lastErrorCode ?? 'ENOENT';
      if (code === 'ENOENT' || code === 'ENOTDIR' || code === '') return Qnil;
      return reportFileErrno(rt, 'Getting attributes', code, [name]);
    }
    return attributesList(rt, name, st, idFormat);
  });

DEFUN('file-name-all-completions', 2, 2,
  'List the names in DIRECTORY that begin with FILE (case ignored when `completion-ignore-case\'), directories with a slash after them.\n"./" and "../" count as names too.',
  (rt, file: number, directory: number) => {
    const prefix = checkString(rt, file);
    checkString(rt, directory);
    const abs = expandName(rt, directory);
    const handled = handlerCall(rt, Qfile_name_all_completions, [abs, file], [file, abs]);
    if (handled !== undefined) return handled;
    const dir = directoryFileName(unquote(checkString(rt, abs)));
    let all: string[];
    try {
      all = rt.host.listDirectory(unquote(dir));
    } catch (e) {
      return reportHostError(rt, 'Opening directory', e, [dir]);
    }
    const fold = findSymbolValue(rt, Qcompletion_ignore_case) !== Qnil;
    const want = fold ? prefix.toLowerCase() : prefix;
    const out: number[] = [];
    // Newest first, as GNU conses them while reading.
    for (const name of all.slice().reverse()) {
      if (!(fold ? name.toLowerCase() : name).startsWith(want)) continue;
      const isDir = fileStatus(rt, dir + '/' + name)?.kind === 'dir';
      out.push(makeString(rt, isDir ? name + '/' : name));
    }
    return listFromArray(rt, out);
  });

DEFUN('file-attributes-lessp', 2, 2, 'Tell whether the file attributes entry F1 (a list whose car is a file name) sorts before F2, comparing the names with `string-lessp\'.', (rt, f1: number, f2: number) => {
  if (f2 !== Qnil && !consp(f2)) wrongTypeArgument(rt, Qlistp, f2);
  if (f1 !== Qnil && !consp(f1)) wrongTypeArgument(rt, Qlistp, f1);
  const name = (f: number): number => (f === Qnil ? Qnil : xcar(rt, f));
  return primitiveNamed('string-lessp')!.fn(rt, name(f1), name(f2));
});

/** The first fields of the lines of the system file PATH, last line first, as the C library's walk over it gives them back pushed on a list. */
function systemNames(rt: Runtime, path: string): number {
  const bytes = rt.host.readFile(path);
  const names: number[] = [];
  if (bytes !== null) {
    for (const line of new TextDecoder().decode(bytes).split('\n')) {
      const name = line.split(':')[0]!;
      if (name !== '' && !name.startsWith('#')) names.push(makeString(rt, name));
    }
  }
  return listFromArray(rt, names.reverse());
}

DEFUN('system-users', 0, 0, 'Give the names of the system\'s user accounts, as a list of strings.', (rt) => {
  const users = systemNames(rt, '/etc/passwd');
  if (users !== Qnil) return users;
  const login = rt.host.getenv('LOGNAME') ?? rt.host.getenv('USER');
  return login === undefined ? Qnil : cons(rt, makeString(rt, login), Qnil);
});

DEFUN('system-groups', 0, 0, 'Give the names of the system\'s user groups, as a list of strings.', (rt) => systemNames(rt, '/etc/group'));
