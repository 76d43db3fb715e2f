// File operations on the file system (the rest of GNU fileio.c): existence and access tests, deleting, renaming, copying, links, modes and times, all through the host's file operations.

import { fixnumValue, isFixnum, makeFixnum } from '../heap/tags.ts';
import { jsString, listFromArray, makeInteger, makeString, stringp } from '../core/object.ts';
import type { Runtime } from '../core/runtime.ts';
import { wrongTypeArgument, xsignal } from '../core/signal.ts';
import { DEFUN } from '../core/subr.ts';
import type { FileStatus } from '../host/host.ts';
import { DEFSYM, Qfile_already_exists, Qfile_error, Qfile_missing, Qnil, Qstringp, Qt } from '../core/symbols.ts';
import { directoryFileName, expandFileName, expandName, handlerCall, unquote } from './fileio.ts';
import { decodeTime } from './timefns.ts';

const Qpermission_denied = DEFSYM('permission-denied');
const Qfixnump = DEFSYM('fixnump');
const Qnofollow = DEFSYM('nofollow');

/** strerror's text for the errno names the host reports (files and sockets), as glibc words them. */
export const errnoTexts: Record<string, string> = {
  ENOENT: 'No such file or directory', EACCES: 'Permission denied', EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory', EEXIST: 'File exists', ENOTEMPTY: 'Directory not empty',
  EXDEV: 'Invalid cross-device link', EPERM: 'Operation not permitted', EBUSY: 'Device or resource busy',
  ELOOP: 'Too many levels of symbolic links', ENAMETOOLONG: 'File name too long', EROFS: 'Read-only file system',
  EINVAL: 'Invalid argument', EMLINK: 'Too many links', ENOSPC: 'No space left on device', EBADF: 'Bad file descriptor',
  EIO: 'Input/output error', ETXTBSY: 'Text file busy', EFBIG: 'File too large', EDQUOT: 'Disk quota exceeded',
  ECONNREFUSED: 'Connection refused', EADDRINUSE: 'Address already in use', EADDRNOTAVAIL: 'Cannot assign requested address',
  ECONNRESET: 'Connection reset by peer', ETIMEDOUT: 'Connection timed out', EHOSTUNREACH: 'No route to host',
  ENETUNREACH: 'Network is unreachable', ENOTSOCK: 'Socket operation on non-socket', ECONNABORTED: 'Software caused connection abort',
};

/** The errno name of a failed host operation ("" when it carries none). */
export function errnoCode(e: unknown): string {
  return (e as { code?: string } | null)?.code ?? '';
}

/** strerror's text for a failed host operation. */
export function errnoMessage(rt: Runtime, e: unknown): string {
  const code = errnoCode(e);
  return errnoTexts[code] ?? (rt.host.lastError || (e instanceof Error ? e.message : String(e)));
}

/** strerror's text for an errno name. */
export function codeMessage(code: string): string {
  return errnoTexts[code] ?? code;
}

/** GNU's report_file_errno: (SYMBOL ACTION REASON NAMES...), the symbol chosen by the errno. */
export function reportFileErrno(rt: Runtime, action: string, code: string, names: string[], text = codeMessage(code)): never {
  const sym = code === 'ENOENT' ? Qfile_missing : code === 'EEXIST' ? Qfile_already_exists
    : code === 'EACCES' ? Qpermission_denied : Qfile_error;
  const data = [makeString(rt, action), makeString(rt, text), ...names.map((n) => makeString(rt, n))];
  return xsignal(sym, listFromArray(rt, data));
}

/** Signal the file error a host exception E stands for. */
export function reportHostError(rt: Runtime, action: string, e: unknown, names: string[]): never {
  return reportFileErrno(rt, action, errnoCode(e), names, errnoMessage(rt, e));
}

function checkString(rt: Runtime, x: number): string {
  if (!stringp(x)) wrongTypeArgument(rt, Qstringp, x);
  return jsString(rt, x);
}

