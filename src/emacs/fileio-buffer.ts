// Files into and out of buffers: insert-file-contents(-literally) and write-region (GNU fileio.c's buffer half).
//
// Decoding follows what GNU 28.2 does under a UTF-8 locale with no coding cookie: pure ASCII is
// `undecided', valid UTF-8 is `utf-8', anything else `iso-latin-1', each with the end-of-line
// convention detected from the first line end (CRLF: -dos, lone CR: -mac, else -unix). The byte
// work is the string coders' (coding.ts), reached through `decode-coding-string' and
// `encode-coding-string', so the two stay one implementation.

import { fixnumValue, isFixnum, makeFixnum } from '../heap/tags.ts';
import { unlockBufferOf } from './filelock.ts';
import {
  BUF_BEGV, BUF_MODIFF, BUF_PT, BUF_SAVE_MODIFF, BUF_Z, BUF_ZV,
} from '../heap/layout.ts';
import { cons, consp, floatp, jsString, stringChars, xcar, xcdr, xfloat, listFromArray, makeString, makeUnibyteString, stringBytes, stringp, symbolNameJs, symbolp } from '../core/object.ts';
import type { Runtime } from '../core/runtime.ts';
import { error, wrongTypeArgument, xsignal } from '../core/signal.ts';
import { DEFUN, DEFVAR } from '../core/subr.ts';
import { DEFGLOBAL } from '../core/runtime.ts';
import {
  DEFSYM, Qfile_already_exists, Qfile_error, Qfile_missing, Qnil, Qstringp, Qt, Qunbound,
} from '../core/symbols.ts';
import { intern } from '../core/obarray.ts';
import { Qbufferp, bint, bufferp, currentBuffer, setBint } from './buffer.ts';
import { setPoint } from './editfns.ts';
import { call1, call2, call3, findSymbolValue, funcall, setInternal, specbind, unbindTo } from './eval.ts';
import { expandFileName, expandName, handlerCall, unquote } from './fileio.ts';
import { autoCompression, codingCookie, detectUtf8, gunzipFile, gzipFileName } from './filecode.ts';
import { bufferSubstring, deleteRange, insertString, validateRegion } from './insdel.ts';

const Qcoding_system_for_read = DEFSYM('coding-system-for-read');
const Qcoding_system_for_write = DEFSYM('coding-system-for-write');
const Qlast_coding_system_used = DEFSYM('last-coding-system-used');
const Qbuffer_file_coding_system = DEFSYM('buffer-file-coding-system');
const Qbuffer_file_name = DEFSYM('buffer-file-name');
const Qinsert_file_contents = DEFSYM('insert-file-contents');
const Qinhibit_file_name_handlers = DEFSYM('inhibit-file-name-handlers');
const Qinhibit_file_name_operation = DEFSYM('inhibit-file-name-operation');
const Qjka_compr_handler = DEFSYM('jka-compr-handler');
const Qimage_file_handler = DEFSYM('image-file-handler');
const Qepa_file_handler = DEFSYM('epa-file-handler');
const Qwrite_region = DEFSYM('write-region');
const Qset_visited_file_modtime = DEFSYM('set-visited-file-modtime');
const Qverify_visited_file_modtime = DEFSYM('verify-visited-file-modtime');
const Qfile_writable_p = DEFSYM('file-writable-p');
const Qdecode_coding_string = DEFSYM('decode-coding-string');
const Qencode_coding_string = DEFSYM('encode-coding-string');
const Qno_conversion = DEFSYM('no-conversion');
const Qexcl = DEFSYM('excl');
const Qsubstring = DEFSYM('substring');
const Qpermission_denied = DEFSYM('permission-denied');
const Qfile_offset = DEFSYM('file-offset');
const Qcoding_system_p = DEFSYM('coding-system-p');
const Qbuffer_local_value = DEFSYM('buffer-local-value');
const Qequal = DEFSYM('equal');
const Qargs_out_of_range = DEFSYM('args-out-of-range');
const Qbuffer_undo_list = DEFSYM('buffer-undo-list');

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
function readCoding(rt: Runtime, bytes: Uint8Array, file: string): number {
  const eol = detectEol(bytes);
  const withEol = (name: string): number => intern(rt, eol === null ? name : `${name}-${eol}`);
  const forced = findSymbolValue(rt, Qcoding_system_for_read);
  if (forced !== Qnil && symbolp(forced)) {
    const name = symbolNameJs(rt, forced);
    if (hasEolSuffix(name) || name === 'no-conversion' || name === 'binary') return forced;
    return withEol(name);
  }
  // A `coding:' cookie (the -*- line or a Local Variables block) names the system.
  const cookie = codingCookie(bytes);
  if (cookie !== null) {
    const name = cookie.toLowerCase();
    const canon = name === 'latin-1' || name === 'iso-8859-1' ? 'iso-latin-1' : name === 'binary' ? 'no-conversion' : name;
    if (hasEolSuffix(canon) || canon === 'no-conversion') return intern(rt, canon);
    const sym = intern(rt, canon);
    if (call1(rt, Qcoding_system_p, sym) !== Qnil) return withEol(canon);
  }
  // GNU's default file-coding-system-alist by name (a compressed file by its name without .gz):
  // compiled Lisp is utf-8-emacs, Lisp source prefers utf-8, *.utf(-8) is utf-8.
  const bare = file.replace(/\.(?:gz|tgz|svgz)$/, '');
  if (/\.elc$/.test(bare)) return withEol('utf-8-emacs');
  if (/\.utf(?:-8)?$/.test(bare)) return withEol('utf-8');
  let ascii = true;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0) return Qno_conversion; // a null byte marks a binary file
    if (bytes[i]! >= 0x80) ascii = false;
  }
  const plain = /\.el$/.test(bare) ? 'prefer-utf-8' : 'undecided';
  return withEol(ascii ? plain : detectUtf8(bytes) ? 'utf-8' : 'iso-latin-1');
}

