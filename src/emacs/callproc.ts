// Synchronous subprocesses (GNU callproc.c): call-process, call-process-region, the program search variables.
//
// A synchronous child runs to its end in the host (spawnSync in Node): nothing Lisp can see happens
// meanwhile, as in GNU, whose call-process runs no timers or filters while it waits.

import { fixnumValue, isFixnum, makeFixnum } from '../heap/tags.ts';
import type { Runtime } from '../core/runtime.ts';
import { consp, jsString, list, makeString, makeStringFromBytes, stringBytes, stringp, xcar, xcdr } from '../core/object.ts';
import { wrongTypeArgument, xsignal } from '../core/signal.ts';
import { DEFSYM, Qnil, Qt, Qstringp, Qfile_error, Qfile_missing } from '../core/symbols.ts';
import { DEFUN, DEFVAR, MANY } from '../core/subr.ts';
import { intern } from '../core/obarray.ts';
import { pdumperDoNowAndAfterLoad } from '../core/dump-hooks.ts';
import { call1, call2, findSymbolValue, funcall, setInternal } from './eval.ts';
import { bufferp, currentBuffer, getBuffer, saveCurrentBuffer } from './buffer.ts';
import { expandFileName, unquote } from './fileio.ts';
import {
  childDirectory, childEnvironment, defaultDirectory, findProgram, hostProcesses, signalDescription, stringArgs,
} from './process.ts';

const Qutf_8_unix = DEFSYM('utf-8-unix');
const QCfile = DEFSYM(':file');
const Qcoding_system_for_read = DEFSYM('coding-system-for-read');
const Qcoding_system_for_write = DEFSYM('coding-system-for-write');
const Qdefault_process_coding_system = DEFSYM('default-process-coding-system');
const Qexec_path = DEFSYM('exec-path');
const Qexec_directory = DEFSYM('exec-directory');
const Qshell_file_name = DEFSYM('shell-file-name');

// Where GNU Emacs 28.2 as Debian installs it keeps its helper programs (tsmacs has none of its own).
const EXEC_DIRECTORY = '/usr/libexec/emacs/28.2/x86_64-linux-gnu/';
/** EXEC_DIRECTORY without its final slash, as exec-path's last entry (a regexp here was compiled at every start-up). */
const EXEC_PATH_DIRECTORY = EXEC_DIRECTORY.slice(0, -1);

/** exec-path as GNU makes it at start-up: PATH's directories (an empty one is "."), then exec-directory. */
function initialExecPath(rt: Runtime): number {
  const path = rt.host.getenv('PATH') ?? '';
  const dirs = path === '' ? [] : path.split(':').map((d) => (d === '' ? '.' : d));
  return list(rt, ...dirs.map((d) => makeString(rt, d)), makeString(rt, EXEC_PATH_DIRECTORY));
}

DEFVAR('exec-path', initialExecPath, 'The directories searched for programs run as subprocesses, in order.');
DEFVAR('exec-directory', (rt) => makeString(rt, EXEC_DIRECTORY), 'The directory of helper programs that come with Emacs.');
DEFVAR('exec-suffixes', (rt) => list(rt, makeString(rt, '')), 'Suffixes tried after a program name when looking for the program: on GNU/Linux only the empty one.');
DEFVAR('shell-file-name', (rt) => makeString(rt, rt.host.getenv('SHELL') || '/bin/sh'), 'The shell subprocesses run commands with, from SHELL at start-up.');
DEFVAR('process-coding-system-alist', () => Qnil, 'Alist of (REGEXP . CODING) choosing coding systems for programs whose names match REGEXP.');

// Like process-environment, these describe the machine the image runs on, not the one that made it.
pdumperDoNowAndAfterLoad((rt) => {
  setInternal(rt, Qexec_path, initialExecPath(rt));
  setInternal(rt, Qshell_file_name, makeString(rt, rt.host.getenv('SHELL') || '/bin/sh'));
});

/** The coding system that decodes a synchronous child's output. */
function readCoding(rt: Runtime): number {
  const forced = findSymbolValue(rt, Qcoding_system_for_read);
  if (forced !== Qnil && isSym(forced)) return forced;
  const dflt = findSymbolValue(rt, Qdefault_process_coding_system);
  return consp(dflt) && xcar(rt, dflt) !== Qnil ? xcar(rt, dflt) : Qutf_8_unix;
}