/**
 * FILENAME expanded, as the system is to be given it: a quoted name loses its "/:", as GNU's
 * `file-name-non-special' handler passes the operation on (so results and errors name it unquoted).
 */
const expandArg = (rt: Runtime, f: number): string => unquote(expandFileName(rt, checkString(rt, f), null));

/**
 * The primitive OP on the file F, begun as GNU begins it: F is expanded (by its handlers too),
 * and a handler for OP on that name, when there is one, does the work, given the name and EXTRA;
 * else ACT does, given the name as the system takes it (a quoting "/:" dropped).
 */
function onFile(rt: Runtime, op: number, f: number, extra: number[], act: (name: string) => number): number {
  checkString(rt, f);
  const abs = expandName(rt, f);
  const handled = handlerCall(rt, op, [abs], [abs, ...extra]);
  return handled !== undefined ? handled : act(unquote(checkString(rt, abs)));
}

/**
 * onFile for the operations on two files (FILE and NEWNAME, both expanded): a handler for
 * either does the work; ACT gets FILE's name as the system takes it and NEWNAME expanded.
 */
function onTwoFiles(rt: Runtime, op: number, f: number, g: number, extra: number[], act: (from: string, to: string) => number): number {
  checkString(rt, f);
  checkString(rt, g);
  const sp = rt.sp;
  const a = expandName(rt, f);
  rt.push(a);
  try {
    const b = expandName(rt, g);
    const handled = handlerCall(rt, op, [a, b], [a, b, ...extra]);
    return handled !== undefined ? handled : act(unquote(checkString(rt, a)), checkString(rt, b));
  } finally {
    rt.sp = sp;
  }
}

const Qfile_exists_p = DEFSYM('file-exists-p');
const Qfile_readable_p = DEFSYM('file-readable-p');
const Qfile_executable_p = DEFSYM('file-executable-p');
const Qfile_directory_p = DEFSYM('file-directory-p');
const Qfile_regular_p = DEFSYM('file-regular-p');
const Qfile_accessible_directory_p = DEFSYM('file-accessible-directory-p');
const Qfile_symlink_p = DEFSYM('file-symlink-p');
const Qaccess_file = DEFSYM('access-file');
const Qfile_newer_than_file_p = DEFSYM('file-newer-than-file-p');
const Qfile_name_case_insensitive_p = DEFSYM('file-name-case-insensitive-p');
const Qfile_system_info = DEFSYM('file-system-info');
const Qdelete_file = DEFSYM('delete-file');
const Qmake_directory_internal = DEFSYM('make-directory-internal');
const Qrename_file = DEFSYM('rename-file');
const Qadd_name_to_file = DEFSYM('add-name-to-file');
const Qmake_symbolic_link = DEFSYM('make-symbolic-link');
const Qcopy_file = DEFSYM('copy-file');
const Qfile_modes = DEFSYM('file-modes');
const Qset_file_modes = DEFSYM('set-file-modes');
const Qset_file_times = DEFSYM('set-file-times');
const Qfile_acl = DEFSYM('file-acl');
const Qset_file_acl = DEFSYM('set-file-acl');
const Qfile_selinux_context = DEFSYM('file-selinux-context');
const Qset_file_selinux_context = DEFSYM('set-file-selinux-context');

/** The status of NAME through the host, following a final link unless NOFOLLOW; null when there is none. */
export const fileStatus = (rt: Runtime, name: string, nofollow = false): FileStatus | null => rt.host.fileStatus(unquote(name), nofollow);

/** Whether this process may access NAME in MODE (POSIX access bits). */
const accessible = (rt: Runtime, name: string, mode: number): boolean => rt.host.accessCode(unquote(name), mode) === null;

// ---- existence and access ------------------------------------------------------------------