function checkPos(rt: Runtime, x: number): number {
  if (x === Qnil) return -1;
  if (!isFixnum(x)) wrongTypeArgument(rt, Qfile_offset, x);
  return fixnumValue(x);
}

/**
 * The handler call of `insert-file-contents-literally': as for `insert-file-contents', but the
 * handlers that would decode the bytes (decompressing, decrypting, images) are passed over.
 */
function literalHandlerCall(rt: Runtime, abs: number, args: number[]): number | undefined {
  const depth = rt.specCount;
  const same = findSymbolValue(rt, Qinhibit_file_name_operation) === Qinsert_file_contents;
  const others = same ? findSymbolValue(rt, Qinhibit_file_name_handlers) : Qnil;
  specbind(rt, Qinhibit_file_name_handlers, cons(rt, Qjka_compr_handler, cons(rt, Qimage_file_handler, cons(rt, Qepa_file_handler, others))));
  specbind(rt, Qinhibit_file_name_operation, Qinsert_file_contents);
  try {
    return handlerCall(rt, Qinsert_file_contents, [abs], args);
  } finally {
    unbindTo(rt, depth);
  }
}

function insertFileContents(rt: Runtime, filename: number, visit: number, beg: number, end: number, replace: number, literal: boolean): number {
  if (!stringp(filename)) wrongTypeArgument(rt, Qstringp, filename);
  const abs = expandName(rt, filename);
  const handled = literal ? literalHandlerCall(rt, abs, [abs, visit, beg, end, replace])
    : handlerCall(rt, Qinsert_file_contents, [abs], [abs, visit, beg, end, replace]);
  if (handled !== undefined) return handled;
  if (!stringp(abs)) wrongTypeArgument(rt, Qstringp, abs);
  const file = jsString(rt, abs);
  const start = checkPos(rt, beg);
  const stop = checkPos(rt, end);
  if (visit !== Qnil && (start >= 0 || stop >= 0)) error(rt, 'Attempt to visit less than an entire file');
  const b = currentBuffer(rt);
  if (visit !== Qnil && replace === Qnil && bint(rt, b, BUF_Z) > 1) error(rt, 'Cannot do file visiting in a non-empty buffer');
  const st = rt.host.stat(unquote(file));
  if (st === null) {
    if (visit !== Qnil) {
      setInternal(rt, Qbuffer_file_name, makeString(rt, file));
      setModtime(rt, b, makeFixnum(-1));
    }
    return fileError(rt, 'Opening input file', rt.host.lastError || 'No such file or directory', file);
  }
  if (st.kind === 'dir') fileError(rt, 'Read error', 'Is a directory', file);
  // A compressed file (auto-compression-mode) is read whole and decompressed; BEG/END then
  // count in the decompressed bytes, as jka-compr's handler does.
  const gz = !literal && gzipFileName(file) && autoCompression(rt);
  let bytes = rt.host.readFileRange(unquote(file), gz ? 0 : Math.max(0, start), gz || stop < 0 ? null : stop);
  if (bytes === null) return fileError(rt, 'Opening input file', rt.host.lastError, file);
  if (gz) {
    bytes = gunzipFile(rt, file, bytes);
    bytes = bytes.subarray(Math.min(bytes.length, Math.max(0, start)), stop >= 0 ? Math.min(bytes.length, stop) : bytes.length);
  }
  const sp = rt.sp;
  try {
    const coding = literal ? Qno_conversion : readCoding(rt, bytes, file);
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
      // jka-compr's handler reports the decompressed bytes rather than the characters.
      inserted = gz ? bytes.length : bint(rt, b, BUF_Z) - before;
      setPoint(rt, pt);
    }
    if (visit !== Qnil) {
      setInternal(rt, Qbuffer_file_name, makeString(rt, file));
      unlockBufferOf(rt, b);
      setBint(rt, b, BUF_SAVE_MODIFF, bint(rt, b, BUF_MODIFF));
      setInternal(rt, Qbuffer_file_coding_system, coding);
      recordModtime(rt, b, file);
      // Visiting starts the buffer's history afresh: what was read is not an undoable change.
      if (replace === Qnil && findSymbolValue(rt, Qbuffer_undo_list) !== Qt) setInternal(rt, Qbuffer_undo_list, Qnil);
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
    // The default `utf-8' leaves line ends open: a write makes them LF and reports utf-8-unix.
    if (name === 'utf-8') return intern(rt, 'utf-8-unix');
    return own;
  }
  return intern(rt, 'utf-8-unix');
}