function writeCoding(rt: Runtime): number {
  const forced = findSymbolValue(rt, Qcoding_system_for_write);
  if (forced !== Qnil && isSym(forced)) return forced;
  const dflt = findSymbolValue(rt, Qdefault_process_coding_system);
  return consp(dflt) && xcdr(rt, dflt) !== Qnil ? xcdr(rt, dflt) : Qutf_8_unix;
}

const isSym = (x: number): boolean => (x & 7) === 0;

type Sink = { kind: 'discard' } | { kind: 'buffer'; buffer: number } | { kind: 'file'; file: string };

/** What DESTINATION asks for: where stdout goes, where stderr goes (or 'mix'), and whether to wait. */
function parseDestination(rt: Runtime, dest: number): { out: Sink; err: Sink | 'mix'; detach: boolean } {
  const sink = (d: number): Sink => {
    if (d === Qnil) return { kind: 'discard' };
    if (d === Qt) return { kind: 'buffer', buffer: currentBuffer(rt) };
    if (consp(d) && xcar(rt, d) === QCfile) {
      const f = consp(xcdr(rt, d)) ? xcar(rt, xcdr(rt, d)) : Qnil;
      if (!stringp(f)) wrongTypeArgument(rt, Qstringp, f);
      return { kind: 'file', file: unquote(expandFileName(rt, jsString(rt, f), defaultDirectory(rt))) };
    }
    if (bufferp(rt, d)) return { kind: 'buffer', buffer: d };
    if (stringp(d)) {
      const b = funcall(rt, intern(rt, 'get-buffer-create'), [d]);
      return { kind: 'buffer', buffer: b };
    }
    return wrongTypeArgument(rt, Qstringp, d);
  };
  if (isFixnum(dest) && fixnumValue(dest) === 0) return { out: { kind: 'discard' }, err: { kind: 'discard' }, detach: true };
  if (consp(dest) && xcar(rt, dest) !== QCfile) {
    const real = xcar(rt, dest);
    const errDest = consp(xcdr(rt, dest)) ? xcar(rt, xcdr(rt, dest)) : Qnil;
    const out = isFixnum(real) && fixnumValue(real) === 0 ? { kind: 'discard' as const } : sink(real);
    let err: Sink | 'mix';
    if (errDest === Qnil) err = { kind: 'discard' };
    else if (errDest === Qt) err = 'mix';
    else if (stringp(errDest)) err = { kind: 'file', file: unquote(expandFileName(rt, jsString(rt, errDest), defaultDirectory(rt))) };
    else return wrongTypeArgument(rt, Qstringp, errDest);
    return { out, err, detach: isFixnum(real) && fixnumValue(real) === 0 };
  }
  return { out: sink(dest), err: 'mix', detach: false };
}

/** Put a child's output BYTES where SINK says, decoded for a buffer. */
function deliverOutput(rt: Runtime, sink: Sink, bytes: Uint8Array): void {
  if (sink.kind === 'discard') return;
  if (sink.kind === 'file') {
    rt.host.writeFile(sink.file, bytes);
    return;
  }
  const raw = makeStringFromBytes(rt, bytes, bytes.length, false);
  const sp = rt.sp;
  rt.push(raw);
  const text = call2(rt, intern(rt, 'decode-coding-string'), raw, readCoding(rt));
  rt.push(text);
  saveCurrentBuffer(rt, () => {
    call1(rt, intern(rt, 'set-buffer'), sink.buffer);
    return call1(rt, intern(rt, 'insert'), text);
  });
  rt.sp = sp;
}

/** Run PROGRAM with ARGS to its end, INPUT on its stdin, output to DEST; GNU's call-process value. */
function runSync(rt: Runtime, program: number, input: Uint8Array | null, dest: number, args: number[], cwd: string): number {
  const host = hostProcesses(rt);
  const argv = stringArgs(rt, args);
  const file = findProgram(rt, program);
  const d = parseDestination(rt, dest);
  const spec = { file, args: argv, cwd, env: childEnvironment(rt) };
  if (d.detach) {
    const why = host.detach(spec);
    if (why !== null) xsignal(Qfile_error, list(rt, makeString(rt, 'Doing vfork'), makeString(rt, why), program));
    return Qnil;
  }
  const r = host.run(spec, input, d.err === 'mix' ? 'merge' : 'pipe');
  if (r.error !== undefined) xsignal(Qfile_error, list(rt, makeString(rt, 'Doing vfork'), makeString(rt, r.error), program));
  deliverOutput(rt, d.out, r.stdout);
  if (d.err !== 'mix') deliverOutput(rt, d.err, r.stderr);
  if (r.signal !== null) return makeString(rt, signalDescription(r.signal));
  return makeFixnum(r.status ?? 0);
}