DEFUN('file-exists-p', 1, 1, 'Tell whether a file of any kind is called FILENAME (a symbolic link counts when what it points to exists).', (rt, f: number) =>
  onFile(rt, Qfile_exists_p, f, [], (name) => accessible(rt, name, 0) ? Qt : Qnil));

DEFUN('file-readable-p', 1, 1, 'Tell whether FILENAME exists and this process may read it.', (rt, f: number) =>
  onFile(rt, Qfile_readable_p, f, [], (name) => accessible(rt, name, 4) ? Qt : Qnil));

DEFUN('file-executable-p', 1, 1, 'Tell whether FILENAME exists and this process may execute it (for a directory: search it).', (rt, f: number) =>
  onFile(rt, Qfile_executable_p, f, [], (name) => accessible(rt, name, 1) ? Qt : Qnil));

DEFUN('file-directory-p', 1, 1, 'Tell whether FILENAME is an existing directory (or a symbolic link to one).', (rt, f: number) =>
  onFile(rt, Qfile_directory_p, f, [], (name) => fileStatus(rt, name)?.kind === 'dir' ? Qt : Qnil));

DEFUN('file-regular-p', 1, 1, 'Tell whether FILENAME is an existing regular file (or a symbolic link to one).', (rt, f: number) =>
  onFile(rt, Qfile_regular_p, f, [], (name) => fileStatus(rt, name)?.kind === 'file' ? Qt : Qnil));

DEFUN('file-accessible-directory-p', 1, 1, 'Tell whether FILENAME is a directory whose files this process may open (it may search it).', (rt, f: number) =>
  onFile(rt, Qfile_accessible_directory_p, f, [], (name) => fileStatus(rt, name)?.kind === 'dir' && accessible(rt, name, 1) ? Qt : Qnil));

DEFUN('file-symlink-p', 1, 1, 'Give the target of FILENAME when it is a symbolic link, as the link holds it; nil otherwise.', (rt, f: number) =>
  onFile(rt, Qfile_symlink_p, f, [], (name) => {
    const target = rt.host.readlink(name);
    return target === null ? Qnil : makeString(rt, target);
  }));

DEFUN('access-file', 2, 2, 'Signal a file error, whose message starts with STRING, unless FILENAME exists and may be read.', (rt, f: number, string: number) => {
  const given = checkString(rt, f);
  return onFile(rt, Qaccess_file, f, [string], (name) => {
    const what = checkString(rt, string);
    const code = rt.host.accessCode(name, 4);
    if (code !== null) reportFileErrno(rt, what, code, [given]);
    return Qnil;
  });
});

DEFUN('file-newer-than-file-p', 2, 2, 'Tell whether FILE1 was changed more recently than FILE2; also t when only FILE1 exists.', (rt, f1: number, f2: number) =>
  onTwoFiles(rt, Qfile_newer_than_file_p, f1, f2, [], (name1, name2) => {
    const s1 = fileStatus(rt, name1);
    const s2 = fileStatus(rt, name2);
    if (s1 === null) return Qnil;
    if (s2 === null) return Qt;
    return s1.mtimeNs > s2.mtimeNs ? Qt : Qnil;
  }));

DEFUN('file-name-case-insensitive-p', 1, 1,
  'Tell whether file names are looked up without regard to case where FILENAME is (the nearest existing directory decides).\nThe host file systems this runs on (POSIX) tell case apart, so this is nil.',
  (rt, f: number) => onFile(rt, Qfile_name_case_insensitive_p, f, [], () => Qnil));

DEFUN('file-system-info', 1, 1, 'Give the total, free and available bytes of the file system that holds FILENAME, a list of three; nil when that cannot be found.', (rt, f: number) =>
  onFile(rt, Qfile_system_info, f, [], (name) => {
    const info = rt.host.statfs(name);
    if (info === null) return Qnil;
    return listFromArray(rt, [makeInteger(rt, info.total), makeInteger(rt, info.free), makeInteger(rt, info.avail)]);
  }));