/** FILE with its symbolic links followed, so that replacing it by rename keeps the link. */
function followLinks(rt: Runtime, file: string): string {
  for (let i = 0; i < 40; i++) {
    const target = rt.host.readlink(unquote(file));
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
    const abs = expandName(rt, filename);
    const handled = handlerCall(rt, Qwrite_region, [abs, visit], [start, end, abs, append, visit, lockname, mustbenew]);
    if (handled !== undefined) return handled;
    if (!stringp(abs)) wrongTypeArgument(rt, Qstringp, abs);
    const file = jsString(rt, abs);
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
      const exists = rt.host.stat(unquote(file));
      if (mustbenew === Qexcl && exists !== null)
        xsignal(Qfile_already_exists, listFromArray(rt, [makeString(rt, 'File exists'), makeString(rt, file)]));
      if (exists !== null && exists.kind === 'dir') fileError(rt, 'Opening output file', 'Is a directory', file);
      const target = followLinks(rt, file);
      let out = bytes;
      if (append !== Qnil && exists !== null) {
        const old = rt.host.readFile(unquote(target));
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
        rt.host.writeFile(unquote(tmp), out);
      } catch (e) {
        fileError(rt, 'Opening output file', hostReason(rt, e), file);
      }
      try {
        rt.host.rename(unquote(tmp), unquote(target));
      } catch (e) {
        try {
          rt.host.unlink(unquote(tmp));
        } catch {
          // The temporary file is already gone.
        }
        fileError(rt, 'Write error', hostReason(rt, e), file);
      }
      if (visit === Qt || stringp(visit)) {
        const name = stringp(visit) ? makeString(rt, expandFileName(rt, jsString(rt, visit), null)) : makeString(rt, file);
        setInternal(rt, Qbuffer_file_name, name);
        unlockBufferOf(rt, b);
        setBint(rt, b, BUF_SAVE_MODIFF, bint(rt, b, BUF_MODIFF));
        recordModtime(rt, b, file);
      }
      setInternal(rt, Qlast_coding_system_used, coding);
      // GNU prints "Wrote FILE" only when interactive; in batch it says nothing.
      return Qnil;
    } finally {
      rt.sp = sp;
    }
  }, 'r\nFWrite region to file: \ni\ni\ni\np');

