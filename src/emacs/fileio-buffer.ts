// Files into and out of buffers: insert-file-contents(-literally) and write-region (GNU fileio.c's buffer half).
//
// Decoding follows what GNU 28.2 does under a UTF-8 locale with no coding cookie: pure ASCII is
// `undecided', valid UTF-8 is `utf-8', anything else `iso-latin-1', each with the end-of-line
// convention detected from the first line end (CRLF: -dos, lone CR: -mac, else -unix). The byte
// work is the string coders' (coding.ts), reached through `decode-coding-string' and
// `encode-coding-string', so the two stay one implementation.

import { fixnumValue, isFixnum, makeFixnum } from '../heap/tags.ts';
import {
  BUF_BEGV, BUF_MODIFF, BUF_PT, BUF_SAVE_MODIFF, BUF_Z, BUF_ZV,
} from '../heap/layout.ts';
import { jsString, stringChars, listFromArray, makeString, makeUnibyteString, stringBytes, stringp, symbolNameJs, symbolp } from '../core/object.ts';
import type { Runtime } from '../core/runtime.ts';
import { error, wrongTypeArgument, xsignal } from '../core/signal.ts';
import { DEFUN, DEFVAR } from '../core/subr.ts';
import {
  DEFSYM, Qfile_already_exists, Qfile_error, Qfile_missing, Qnil, Qstringp, Qt, Qunbound,
} from '../core/symbols.ts';
import { intern } from '../core/obarray.ts';
import { bint, currentBuffer, setBint } from './buffer.ts';
import { setPoint } from './editfns.ts';
import { call2, call3, findSymbolValue, setInternal } from './eval.ts';
import { expandFileName } from './fileio.ts';
import { bufferSubstring, deleteRange, insertString, validateRegion } from './insdel.ts';

const Qcoding_system_for_read = DEFSYM('coding-system-for-read');
const Qcoding_system_for_write = DEFSYM('coding-system-for-write');
const Qlast_coding_system_used = DEFSYM('last-coding-system-used');
const Qbuffer_file_coding_system = DEFSYM('buffer-file-coding-system');
const Qbuffer_file_name = DEFSYM('buffer-file-name');
const Qdecode_coding_string = DEFSYM('decode-coding-string');
const Qencode_coding_string = DEFSYM('encode-coding-string');
const Qno_conversion = DEFSYM('no-conversion');
const Qexcl = DEFSYM('excl');
const Qsubstring = DEFSYM('substring');
const Qpermission_denied = DEFSYM('permission-denied');
const Qfile_offset = DEFSYM('file-offset');

DEFVAR('coding-system-for-read', () => Qnil, 'When non-nil, the coding system that file reads use instead of detecting one.');
DEFVAR('coding-system-for-write', () => Qnil, 'When non-nil, the coding system that file writes use.');
DEFVAR('last-coding-system-used', () => Qnil, 'The coding system the most recent file read or write used.');

/** Signal GNU's report_file_errno shape: (SYMBOL ACTION REASON FILE). */
function fileError(rt: Runtime, action: string, reason: string, file: string): never {
  const sym = reason === 'No such file or directory' ? Qfile_missing
    : reason === 'File exists' ? Qfile_already_exists
      : reason === 'Permission denied' ? Qpermission_denied : Qfile_error;
  return xsignal(sym, listFromArray(rt, [makeString(rt, action), makeString(rt, reason), makeString(rt, file)]));
}

function hostReason(rt: Runtime, e: unknown): string {
  const code = (e as { code?: string } | null)?.code ?? '';
  const known: Record<string, string> = {
    ENOENT: 'No such file or directory', EACCES: 'Permission denied', EISDIR: 'Is a directory',
    ENOTDIR: 'Not a directory', EEXIST: 'File exists', EPERM: 'Operation not permitted', ENOSPC: 'No space left on device',
    EROFS: 'Read-only file system',
  };
  return known[code] ?? (e instanceof Error ? e.message : String(e));
}

/**
 * Whether GNU's utf-8 detector accepts BYTES: each lead byte must be followed by continuation bytes
 * (10xxxxxx) as many as its form asks (up to the 5-byte form); running out of input in the middle of
 * a sequence still counts as UTF-8, as the file may have been cut short. Overlong forms and
 * surrogates pass detection; the decoder deals with them.
 */
function detectUtf8(bytes: Uint8Array): boolean {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const c = bytes[i++]!;
    if (c < 0x80) continue;
    // The number of continuation bytes the lead byte announces (0xf8..0xfb: four; others: none fit).
    const need = c >= 0xc0 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf8 ? 3 : c >= 0xf8 && c < 0xfc ? 4 : 5;
    for (let k = 0; k < need; k++) {
      if (i >= n) return true;
      if ((bytes[i++]! & 0xc0) !== 0x80) return false;
      if (k === 3 && need === 5) return false;
    }
  }
  return true;
}

