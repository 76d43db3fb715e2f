// Lock files, as GNU's filelock.c makes them: editing a buffer that visits FILE first leaves a
// symbolic link DIR/.#NAME whose target says who edits it, "USER@HOST.PID"; saving, marking the
// buffer unmodified, killing it or leaving Emacs takes the link away again. Another session's
// link is a conflict for `ask-user-about-lock' (userlock, in Lisp), which batch mode cannot
// settle.
//
// The file operations go through the Lisp primitives (make-symbolic-link, file-symlink-p,
// delete-file), so they get the host's errors and quoted-name handling like any other caller.

import type { Runtime } from '../core/runtime.ts';
import { BUF_MODIFF, BUF_SAVE_MODIFF } from '../heap/layout.ts';
import { Lisp_Cons, fixnumValue } from '../heap/tags.ts';
import { jsString, list, makeString, stringp, xcar, xcdr } from '../core/object.ts';
import { DEFSYM, Qnil, Qstringp, Qt } from '../core/symbols.ts';
import { DEFUN, DEFVAR } from '../core/subr.ts';
import { LispSignal, wrongTypeArgument, xsignal } from '../core/signal.ts';
import { findSymbolValue, funcall, localizedValue } from './eval.ts';
import { bint, bufferLive, currentBuffer, lockHooks } from './buffer.ts';

const Qcreate_lockfiles = DEFVAR('create-lockfiles', () => Qt, 'Non-nil means editing a visited file leaves a lock file .#NAME beside it.');
const Qbuffer_file_truename = DEFSYM('buffer-file-truename');
const Qbuffer_file_name_fl = DEFSYM('buffer-file-name');
const Qexpand_file_name_fl = DEFSYM('expand-file-name');
const Qmake_symbolic_link_fl = DEFSYM('make-symbolic-link');
const Qfile_symlink_p_fl = DEFSYM('file-symlink-p');
const Qdelete_file_fl = DEFSYM('delete-file');
const Qask_user_about_lock = DEFSYM('ask-user-about-lock');
const Qhandle_unlock_error = DEFSYM('userlock--handle-unlock-error');
const Qfile_already_exists_fl = DEFSYM('file-already-exists');
const Qfile_error_fl = DEFSYM('file-error');
const Quser_login_name_fl = DEFSYM('user-login-name');
const Qsystem_name_fl = DEFSYM('system-name');
const Qemacs_pid_fl = DEFSYM('emacs-pid');

/** This session's mark in a lock: USER@HOST.PID. */
function ownLockText(rt: Runtime): string {
  const user = funcall(rt, Quser_login_name_fl, []);
  const host = funcall(rt, Qsystem_name_fl, []);
  const pid = fixnumValue(funcall(rt, Qemacs_pid_fl, []));
  return `${stringp(user) ? jsString(rt, user) : ''}@${stringp(host) ? jsString(rt, host) : ''}.${pid}`;
}

/** The expanded FILE and the name of its lock, .#NAME in the same directory. */
function lockNames(rt: Runtime, file: number): { full: string; lock: string } {
  const full = jsString(rt, funcall(rt, Qexpand_file_name_fl, [file]));
  const slash = full.lastIndexOf('/');
  return { full, lock: `${full.slice(0, slash + 1)}.#${full.slice(slash + 1)}` };
}

/** The target of the lock link LOCK, or null when there is none (or it is no link). */
function readLock(rt: Runtime, lock: string): string | null {
  const target = funcall(rt, Qfile_symlink_p_fl, [makeString(rt, lock)]);
  return stringp(target) ? jsString(rt, target) : null;
}

/** A lock's owner parts, USER, HOST and PID; null when TEXT has not that form. */
function parseLock(text: string): { user: string; host: string; pid: string } | null {
  const at = text.lastIndexOf('@');
  if (at < 0) return null;
  const rest = text.slice(at + 1);
  const colon = rest.indexOf(':');
  const hostPid = colon < 0 ? rest : rest.slice(0, colon);
  const dot = hostPid.lastIndexOf('.');
  if (dot < 0 || !/^[0-9]+$/.test(hostPid.slice(dot + 1))) return null;
  return { user: text.slice(0, at), host: hostPid.slice(0, dot), pid: hostPid.slice(dot + 1) };
}

function isFileErrorSignal(rt: Runtime, e: unknown): e is LispSignal {
  if (!(e instanceof LispSignal)) return false;
  const conds = funcall(rt, DEFSYM('get'), [e.symbol, DEFSYM('error-conditions')]);
  return funcall(rt, DEFSYM('memq'), [Qfile_error_fl, conds]) !== Qnil;
}

/** Lock FILE for this session (GNU's lock_file), asking `ask-user-about-lock' when another session holds it. */
function lockFile(rt: Runtime, file: number): void {
  if (findSymbolValue(rt, Qcreate_lockfiles) === Qnil) return;
  const { full, lock } = lockNames(rt, file);
  const mine = ownLockText(rt);
  const make = (force: boolean): boolean => {
    try {
      funcall(rt, Qmake_symbolic_link_fl, [makeString(rt, mine), makeString(rt, lock), force ? Qt : Qnil]);
      return true;
    } catch (e) {
      if (e instanceof LispSignal && e.symbol === Qfile_already_exists_fl) return false;
      // A directory that is missing or closed to us gets no lock, and the edit goes on.
      if (isFileErrorSignal(rt, e)) return true;
      throw e;
    }
  };
  if (make(false)) return;
  const held = readLock(rt, lock);
  if (held === null || held === mine) return;
  const owner = parseLock(held);
  const who = owner ? `${owner.user}@${owner.host} (pid ${owner.pid})` : held;
  const steal = funcall(rt, Qask_user_about_lock, [makeString(rt, full), makeString(rt, who)]);
  if (steal !== Qnil) make(true);
}