// ---- deleting, renaming, linking -----------------------------------------------------------

DEFUN('delete-file', 1, 2, 'Remove the file FILENAME (a symbolic link itself, not what it points to); doing nothing when it does not exist.\nTRASH is accepted: there is no trash to move it to.', (rt, f: number, trash: number) =>
  onFile(rt, Qdelete_file, f, [trash], (name) => {
    const link = fileStatus(rt, name, true);
    if (link !== null && link.kind === 'dir') {
      xsignal(Qfile_error, listFromArray(rt, [makeString(rt, 'Removing old name: is a directory'), f]));
    }
    try {
      rt.host.unlink(name);
    } catch (e) {
      if (errnoCode(e) !== 'ENOENT') reportHostError(rt, 'Removing old name', e, [name]);
    }
    return Qnil;
  }), '(list (read-file-name (if (and delete-by-moving-to-trash (null current-prefix-arg)) "Move file to trash: " "Delete file: ") nil default-directory (confirm-nonexistent-file-or-buffer)) (null current-prefix-arg))');

DEFUN('delete-directory-internal', 1, 1, 'Remove the empty directory DIRECTORY.', (rt, d: number) => {
  const name = directoryFileName(expandArg(rt, d));
  try {
    rt.host.rmdir(unquote(name));
  } catch (e) {
    reportHostError(rt, 'Removing directory', e, [name]);
  }
  return Qnil;
});

DEFUN('make-directory-internal', 1, 1, 'Create the directory DIRECTORY (its parent must exist), with the default modes.', (rt, d: number) =>
  onFile(rt, Qmake_directory_internal, d, [], (name) => {
  try {
    rt.host.mkdir(name, 0o777);
  } catch (e) {
    // An existing name is reported without the action, as GNU words it.
    if (errnoCode(e) === 'EEXIST') xsignal(Qfile_already_exists, listFromArray(rt, [makeString(rt, 'File exists'), makeString(rt, name)]));
    reportHostError(rt, 'Creating directory', e, [name]);
  }
  return Qnil;
  }));

/** GNU's expand_cp_target: a directory name as target means FILE's last name inside it. */
function cpTarget(rt: Runtime, file: string, newname: string): string {
  if (newname.endsWith('/')) {
    const f = directoryFileName(file);
    return unquote(expandFileName(rt, f.slice(f.lastIndexOf('/') + 1), expandFileName(rt, newname, null)));
  }
  return unquote(expandFileName(rt, newname, null));
}

const alreadyExists = (rt: Runtime, target: string): never =>
  xsignal(Qfile_already_exists, listFromArray(rt, [makeString(rt, 'File already exists'), makeString(rt, target)]));

/**
 * OK-IF-ALREADY-EXISTS nil means an existing target is an error. A number asks the user in GNU;
 * there is no one to ask in batch, so it refuses as nil does.
 */
const refuses = (ok: number): boolean => ok === Qnil || isFixnum(ok);

DEFUN('rename-file', 2, 3,
  'Give FILE the name NEWNAME, moving it into NEWNAME when that is a directory name.\nAn existing NEWNAME signals `file-already-exists\' unless OK-IF-ALREADY-EXISTS is non-nil.',
  (rt, file: number, newname: number, ok: number) => onTwoFiles(rt, Qrename_file, file, newname, [ok], (from, target) => {
    const to = cpTarget(rt, from, target);
    if (fileStatus(rt, from, true) === null) reportFileErrno(rt, 'Renaming', rt.host.lastErrorCode || 'ENOENT', [from, to]);
    const existing = fileStatus(rt, to, true);
    if (existing !== null && refuses(ok)) alreadyExists(rt, to);
    try {
      rt.host.rename(unquote(from), unquote(to));
    } catch (e) {
      reportHostError(rt, 'Renaming', e, [from, to]);
    }
    return Qnil;
  }), 'fRename file: \nGRename %s to file: \np');