/** The line-end convention of BYTES, null when there is no line end: any lone LF means unix, else any CRLF dos, else mac. */
function detectEol(bytes: Uint8Array): 'unix' | 'dos' | 'mac' | null {
  let lf = false;
  let crlf = false;
  let cr = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 10) lf = true;
    else if (b === 13) {
      if (bytes[i + 1] === 10) {
        crlf = true;
        i++;
      } else cr = true;
    }
  }
  return lf ? 'unix' : crlf ? 'dos' : cr ? 'mac' : null;
}

const hasEolSuffix = (name: string): boolean => /-(unix|dos|mac)$/.test(name);

/** The coding system to decode BYTES with: coding-system-for-read (its line ends detected when it leaves them open), or the detected one. */
function readCoding(rt: Runtime, bytes: Uint8Array): number {
  const eol = detectEol(bytes);
  const withEol = (name: string): number => intern(rt, eol === null ? name : `${name}-${eol}`);
  const forced = findSymbolValue(rt, Qcoding_system_for_read);
  if (forced !== Qnil && symbolp(forced)) {
    const name = symbolNameJs(rt, forced);
    if (hasEolSuffix(name) || name === 'no-conversion' || name === 'binary') return forced;
    return withEol(name);
  }
  let ascii = true;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0) return Qno_conversion; // a null byte marks a binary file
    if (bytes[i]! >= 0x80) ascii = false;
  }
  return withEol(ascii ? 'undecided' : detectUtf8(bytes) ? 'utf-8' : 'iso-latin-1');
}

function checkPos(rt: Runtime, x: number): number {
  if (x === Qnil) return -1;
  if (!isFixnum(x)) wrongTypeArgument(rt, Qfile_offset, x);
  return fixnumValue(x);
}

function insertFileContents(rt: Runtime, filename: number, visit: number, beg: number, end: number, replace: number, literal: boolean): number {
  if (!stringp(filename)) wrongTypeArgument(rt, Qstringp, filename);
  const file = expandFileName(rt, jsString(rt, filename), null);
  const start = checkPos(rt, beg);
  const stop = checkPos(rt, end);
  if (visit !== Qnil && (start >= 0 || stop >= 0)) error(rt, 'Attempt to visit less than an entire file');
  const b = currentBuffer(rt);
  if (visit !== Qnil && replace === Qnil && bint(rt, b, BUF_Z) > 1) error(rt, 'Cannot do file visiting in a non-empty buffer');
  const st = rt.host.stat(file);
  if (st === null) {
    if (visit !== Qnil) setInternal(rt, Qbuffer_file_name, makeString(rt, file));
    return fileError(rt, 'Opening input file', rt.host.lastError || 'No such file or directory', file);
  }
  if (st.kind === 'dir') fileError(rt, 'Read error', 'Is a directory', file);
  const bytes = rt.host.readFileRange(file, Math.max(0, start), stop >= 0 ? stop : null);
  if (bytes === null) return fileError(rt, 'Opening input file', rt.host.lastError, file);
  const sp = rt.sp;
  try {
    const coding = literal ? Qno_conversion : readCoding(rt, bytes);
    rt.push(coding);
    const raw = makeUnibyteString(rt, bytes);
    rt.push(raw);
    const text = call2(rt, Qdecode_coding_string, raw, coding);
    rt.push(text);
    let inserted: number;
    if (replace !== Qnil) inserted = replaceAccessible(rt, b, text);
    else {
      const pt = bint(rt, b, BUF_PT);
      const before = bint(rt, b, BUF_Z);
      insertString(rt, text, false, false);
      inserted = bint(rt, b, BUF_Z) - before;
      setPoint(rt, pt);
    }
    if (visit !== Qnil) {
      setInternal(rt, Qbuffer_file_name, makeString(rt, file));
      setBint(rt, b, BUF_SAVE_MODIFF, bint(rt, b, BUF_MODIFF));
      setInternal(rt, Qbuffer_file_coding_system, coding);
    }
    setInternal(rt, Qlast_coding_system_used, coding);
    return listFromArray(rt, [makeString(rt, file), makeFixnum(inserted)]);
  } finally {
    rt.sp = sp;
  }
}

/**
 * REPLACE: keep the head and tail the accessible text shares with TEXT and replace only the
 * middle; give the number of characters inserted (0 when equal).
 */