const Qtemporary_file_directory = DEFSYM('temporary-file-directory');

const TEMP_ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** Six random letters and digits, as GNU's temporary names end. */
function tempSuffix(): string {
  let r = '';
  for (let i = 0; i < 6; i++) r += TEMP_ALPHABET[Math.floor(Math.random() * TEMP_ALPHABET.length)];
  return r;
}

DEFUN('make-temp-name', 1, 1, 'Give PREFIX followed by six random letters and digits: a name no file had a moment ago (nothing is created).', (rt, prefix: number) => {
  if (!stringp(prefix)) wrongTypeArgument(rt, Qstringp, prefix);
  const p = jsString(rt, prefix);
  for (let tries = 0; ; tries++) {
    const name = p + tempSuffix();
    if (tries > 100 || rt.host.fileStatus(unquote(expandFileName(rt, name, null)), true) === null) return makeString(rt, name);
  }
});

DEFUN('make-temp-file', 1, 4,
  'Create a new file named PREFIX, six random characters and SUFFIX, in `temporary-file-directory\' unless PREFIX is absolute; give its name.\nThe file is empty, or holds TEXT, and only its owner may read or write it. DIR-FLAG: make a directory instead (TEXT is then ignored).',
  (rt, prefix: number, dirFlag: number, suffix: number, text: number) => {
    if (!stringp(prefix)) wrongTypeArgument(rt, DEFSYM('sequencep'), prefix);
    if (suffix !== Qnil && !stringp(suffix)) wrongTypeArgument(rt, Qstringp, suffix);
    if (text !== Qnil && !stringp(text)) wrongTypeArgument(rt, Qstringp, text);
    const tdir = findSymbolValueOr(rt, Qtemporary_file_directory);
    const dir = tdir !== null && stringp(tdir) ? jsString(rt, tdir) : rt.host.getenv('TMPDIR') || '/tmp/';
    const pre = jsString(rt, prefix);
    // An empty PREFIX names the directory itself: the random part goes inside it.
    const base = pre === '' ? expandFileName(rt, dir, null).replace(/\/?$/, '/') : expandFileName(rt, pre, dir);
    return createTempFile(rt, base, dirFlag, suffix === Qnil ? '' : jsString(rt, suffix), text);
  });

DEFUN('make-temp-file-internal', 4, 4,
  'Create a new file, or a directory when DIR-FLAG, whose name is PREFIX (expanded) followed by six random characters and SUFFIX, and give its name; TEXT, when a string, is written into the file.',
  (rt, prefix: number, dirFlag: number, suffix: number, text: number) => {
    if (!stringp(prefix)) wrongTypeArgument(rt, Qstringp, prefix);
    if (!stringp(suffix)) wrongTypeArgument(rt, Qstringp, suffix);
    if (text !== Qnil && !stringp(text)) wrongTypeArgument(rt, Qstringp, text);
    // The name given back keeps PREFIX as it was, relative or not; the file is made where it expands to.
    const given = jsString(rt, prefix);
    const made = jsString(rt, createTempFile(rt, expandFileName(rt, given, null), dirFlag, jsString(rt, suffix), text));
    return makeString(rt, given + made.slice(made.length - 6 - jsString(rt, suffix).length));
  });