DEFUN('add-name-to-file', 2, 3,
  'Give the file FILE the further name NEWNAME (a hard link), inside NEWNAME when that is a directory name.\nAn existing NEWNAME signals `file-already-exists\' unless OK-IF-ALREADY-EXISTS is non-nil, which replaces it.',
  (rt, file: number, newname: number, ok: number) => onTwoFiles(rt, Qadd_name_to_file, file, newname, [ok], (from, target) => {
    const to = cpTarget(rt, from, target);
    const link = (): void => rt.host.link(unquote(from), unquote(to));
    try {
      link();
    } catch (e) {
      if (errnoCode(e) !== 'EEXIST') reportHostError(rt, 'Adding new name', e, [from, to]);
      if (refuses(ok)) alreadyExists(rt, to);
      try {
        rt.host.unlink(unquote(to));
        link();
      } catch (e2) {
        reportHostError(rt, 'Adding new name', e2, [from, to]);
      }
    }
    return Qnil;
  }), 'fAdd name to file: \nGName to add to %s: \np');

DEFUN('make-symbolic-link', 2, 3,
  'Make LINKNAME a symbolic link whose text is TARGET (taken as written), inside LINKNAME when that is a directory name.\nAn existing LINKNAME signals `file-already-exists\' unless OK-IF-ALREADY-EXISTS is non-nil, which replaces it.',
  (rt, target: number, linkname: number, ok: number) => {
    const text = checkString(rt, target);
    checkString(rt, linkname);
    const sp = rt.sp;
    const abs = expandName(rt, linkname);
    rt.push(abs);
    const handled = handlerCall(rt, Qmake_symbolic_link, [target, abs], [target, abs, ok]);
    rt.sp = sp;
    if (handled !== undefined) return handled;
    const to = cpTarget(rt, text, checkString(rt, abs));
    const make = (): void => rt.host.symlink(text, unquote(to));
    try {
      make();
    } catch (e) {
      if (errnoCode(e) !== 'EEXIST') reportHostError(rt, 'Making symbolic link', e, [text, to]);
      if (refuses(ok)) alreadyExists(rt, to);
      try {
        rt.host.unlink(unquote(to));
        make();
      } catch (e2) {
        reportHostError(rt, 'Making symbolic link', e2, [text, to]);
      }
    }
    return Qnil;
  }, 'FMake symbolic link to file: \nGMake symbolic link to file %s: \np');

DEFUN('copy-file', 2, 6,
  'Copy FILE to NEWNAME, or into NEWNAME when that is a directory name.\nAn existing NEWNAME signals `file-already-exists\' unless OK-IF-ALREADY-EXISTS is non-nil; it is then overwritten and keeps its modes. KEEP-TIME gives the copy FILE\'s modification time; PRESERVE-PERMISSIONS its modes (a new copy otherwise gets FILE\'s permission bits less the default mask). PRESERVE-UID-GID is accepted: the copy belongs to this process\'s user.',
  (rt, file: number, newname: number, ok: number, keepTime: number, uidGid: number, preservePerms: number) =>
    onTwoFiles(rt, Qcopy_file, file, newname, [ok, keepTime, uidGid, preservePerms], (from, target) => {
    const to = cpTarget(rt, from, target);
    const st = fileStatus(rt, from);
    if (st === null) reportFileErrno(rt, 'Opening input file', rt.host.lastErrorCode || 'ENOENT', [from]);
    const out = fileStatus(rt, to);
    if (out !== null && refuses(ok)) alreadyExists(rt, to);
    if (st.kind === 'dir') reportFileErrno(rt, 'Non-regular file', 'EISDIR', [from]);
    if (out !== null && out.ino === st.ino && out.dev === st.dev) {
      xsignal(Qfile_error, listFromArray(rt, [makeString(rt, 'Input and output files are the same'), makeString(rt, 'Success'), makeString(rt, from), makeString(rt, to)]));
    }
    if (out !== null && out.kind === 'dir') reportFileErrno(rt, 'Opening output file', 'EISDIR', [to]);
    try {
      rt.host.copyFile(unquote(from), unquote(to), false, st.mode & 0o777);
    } catch (e) {
      const where = errnoCode(e) === 'ENOENT' && fileStatus(rt, from) === null ? 'Opening input file' : 'Opening output file';
      reportHostError(rt, where, e, [where === 'Opening input file' ? from : to]);
    }
    try {
      if (preservePerms !== Qnil) rt.host.chmod(unquote(to), st.mode & 0o7777);
      if (keepTime !== Qnil) rt.host.utimes(unquote(to), nsToSeconds(st.atimeNs), nsToSeconds(st.mtimeNs), false);
    } catch (e) {
      reportHostError(rt, keepTime !== Qnil ? 'Resetting file times' : 'Doing chmod', e, [to]);
    }
    return Qnil;
  }), 'fCopy file: \nGCopy %s to file: \np\nP');