function replaceAccessible(rt: Runtime, b: number, text: number): number {
  const begv = bint(rt, b, BUF_BEGV);
  const zv = bint(rt, b, BUF_ZV);
  const sp = rt.sp;
  try {
    const old = bufferSubstring(rt, b, begv, zv, false);
    rt.push(old);
    const a = stringChars(rt, old);
    const t = stringChars(rt, text);
    let head = 0;
    while (head < a.length && head < t.length && a[head] === t[head]) head++;
    let tail = 0;
    while (tail < a.length - head && tail < t.length - head && a[a.length - 1 - tail] === t[t.length - 1 - tail]) tail++;
    if (head === a.length && head === t.length) return 0;
    const from = begv + head;
    // Point moves as it would with the deletion and then an insertion before it.
    deleteRange(rt, from, zv - tail, false);
    const pt = bint(rt, b, BUF_PT);
    setPoint(rt, from);
    const mid = call3(rt, Qsubstring, text, makeFixnum(head), makeFixnum(t.length - tail));
    rt.push(mid);
    insertString(rt, mid, false, false);
    const n = t.length - tail - head;
    setPoint(rt, pt > from ? pt + n : pt);
    return n;
  } finally {
    rt.sp = sp;
  }
}

DEFUN('insert-file-contents', 1, 5,
  'Insert the contents of FILENAME after point, decoded, and give (FILENAME CHARS).\nVISIT non-nil makes the buffer visit the file, unmodified; BEG and END are byte offsets of the part to read; REPLACE non-nil replaces the accessible text.',
  (rt, filename: number, visit: number, beg: number, end: number, replace: number) =>
    insertFileContents(rt, filename, visit, beg, end, replace, false));

DEFUN('insert-file-contents-literally', 1, 5,
  'Insert the bytes of FILENAME after point with no decoding and give (FILENAME CHARS); the arguments are those of `insert-file-contents\'.',
  (rt, filename: number, visit: number, beg: number, end: number, replace: number) =>
    insertFileContents(rt, filename, visit, beg, end, replace, true));

/** The coding system a write uses: coding-system-for-write, else the buffer's, else utf-8-unix. */
function writeCoding(rt: Runtime): number {
  const forced = findSymbolValue(rt, Qcoding_system_for_write);
  if (forced !== Qnil && symbolp(forced)) {
    // A write reports the canonical name, -unix unless the name chose its line ends.
    const name = symbolNameJs(rt, forced);
    if (hasEolSuffix(name) || name === 'no-conversion' || name === 'binary') return forced;
    return intern(rt, `${name === 'latin-1' || name === 'iso-8859-1' ? 'iso-latin-1' : name}-unix`);
  }
  const own = findSymbolValue(rt, Qbuffer_file_coding_system);
  if (own !== Qnil && symbolp(own)) {
    const name = symbolNameJs(rt, own);
    // A detected `undecided' coding writes as utf-8 with the same line ends.
    if (name.startsWith('undecided')) return intern(rt, 'utf-8' + name.slice('undecided'.length));
    return own;
  }
  return intern(rt, 'utf-8-unix');
}

/** FILE with its symbolic links followed, so that replacing it by rename keeps the link. */
function followLinks(rt: Runtime, file: string): string {
  for (let i = 0; i < 40; i++) {
    const target = rt.host.readlink(file);
    if (target === null) return file;
    file = target.startsWith('/') ? target : file.slice(0, file.lastIndexOf('/') + 1) + target;
  }
  return file;
}