/** Take away FILE's lock when it is this session's (GNU's unlock_file); errors go to `userlock--handle-unlock-error'. */
function unlockFile(rt: Runtime, file: number): void {
  const { lock } = lockNames(rt, file);
  try {
    if (readLock(rt, lock) === ownLockText(rt)) funcall(rt, Qdelete_file_fl, [makeString(rt, lock)]);
  } catch (e) {
    if (!isFileErrorSignal(rt, e)) throw e;
    funcall(rt, Qhandle_unlock_error, [funcall(rt, DEFSYM('cons'), [e.symbol, e.data])]);
  }
}

/** The truename a buffer B locks under, or nil when it visits no file. */
function lockedName(rt: Runtime, b: number): number {
  const truename = localizedValue(rt, Qbuffer_file_truename, b);
  if (!stringp(truename) || localizedValue(rt, Qbuffer_file_name_fl, b) === Qnil) return Qnil;
  return truename;
}

const modified = (rt: Runtime, b: number): boolean => bint(rt, b, BUF_SAVE_MODIFF) < bint(rt, b, BUF_MODIFF);

/** Called before the first change of the unmodified current buffer B (insdel and textprop, through prepareToModify). */
export function lockOnFirstChange(rt: Runtime, b: number): void {
  const name = lockedName(rt, b);
  if (name !== Qnil) lockFile(rt, name);
}

/** Called when the current buffer B's modified flag is about to become MAKE-MODIFIED: lock or unlock as the flag changes. */
export function lockForFlag(rt: Runtime, b: number, makeModified: boolean): void {
  if (makeModified === modified(rt, b)) return;
  const name = lockedName(rt, b);
  if (name === Qnil) return;
  if (makeModified) lockFile(rt, name);
  else unlockFile(rt, name);
}

/** Called when the modified buffer B stops being edited (killed, or saved): its lock goes. */
export function unlockBufferOf(rt: Runtime, b: number): void {
  if (!modified(rt, b)) return;
  const truename = localizedValue(rt, Qbuffer_file_truename, b);
  if (stringp(truename)) unlockFile(rt, truename);
}

lockHooks.forFlag = lockForFlag;
lockHooks.unlock = unlockBufferOf;

/**
 * At exit: every modified buffer's lock goes, as GNU's unlock_all_files. It runs at the top
 * level (the command line puts the nesting counts back when an action ends, errors included).
 */
export function unlockAllFiles(rt: Runtime): void {
  for (let l = funcall(rt, DEFSYM('buffer-list'), []); (l & 7) === Lisp_Cons; l = xcdr(rt, l)) {
    const b = xcar(rt, l);
    try {
      if (bufferLive(rt, b)) unlockBufferOf(rt, b);
    } catch {
      // Leaving must not fail over a lock.
    }
  }
}

DEFUN('lock-file', 1, 1, 'Lock FILE for this session: make the link .#NAME beside it, asking `ask-user-about-lock\' when another session has one.\nNothing is done when `create-lockfiles\' is nil.', (rt, file: number) => {
  if (!stringp(file)) wrongTypeArgument(rt, Qstringp, file);
  lockFile(rt, file);
  return Qnil;
});

DEFUN('unlock-file', 1, 1, 'Remove the lock this session holds on FILE; a lock another session holds stays.', (rt, file: number) => {
  if (!stringp(file)) wrongTypeArgument(rt, Qstringp, file);
  unlockFile(rt, file);
  return Qnil;
});

DEFUN('file-locked-p', 1, 1, 'Tell who locks FILE: nil for nobody, t for this session, else the name of the user whose session holds the lock.', (rt, file: number) => {
  if (!stringp(file)) wrongTypeArgument(rt, Qstringp, file);
  const { lock } = lockNames(rt, file);
  const held = readLock(rt, lock);
  if (held === null) return Qnil;
  if (held === ownLockText(rt)) return Qt;
  const owner = parseLock(held);
  if (owner === null) return xsignal(Qfile_error_fl, list(rt, makeString(rt, 'Testing file lock'), makeString(rt, 'Invalid argument'), file));
  return makeString(rt, owner.user);
});

DEFUN('lock-buffer', 0, 1, 'Lock FILE (by default the file the current buffer visits) when the current buffer is modified.', (rt, file: number) => {
  const b = currentBuffer(rt);
  if (file !== Qnil && !stringp(file)) wrongTypeArgument(rt, Qstringp, file);
  const name = file === Qnil ? localizedValue(rt, Qbuffer_file_truename, b) : file;
  if (stringp(name) && modified(rt, b)) lockFile(rt, name);
  return Qnil;
});

DEFUN('unlock-buffer', 0, 0, 'Remove the lock on the file the current buffer visits, when the buffer is modified.', (rt) => {
  unlockBufferOf(rt, currentBuffer(rt));
  return Qnil;
});