DEFUN('call-process', 1, MANY, 'Run PROGRAM with ARGS synchronously and give its exit code (a string describing the signal that killed it).\nINFILE names the file read as its input (nil: none). DESTINATION says where output goes: t the current buffer, nil nowhere, 0 nowhere and without waiting (the value is then nil), a buffer or buffer name, (:file FILE), or (REAL-DEST ERROR-DEST) to send standard error elsewhere (nil: discard, t: with the output, a file name). DISPLAY is ignored in batch.',
  (rt, a: number[]) => {
    const [program, infile = Qnil, dest = Qnil] = a;
    // The directory is checked first, before the input file and the program (GNU, observed).
    const cwd = childDirectory(rt);
    let input: Uint8Array | null = null;
    if (infile !== Qnil) {
      if (!stringp(infile)) wrongTypeArgument(rt, Qstringp, infile);
      const name = unquote(expandFileName(rt, jsString(rt, infile), defaultDirectory(rt)));
      const bytes = rt.host.readFile(name);
      if (bytes === null) {
        const why = rt.host.lastError;
        xsignal(why === 'No such file or directory' ? Qfile_missing : Qfile_error,
          list(rt, makeString(rt, 'Opening process input file'), makeString(rt, why), makeString(rt, name)));
      }
      input = bytes;
    }
    if (!stringp(program)) wrongTypeArgument(rt, Qstringp, program!);
    return runSync(rt, program!, input, dest, a.slice(4), cwd);
  });

DEFUN('call-process-region', 3, MANY, 'Run PROGRAM with ARGS synchronously, the text from START to END as its input, and give its exit code.\nSTART nil means the whole buffer; a string START is the input itself. DELETE non-nil deletes that text first. DESTINATION and DISPLAY are as for `call-process\'.',
  (rt, a: number[]) => {
    const [start, end, program, del = Qnil, dest = Qnil] = a;
    if (!stringp(program!)) wrongTypeArgument(rt, Qstringp, program!);
    let text: number;
    if (stringp(start!)) text = start!;
    else if (start === Qnil) text = funcall(rt, intern(rt, 'buffer-string'), []);
    else text = funcall(rt, intern(rt, 'buffer-substring'), [start!, end!]);
    const sp = rt.sp;
    rt.push(text);
    const encoded = call2(rt, intern(rt, 'encode-coding-string'), text, writeCoding(rt));
    const input = stringBytes(rt, encoded).slice();
    // As GNU, DELETE deletes from START to END even when START is a string (which then fails).
    if (del !== Qnil) {
      if (start === Qnil) funcall(rt, intern(rt, 'delete-region'), [funcall(rt, intern(rt, 'point-min'), []), funcall(rt, intern(rt, 'point-max'), [])]);
      else funcall(rt, intern(rt, 'delete-region'), [start!, end!]);
    }
    const v = runSync(rt, program!, input, dest, a.slice(6), childDirectory(rt));
    rt.sp = sp;
    return v;
  });

// `file-executable-p' is fileio-ops.ts's.

DEFUN('executable-find', 1, 2, 'Give the absolute file name of the program COMMAND found along `exec-path\', or nil.', (rt, cmd: number) => {
  if (!stringp(cmd)) wrongTypeArgument(rt, Qstringp, cmd);
  // With no `exec-path' at all the search is in `default-directory', as GNU's `locate-file' does it.
  if (findSymbolValue(rt, Qexec_path) === Qnil) {
    const file = expandFileName(rt, jsString(rt, cmd), defaultDirectory(rt));
    const st = rt.host.stat(file);
    return st !== null && st.kind !== 'dir' && (rt.host.access === undefined || rt.host.access(file, 'x')) ? makeString(rt, file) : Qnil;
  }
  try {
    return makeString(rt, findProgram(rt, cmd));
  } catch (e) {
    if ((e as { symbol?: number }).symbol === Qfile_missing || (e as { symbol?: number }).symbol === Qfile_error) return Qnil;
    throw e;
  }
});

void getBuffer; void Qexec_directory;
