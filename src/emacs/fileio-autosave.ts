// Auto-saving: do-auto-save and the buffer tick it keeps (GNU fileio.c's auto-save half).
//
// A buffer carries BUF_AUTOSAVE_MODIFF, the modification tick of its last auto-save (0: never;
// an indirect buffer has its own, and do-auto-save passes indirect buffers over). A buffer is due when it has an auto-save file name, changed since both its last save
// and its last auto-save, and its `buffer-saved-size' is not negative (negative turns auto-saving
// off for it). The file names and `auto-save-mode' are Lisp (lisp/files.el); nothing here runs on
// a timer: in batch, as in GNU, auto-saving happens only when do-auto-save is called.

import { BUF_AUTOSAVE_MODIFF, BUF_BASE_BUFFER, BUF_MODIFF, BUF_SAVE_MODIFF, BUF_Z } from '../heap/layout.ts';
import { isFixnum, fixnumValue, makeFixnum } from '../heap/tags.ts';
import { cons, consp, jsString, makeString, stringp, xcar, xcdr } from '../core/object.ts';
import { expandFileName } from './fileio.ts';
import type { Runtime } from '../core/runtime.ts';
import { DEFUN, DEFVAR } from '../core/subr.ts';
import { DEFSYM, Qnil, Qt, Qunbound } from '../core/symbols.ts';
import { G_BUFFER_LIST, beforeKillBufferHook, bint, bslot, bufferLive, currentBuffer, setBint, setCurrentBuffer } from './buffer.ts';
import { call1, call3, evalTop, findSymbolValue, runHookWithArgs, setInternal } from './eval.ts';
import { localBindingCell } from './buffer-locals.ts';
import { readFromString } from './lread.ts';

const Qbuffer_auto_save_file_name = DEFSYM('buffer-auto-save-file-name');
const Qbuffer_saved_size = DEFSYM('buffer-saved-size');
const Qbuffer_file_name = DEFSYM('buffer-file-name');
const Qauto_save = DEFSYM('auto-save');
const QCerror = DEFSYM(':error');
const Qmessage = DEFSYM('message');
const Qformat = DEFSYM('format');
const Qdisplay_warning = DEFSYM('display-warning');
const Qerror_message_string = DEFSYM('error-message-string');
const Qauto_save_file = DEFSYM('files--auto-save-target');

const Qauto_save_hook = DEFVAR('auto-save-hook', () => Qnil, 'Functions that do-auto-save runs, with no arguments, before it writes anything.');
const Qauto_save_list_file_name = DEFVAR('auto-save-list-file-name', () => Qnil,
  'When a file name, do-auto-save writes there which files it auto-saves: for each buffer the visited file (or an empty line) and then its auto-save file, a line each.');
DEFVAR('auto-save-visited-file-name', () => Qnil, 'Non-nil means a buffer\'s auto-save goes to its visited file instead of a separate auto-save file.');
const Qauto_save_no_message = DEFVAR('auto-save-no-message', () => Qnil, 'Non-nil means do-auto-save works without its "Auto-saving..." messages.');
DEFVAR('auto-save-include-big-deletions', () => Qnil, 'Non-nil means a buffer that shrank a lot is auto-saved like any other.');
DEFVAR('auto-save-interval', () => makeFixnum(300), 'How many input events between auto-saves; 0 means none are made for that reason.');
DEFVAR('auto-save-timeout', () => makeFixnum(30), 'Seconds of idleness after which to auto-save; nil or 0 means never for that reason.');

const isSet = (v: number): boolean => v !== Qnil && v !== Qunbound;

/** BUF's own value of a variable that every buffer has a binding of. */
function bufferValue(rt: Runtime, buf: number, sym: number): number {
  const cell = localBindingCell(rt, buf, sym);
  return cell === Qnil ? findSymbolValue(rt, sym) : xcdr(rt, cell);
}

const changedSinceAutoSave = (rt: Runtime, b: number): boolean =>
  bint(rt, b, BUF_AUTOSAVE_MODIFF) < bint(rt, b, BUF_MODIFF) && bint(rt, b, BUF_SAVE_MODIFF) < bint(rt, b, BUF_MODIFF);

/** The buffers do-auto-save looks at: the live ones in buffer-list order (or just the current one), indirect ones left out. */
function candidates(rt: Runtime, currentOnly: boolean): number[] {
  if (currentOnly) return [currentBuffer(rt)];
  const out: number[] = [];
  for (let l = rt.globals[G_BUFFER_LIST]!; consp(l); l = xcdr(rt, l)) {
    const b = xcar(rt, l);
    const base = bslot(rt, b, BUF_BASE_BUFFER);
    if (bufferLive(rt, b) && (base === Qnil || base === Qt)) out.push(b);
  }
  return out;
}

/** Write the list of auto-save files to FILE (auto-save-list-file-name): visited name (or nothing) and auto-save name per buffer. */
function writeAutoSaveList(rt: Runtime, file: number, buffers: number[]): void {
  let text = '';
  for (const b of buffers) {
    const name = bufferValue(rt, b, Qbuffer_auto_save_file_name);
    if (!stringp(name)) continue;
    const visited = bufferValue(rt, b, Qbuffer_file_name);
    text += `${stringp(visited) ? jsString(rt, visited) : ''}\n${jsString(rt, name)}\n`;
  }
  try {
    rt.host.writeFile(expandFileName(rt, jsString(rt, file), null), new TextEncoder().encode(text));
  } catch {
    // GNU goes on auto-saving when the list cannot be written.
  }
}