const nsToSeconds = (ns: bigint): number => Number(ns / 1000n) / 1e6;

// ---- modes and times -----------------------------------------------------------------------

DEFUN('file-modes', 1, 2, 'Give the mode bits of FILENAME (permissions, set-id and sticky bits), or nil when it does not exist.\nWith FLAG `nofollow\', a symbolic link\'s own modes.', (rt, f: number, flag: number) =>
  onFile(rt, Qfile_modes, f, [flag], (name) => {
    const st = fileStatus(rt, name, flag === Qnofollow);
    return st === null ? Qnil : makeFixnum(st.mode & 0o7777);
  }));

DEFUN('set-file-modes', 2, 3, 'Set the mode bits of FILENAME to MODE (an integer). FLAG `nofollow\' is accepted; a link\'s own modes cannot be changed here, so it acts on the link\'s target.', (rt, f: number, mode: number, flag: number) =>
  onFile(rt, Qset_file_modes, f, [mode, flag], (name) => {
    if (!isFixnum(mode)) wrongTypeArgument(rt, Qfixnump, mode);
    try {
      rt.host.chmod(name, fixnumValue(mode) & 0o7777);
    } catch (e) {
      reportHostError(rt, 'Doing chmod', e, [name]);
    }
    return Qnil;
  }), '(let ((file (read-file-name "File: "))) (list file (read-file-modes nil file)))');

DEFUN('default-file-modes', 0, 0, 'Give the mode bits new files get by default: the permissions the file-creation mask leaves.', (rt) =>
  makeFixnum(~rt.host.umask() & 0o777));

DEFUN('set-default-file-modes', 1, 1, 'Set the mode bits new files get by default to MODE: the file-creation mask becomes its complement.', (rt, mode: number) => {
  if (!isFixnum(mode)) wrongTypeArgument(rt, Qfixnump, mode);
  rt.host.umask(~fixnumValue(mode) & 0o777);
  return Qnil;
});

DEFUN('set-file-times', 1, 3,
  'Set the access and modification times of FILENAME to TIMESTAMP (a Lisp time; nil means now); give t.\nWith FLAG `nofollow\', a symbolic link\'s own times.',
  (rt, f: number, timestamp: number, flag: number) => onFile(rt, Qset_file_times, f, [timestamp, flag], (name) => {
    const t = decodeTime(rt, timestamp);
    const seconds = 'float' in t ? t.float : Number(t.ticks) / Number(t.hz);
    try {
      rt.host.utimes(unquote(name), seconds, seconds, flag === Qnofollow);
    } catch (e) {
      reportHostError(rt, 'Setting file times', e, [name]);
    }
    return Qt;
  }));

// ---- access control lists and security contexts ---------------------------------------------------
// tsmacs reads no extended attributes: a file's ACL is the one its mode bits make (the three
// entries every file has), and SELinux is taken to be off, as on most systems.