/** Make the file (or directory, DIR-FLAG) BASE + six random chars + TAIL that did not exist, holding TEXT; give its name. */
function createTempFile(rt: Runtime, base: string, dirFlag: number, tail: string, text: number): number {
  let bytes = new Uint8Array(0);
  if (text !== Qnil && dirFlag === Qnil) {
    const sp = rt.sp;
    rt.push(text);
    bytes = stringBytes(rt, call2(rt, Qencode_coding_string, text, intern(rt, 'utf-8-unix'))).slice();
    rt.sp = sp;
  }
  for (let tries = 0; ; tries++) {
    const name = base + tempSuffix() + tail;
    try {
      if (dirFlag !== Qnil) rt.host.mkdir(unquote(name), 0o700);
      else {
        rt.host.createFile(unquote(name), bytes);
        rt.host.chmod(unquote(name), 0o600 & ~rt.host.umask());
      }
      return makeString(rt, name);
    } catch (e) {
      const reason = hostReason(rt, e);
      if (reason !== 'File exists' || tries > 100) fileError(rt, dirFlag !== Qnil ? 'Creating directory with prefix' : 'Creating file with prefix', reason, base);
    }
  }
}

/** The value of SYM, or null when it is void. */
function findSymbolValueOr(rt: Runtime, sym: number): number | null {
  const v = findSymbolValue(rt, sym);
  return v === Qunbound ? null : v;
}

// ---- the visited file's modification time, and simple file operations -------------------------

const G_VISITED_MODTIMES = DEFGLOBAL('visited-file-modtimes');
const QCtest = DEFSYM(':test');
const QCweakness = DEFSYM(':weakness');
const Qeq = DEFSYM('eq');
const Qkey = DEFSYM('key');
const Qgethash = DEFSYM('gethash');
const Qputhash = DEFSYM('puthash');
const Qmake_hash_table = DEFSYM('make-hash-table');

/**
 * The table of each buffer's recorded modification time (GNU keeps it in the buffer): weak on its
 * keys, so a dead buffer's entry goes with it and a reused address never sees a stale time.
 */
function modtimeTable(rt: Runtime): number {
  let t = rt.globals[G_VISITED_MODTIMES]!;
  if (t === Qnil || t === undefined) {
    t = funcall(rt, Qmake_hash_table, [QCtest, Qeq, QCweakness, Qkey]);
    rt.globals[G_VISITED_MODTIMES] = t;
  }
  return t;
}

function setModtime(rt: Runtime, b: number, time: number): void {
  const sp = rt.sp;
  rt.push(time);
  try {
    call3(rt, Qputhash, b, time, modtimeTable(rt));
  } finally {
    rt.sp = sp;
  }
}

function getModtime(rt: Runtime, b: number): number {
  const v = call2(rt, Qgethash, b, modtimeTable(rt));
  return v === Qnil ? makeFixnum(0) : v;
}

/** A file time as Lisp's (HIGH LOW USEC PSEC). */
function lispTime(rt: Runtime, ms: number): number {
  const sec = Math.floor(ms / 1000);
  const usec = Math.floor((ms - sec * 1000) * 1000);
  return listFromArray(rt, [makeFixnum(Math.floor(sec / 65536)), makeFixnum(sec % 65536), makeFixnum(usec), makeFixnum(0)]);
}

/** A Lisp time as (HIGH LOW USEC PSEC), as GNU keeps the modtime: a short list padded, a float split. */
function normalTime(rt: Runtime, t: number): number {
  if (floatp(t)) return lispTime(rt, xfloat(rt, t) * 1000);
  const parts: number[] = [];
  for (let l = t; consp(l) && parts.length < 5; l = xcdr(rt, l)) parts.push(xcar(rt, l));
  if (parts.length < 2 || parts.length > 4 || !parts.every(isFixnum)) return t;
  while (parts.length < 4) parts.push(makeFixnum(0));
  return listFromArray(rt, parts);
}

/** Record FILE's current modification time (-1 when it does not exist) as buffer B's. */
function recordModtime(rt: Runtime, b: number, file: string): void {
  const st = rt.host.stat(unquote(file));
  setModtime(rt, b, st === null ? makeFixnum(-1) : lispTime(rt, st.mtimeMs));
}

function bufferArg(rt: Runtime, buf: number): number {
  if (buf === Qnil) return currentBuffer(rt);
  if (!bufferp(rt, buf)) wrongTypeArgument(rt, Qbufferp, buf);
  return buf;
}

DEFUN('visited-file-modtime', 0, 0,
  'Give the modification time the current buffer\'s visited file had when last read or saved, as a Lisp time; 0 when none is recorded, -1 when the file did not exist.',
  (rt) => getModtime(rt, currentBuffer(rt)));