DEFUN('do-auto-save', 0, 2,
  'Write every buffer that changed since its last save and its last auto-save to its auto-save file.\nNO-MESSAGE non-nil (or `auto-save-no-message\') means without the "Auto-saving..." messages; CURRENT-ONLY non-nil means only the current buffer. The value is nil.',
  (rt, noMessage: number, currentOnly: number) => {
    const sp = rt.sp;
    const old = currentBuffer(rt);
    rt.push(old);
    try {
      runHookWithArgs(rt, Qauto_save_hook, [], null);
      const buffers = candidates(rt, currentOnly !== Qnil);
      const list = findSymbolValue(rt, Qauto_save_list_file_name);
      if (stringp(list)) writeAutoSaveList(rt, list, buffers);
      const quiet = noMessage !== Qnil || isSet(findSymbolValue(rt, Qauto_save_no_message));
      let announced = false;
      // GNU leaves out "done" when a buffer could not be written.
      let failed = false;
      for (const b of buffers) {
        if (!bufferLive(rt, b)) continue;
        const file = bufferValue(rt, b, Qbuffer_auto_save_file_name);
        const saved = bufferValue(rt, b, Qbuffer_saved_size);
        if (!stringp(file) || !changedSinceAutoSave(rt, b) || (isFixnum(saved) && fixnumValue(saved) < 0)) continue;
        if (!quiet && !announced) {
          call1(rt, Qmessage, makeString(rt, 'Auto-saving...'));
          announced = true;
        }
        setCurrentBuffer(rt, b);
        const err = writeAutoSave(rt, file);
        // A failed write counts as an auto-save too (GNU's recent-auto-save-p says t after it, and
        // the saved size is the buffer's), so do-auto-save does not retry until the buffer changes.
        setBint(rt, b, BUF_AUTOSAVE_MODIFF, bint(rt, b, BUF_MODIFF));
        setInternal(rt, Qbuffer_saved_size, makeFixnum(bint(rt, b, BUF_Z) - 1));
        if (err !== Qnil) {
          const what = call1(rt, Qerror_message_string, err);
          rt.push(what);
          const msg = call3(rt, Qformat, makeString(rt, 'Auto-saving %s: %s'), bslot(rt, b, 0), what);
          call3(rt, Qdisplay_warning, Qauto_save, msg, QCerror);
          failed = true;
        }
        setCurrentBuffer(rt, old);
      }
      if (announced && !failed) call1(rt, Qmessage, makeString(rt, 'Auto-saving...done'));
    } finally {
      if (bufferLive(rt, old)) setCurrentBuffer(rt, old);
      rt.sp = sp;
    }
    return Qnil;
  }, '');

/** Write the whole current buffer to FILE quietly; nil, or the error (SYMBOL . DATA) that stopped it. */
function writeAutoSave(rt: Runtime, file: number): number {
  // The write runs under a real condition-case, so a failed auto-save of one buffer is reported
  // and the next one is still written, as GNU does.
  const form = readFromString(rt, makeString(rt,
    '(condition-case err (save-restriction (widen) (write-region nil nil files--auto-save-target nil (quote nomessage)) nil) (error err))')).obj;
  rt.push(form);
  return evalTop(rt, form, cons(rt, cons(rt, Qauto_save_file, file), cons(rt, Qt, Qnil)));
}

DEFUN('recent-auto-save-p', 0, 0, 'Give t when the current buffer was auto-saved since it was last read in or saved.', (rt) => {
  const b = currentBuffer(rt);
  return bint(rt, b, BUF_SAVE_MODIFF) < bint(rt, b, BUF_AUTOSAVE_MODIFF) ? Qt : Qnil;
});

DEFUN('set-buffer-auto-saved', 0, 0, 'Count the current buffer as auto-saved as it is now: no auto-save is written for it until it changes again.', (rt) => {
  const b = currentBuffer(rt);
  setBint(rt, b, BUF_AUTOSAVE_MODIFF, bint(rt, b, BUF_MODIFF));
  setInternal(rt, Qbuffer_saved_size, makeFixnum(bint(rt, b, BUF_Z) - 1));
  return Qnil;
});


const Qkill_buffer_delete_auto_save_files = DEFVAR('kill-buffer-delete-auto-save-files', () => Qnil,
  'Non-nil means killing a modified buffer that was auto-saved since its last save asks whether to delete its auto-save file.');
const Qyes_or_no_p_autosave = DEFSYM('yes-or-no-p');
const Qdelete_file_autosave = DEFSYM('delete-file');
const Qfile_exists_p_autosave = DEFSYM('file-exists-p');

// As GNU's kill-buffer: with the option on, a buffer with unsaved changes whose auto-save file
// (existing, written since the last save) would be left behind asks before it dies.
beforeKillBufferHook((rt, b) => {
  if (findSymbolValue(rt, Qkill_buffer_delete_auto_save_files) === Qnil) return;
  const name = bufferValue(rt, b, Qbuffer_auto_save_file_name);
  if (!stringp(name)) return;
  const modiff = bint(rt, b, BUF_MODIFF);
  const saved = bint(rt, b, BUF_SAVE_MODIFF);
  if (!(saved < modiff && saved < bint(rt, b, BUF_AUTOSAVE_MODIFF))) return;
  rt.push(name);
  try {
    if (call1(rt, Qfile_exists_p_autosave, name) === Qnil) return;
    if (call1(rt, Qyes_or_no_p_autosave, makeString(rt, 'Delete auto-save file? ')) !== Qnil) call1(rt, Qdelete_file_autosave, name);
  } finally {
    rt.sp--;
  }
});