/** "rwx" for the three permission bits of BITS. */
const permText = (bits: number): string => `${bits & 4 ? 'r' : '-'}${bits & 2 ? 'w' : '-'}${bits & 1 ? 'x' : '-'}`;

DEFUN('file-acl', 1, 1, 'Give the access control list of FILENAME in its textual form, or nil when the file cannot be read for one.', (rt, f: number) =>
  onFile(rt, Qfile_acl, f, [], (name) => {
    const st = rt.host.fileStatus(name, false);
    if (st === null) return Qnil;
    const m = st.mode;
    return makeString(rt, `user::${permText(m >> 6)}\ngroup::${permText(m >> 3)}\nother::${permText(m)}\n`);
  }));

/** The permission bits an ACL text of only the user, group and other entries stands for, or null. */
function aclToMode(text: string): number | null {
  const shifts: Record<string, number> = { 'user::': 6, 'group::': 3, 'other::': 0 };
  let mode = 0;
  const seen = new Set<string>();
  for (const line of text.split('\n')) {
    const entry = line.replace(/#.*/, '').trim();
    if (entry === '') continue;
    const m = /^(user::|group::|other::)([r-][w-][x-])$/.exec(entry);
    if (m === null) return null;
    seen.add(m[1]!);
    const p = m[2]!;
    mode |= ((p[0] === 'r' ? 4 : 0) | (p[1] === 'w' ? 2 : 0) | (p[2] === 'x' ? 1 : 0)) << shifts[m[1]!]!;
  }
  return seen.size === 3 ? mode : null;
}

DEFUN('set-file-acl', 2, 2, 'Give FILENAME the access control list ACL-STRING (in the form `file-acl\' gives); t when it took, nil otherwise.', (rt, f: number, acl: number) => onFile(rt, Qset_file_acl, f, [acl], (name) => {
  if (!stringp(acl)) return Qnil;
  const mode = aclToMode(jsString(rt, acl));
  if (mode === null) return Qnil;
  const st = rt.host.fileStatus(name, false);
  if (st === null) return reportFileErrno(rt, 'Setting ACL', 'ENOENT', [name]);
  try {
    rt.host.chmod(name, (st.mode & 0o7000) | mode);
  } catch (e) {
    reportHostError(rt, 'Setting ACL', e, [name]);
  }
  return Qt;
}));

DEFUN('file-selinux-context', 1, 1, 'Give the SELinux context of FILENAME as (USER ROLE TYPE RANGE): all nil, as SELinux is not in use.', (rt, f: number) =>
  onFile(rt, Qfile_selinux_context, f, [], () => listFromArray(rt, [Qnil, Qnil, Qnil, Qnil])));

DEFUN('set-file-selinux-context', 2, 2, 'Give FILENAME the SELinux CONTEXT; nil, as SELinux is not in use and nothing is changed.', (rt, f: number, context: number) => onFile(rt, Qset_file_selinux_context, f, [context], () => Qnil));

DEFUN('next-read-file-uses-dialog-p', 0, 0, 'Tell whether the next file name read would be asked with a dialog box: never in a session without a window system.', () => Qnil);

DEFUN('unix-sync', 0, 0, 'Ask the system to write its buffered file data to the disks.', () => Qnil, '');

const Qstdin = DEFSYM('stdin');
const Qstdout = DEFSYM('stdout');
const Qstderr = DEFSYM('stderr');
const Qerror = DEFSYM('error');

DEFUN('set-binary-mode', 2, 2, 'Switch the standard stream STREAM (stdin, stdout or stderr) to binary MODE or back; on this system the two are the same, so nothing changes, and the value is t.', (rt, stream: number) => {
  if (stream !== Qstdin && stream !== Qstdout && stream !== Qstderr)
    xsignal(Qerror, listFromArray(rt, [makeString(rt, 'unsupported stream'), stream]));
  return Qt;
});