DEFUN('set-visited-file-modtime', 0, 1,
  'Record TIME-FLAG (a Lisp time) as the current buffer\'s visited file\'s modification time; nil records the file\'s present time.',
  (rt, timeFlag: number) => {
    const b = currentBuffer(rt);
    if (timeFlag !== Qnil) {
      // An integer is one of the special values: -1 (no file) or 0 (unknown); else a Lisp time.
      if (isFixnum(timeFlag)) {
        if (fixnumValue(timeFlag) < -1 || fixnumValue(timeFlag) > 0) xsignal(Qargs_out_of_range, listFromArray(rt, [timeFlag, makeFixnum(-1), makeFixnum(0)]));
      } else if (!consp(timeFlag) && !floatp(timeFlag)) error(rt, 'Invalid time specification');
      setModtime(rt, b, isFixnum(timeFlag) ? timeFlag : normalTime(rt, timeFlag));
      return Qnil;
    }
    const name = findSymbolValue(rt, Qbuffer_file_name);
    if (!stringp(name)) return Qnil;
    const abs = expandName(rt, name);
    const handled = handlerCall(rt, Qset_visited_file_modtime, [abs], [Qnil]);
    if (handled !== undefined) return handled;
    recordModtime(rt, b, checkedName(rt, abs));
    return Qnil;
  });

DEFUN('clear-visited-file-modtime', 0, 0, 'Forget the current buffer\'s recorded modification time, so that it counts as matching the file.', (rt) => {
  setModtime(rt, currentBuffer(rt), makeFixnum(0));
  return Qnil;
});

DEFUN('verify-visited-file-modtime', 0, 1,
  'Tell whether BUF\'s visited file has the modification time recorded for it (t also when BUF visits no file or has no time recorded).',
  (rt, buf: number) => {
    const b = bufferArg(rt, buf);
    const name = call2(rt, Qbuffer_local_value, Qbuffer_file_name, b);
    if (!stringp(name)) return Qt;
    const handled = handlerCall(rt, Qverify_visited_file_modtime, [name], [buf]);
    if (handled !== undefined) return handled;
    const rec = getModtime(rt, b);
    if (rec === makeFixnum(0)) return Qt;
    const st = rt.host.stat(unquote(expandFileName(rt, jsString(rt, name), null)));
    if (st === null) return rec === makeFixnum(-1) ? Qt : Qnil;
    if (rec === makeFixnum(-1)) return Qnil;
    const sp = rt.sp;
    try {
      rt.push(rec);
      const now = lispTime(rt, st.mtimeMs);
      rt.push(now);
      return call2(rt, Qequal, rec, now) !== Qnil ? Qt : Qnil;
    } finally {
      rt.sp = sp;
    }
  });

/** The Lisp string X as a JS string; anything else is a `wrong-type-argument'. */
function checkedName(rt: Runtime, x: number): string {
  if (!stringp(x)) wrongTypeArgument(rt, Qstringp, x);
  return jsString(rt, x);
}

function nameArg(rt: Runtime, x: number): string {
  if (!stringp(x)) wrongTypeArgument(rt, Qstringp, x);
  return expandFileName(rt, jsString(rt, x), null);
}

DEFUN('file-writable-p', 1, 1, 'Tell whether FILENAME could be written: an existing file this process may write, or a new one in a writable directory.', (rt, filename: number) => {
  nameArg(rt, filename);
  const abs = expandName(rt, filename);
  const handled = handlerCall(rt, Qfile_writable_p, [abs], [abs]);
  if (handled !== undefined) return handled;
  const f = checkedName(rt, abs);
  const st = rt.host.stat(unquote(f));
  const target = st !== null ? f : f.slice(0, f.lastIndexOf('/') + 1) || '/';
  if (st === null) {
    const dir = rt.host.stat(unquote(target));
    if (dir === null || dir.kind !== 'dir') return Qnil;
  }
  return rt.host.access === undefined || rt.host.access(unquote(target), 'w') ? Qt : Qnil;
});