DEFUN('write-region', 3, 7,
  'Write the text from START to END of the current buffer into FILENAME, encoded.\nSTART nil writes the whole buffer; a string START is written instead of buffer text. APPEND t appends, an integer writes at that byte offset. VISIT t (or a file name) makes the buffer visit the file. MUSTBENEW `excl\' refuses an existing file.',
  (rt, start: number, end: number, filename: number, append: number, visit: number, lockname: number, mustbenew: number) => {
    if (!stringp(filename)) wrongTypeArgument(rt, Qstringp, filename);
    // LOCKNAME names the lock file; there is no locking here, but its type is checked as GNU does.
    if (lockname !== Qnil && !stringp(lockname)) wrongTypeArgument(rt, Qstringp, lockname);
    const file = expandFileName(rt, jsString(rt, filename), null);
    const b = currentBuffer(rt);
    const sp = rt.sp;
    try {
      let text: number;
      if (stringp(start)) text = start;
      else if (start === Qnil) text = bufferSubstring(rt, b, 1, bint(rt, b, BUF_Z), false);
      else {
        const [s, e] = validateRegion(rt, start, end);
        text = bufferSubstring(rt, b, s, e, false);
      }
      rt.push(text);
      const coding = writeCoding(rt);
      rt.push(coding);
      const encoded = call2(rt, Qencode_coding_string, text, coding);
      const bytes = stringBytes(rt, encoded).slice();
      const exists = rt.host.stat(file);
      if (mustbenew === Qexcl && exists !== null)
        xsignal(Qfile_already_exists, listFromArray(rt, [makeString(rt, 'File exists'), makeString(rt, file)]));
      if (exists !== null && exists.kind === 'dir') fileError(rt, 'Opening output file', 'Is a directory', file);
      const target = followLinks(rt, file);
      let out = bytes;
      if (append !== Qnil && exists !== null) {
        const old = rt.host.readFile(target);
        if (old === null) fileError(rt, 'Opening output file', rt.host.lastError, file);
        const at = isFixnum(append) ? Math.max(0, fixnumValue(append)) : old.length;
        out = new Uint8Array(Math.max(old.length, at + bytes.length));
        out.set(old);
        out.set(bytes, at);
      } else if (isFixnum(append) && fixnumValue(append) > 0) {
        // Writing at an offset of a new file leaves a hole of zero bytes before it.
        out = new Uint8Array(fixnumValue(append) + bytes.length);
        out.set(bytes, fixnumValue(append));
      }
      // Write beside the file and rename over it: a failed write leaves the old file whole.
      const tmp = `${target}.tsmacs-${rt.host.pid()}~`;
      try {
        rt.host.writeFile(tmp, out);
      } catch (e) {
        fileError(rt, 'Opening output file', hostReason(rt, e), file);
      }
      try {
        rt.host.rename(tmp, target);
      } catch (e) {
        try {
          rt.host.unlink(tmp);
        } catch {
          // The temporary file is already gone.
        }
        fileError(rt, 'Write error', hostReason(rt, e), file);
      }
      if (visit === Qt || stringp(visit)) {
        const name = stringp(visit) ? makeString(rt, expandFileName(rt, jsString(rt, visit), null)) : makeString(rt, file);
        setInternal(rt, Qbuffer_file_name, name);
        setBint(rt, b, BUF_SAVE_MODIFF, bint(rt, b, BUF_MODIFF));
      }
      setInternal(rt, Qlast_coding_system_used, coding);
      // GNU prints "Wrote FILE" only when interactive; in batch it says nothing.
      return Qnil;
    } finally {
      rt.sp = sp;
    }
  });

const Qtemporary_file_directory = DEFSYM('temporary-file-directory');

DEFUN('make-temp-file', 1, 4,
  'Create a new, empty (or TEXT-holding) file named PREFIX, six random characters and SUFFIX, in `temporary-file-directory\' (or $TMPDIR, or /tmp) unless PREFIX is absolute; give its name.\nDIR-FLAG (make a directory) is not supported: the host cannot make directories.',
  (rt, prefix: number, dirFlag: number, suffix: number, text: number) => {
    if (!stringp(prefix)) wrongTypeArgument(rt, DEFSYM('sequencep'), prefix);
    if (suffix !== Qnil && !stringp(suffix)) wrongTypeArgument(rt, Qstringp, suffix);
    if (text !== Qnil && !stringp(text)) wrongTypeArgument(rt, Qstringp, text);
    if (dirFlag !== Qnil) error(rt, 'make-temp-file: DIR-FLAG is not supported (the host cannot make directories)');
    const tdir = findSymbolValueOr(rt, Qtemporary_file_directory);
    const dir = tdir !== null && stringp(tdir) ? jsString(rt, tdir) : rt.host.getenv('TMPDIR') || '/tmp/';
    const base = expandFileName(rt, jsString(rt, prefix), dir);
    const tail = suffix === Qnil ? '' : jsString(rt, suffix);
    let bytes = new Uint8Array(0);
    if (text !== Qnil) {
      const sp = rt.sp;
      rt.push(text);
      bytes = stringBytes(rt, call2(rt, Qencode_coding_string, text, intern(rt, 'utf-8-unix'))).slice();
      rt.sp = sp;
    }
    const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
    for (let tries = 0; ; tries++) {
      let r = '';
      for (let i = 0; i < 6; i++) r += alphabet[Math.floor(Math.random() * alphabet.length)];
      const name = base + r + tail;
      try {
        rt.host.createFile(name, bytes);
        return makeString(rt, name);
      } catch (e) {
        const reason = hostReason(rt, e);
        if (reason !== 'File exists' || tries > 100) fileError(rt, 'Creating file with prefix', reason, base);
      }
    }
  });

/** The value of SYM, or null when it is void. */
function findSymbolValueOr(rt: Runtime, sym: number): number | null {
  const v = findSymbolValue(rt, sym);
  return v === Qunbound ? null : v;
}
