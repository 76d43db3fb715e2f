// The dumper's Lisp interface (dump-emacs-portable, pdumper-stats) and its JS-side registries (GNU's pdumper.h API).
//
// The JS-side registries (state kept outside the Lisp heap: after-load hooks,
// remembered scalars) are in src/core/dump-hooks.ts, below the Lisp layer.
// The Lisp-side hook `after-pdump-load-hook` runs after the JS hooks; running
// Lisp needs the evaluator, so the command line runs it (src/cli/main.ts).

import { DEFUN, DEFVAR } from '../core/subr.ts';
import { DEFSYM, Qnil, Qt, Qstringp, Qfile_error } from '../core/symbols.ts';
import type { Runtime } from '../core/runtime.ts';
import { cons, consp, jsString, list, makeFloat, makeString, stringp, xcar, xcdr } from '../core/object.ts';
import { findSymbolValue, swapBindings } from '../emacs/eval.ts';
import { G_BUFFER_LIST } from '../emacs/buffer.ts';
import { compactGap } from '../emacs/insdel.ts';
import { error, wrongTypeArgument, xsignal } from '../core/signal.ts';
import { DumpObjectError, writeDump } from './writer.ts';
import { MAGIC, IN_PROGRESS_BYTE, fingerprintHex } from './format.ts';
import { HostFileError } from '../host/host.ts';
import { SCALARS } from '../core/dump-hooks.ts';
import { G_DOOMED_FINALIZERS, G_FINALIZERS, collectGarbage, runDoomedFinalizers } from '../core/gc.ts';

DEFVAR('after-pdump-load-hook', () => Qnil, 'Functions called, with no arguments, once a portable dump image has been loaded.');

const Qdefault_directory = DEFSYM('default-directory');
const Qdumped_with_pdumper = DEFSYM('dumped-with-pdumper');
const Qload_time = DEFSYM('load-time');
const Qdump_file_name = DEFSYM('dump-file-name');

function expandName(rt: Runtime, name: string): string {
  if (name.startsWith('/')) return name;
  const dd = findSymbolValue(rt, Qdefault_directory);
  let dir = stringp(dd) ? jsString(rt, dd) : rt.host.cwd();
  if (dir.startsWith('~')) dir = (rt.host.getenv('HOME') ?? '') + dir.slice(1);
  return (dir.endsWith('/') ? dir : dir + '/') + name;
}

const enc = new TextEncoder();

export interface DumpReport {
  file: string;
  bytes: number;
}

/**
 * Write the Lisp world to FILE (through symlinks; never over a special file): into FILE.tmp-PID
 * with the in-progress mark, then the mark cleared, the file fsync'd and renamed, so a crash never
 * leaves a half dump under the final name (the host's writeImage, host/image-file.ts for Node). Prints GNU's statistics to stderr.
 */
export function dumpToFile(rt: Runtime, file: string, trackReferrers: boolean, quiet = false): DumpReport {
  let image;
  // Let-bindings in effect (`load' binds load-file-name while loadup dumps) are
  // transient: the image gets each variable's top-level value.
  swapBindings(rt, true);
  try {
    image = writeDump(rt, {
      trackReferrers,
      scalarNames: SCALARS.map((s) => s.name),
      scalarValues: SCALARS.map((s) => s.get(rt)),
    });
  } catch (e) {
    if (e instanceof DumpObjectError) return error(rt, e.message);
    throw e;
  } finally {
    swapBindings(rt, false);
  }
  const bytes = image.bytes;
  bytes[0] = IN_PROGRESS_BYTE;
  try {
    rt.host.writeImage(file, bytes, MAGIC[0]!);
  } catch (e) {
    const code = (e as { code?: string }).code;
    const why = e instanceof HostFileError ? e.reason : code === 'ENOENT' ? 'No such file or directory'
      : code === 'EACCES' ? 'Permission denied' : e instanceof Error ? e.message : String(e);
    return xsignal(Qfile_error, list(rt, makeString(rt, 'Opening output file'), makeString(rt, why), makeString(rt, file)));
  } finally {
    bytes[0] = MAGIC[0]!;
  }
  if (!quiet) {
    const s = image.stats;
    rt.host.write(2, enc.encode(
      `Dumping fingerprint: ${fingerprintHex(image.fingerprint)}\n` +
      'Dump complete\n' +
      `Byte counts: header=${image.headerBytes} hot=${image.hotBytes} discardable=${image.discardableBytes} cold=${image.coldBytes}\n` +
      `Reloc counts: hot=${s[7]} discardable=${s[8]}\n` +
      `Object counts: cons=${s[0]} symbol=${s[1]} string=${s[2]} vectorlike=${s[3]} hash-table=${s[6]} float=${s[4]} bignum/bool-vector=${s[5]}\n`));
  }
  return { file, bytes: bytes.length };
}

DEFUN('dump-emacs-portable', 1, 2,
  'Write the whole Lisp world to FILENAME as a relocatable dump image.\nWhen TRACK-REFERRERS is non-nil and some object cannot go into the image, the error shows the chain of references that leads to it.',
  (rt: Runtime, filename: number, trackReferrers: number): number => {
    if (!stringp(filename)) wrongTypeArgument(rt, Qstringp, filename);
    // As GNU does before dumping: collect and run the finalizers found unreachable until a
    // collection finds none, so no finalizer that is already garbage goes into the image armed.
    while (rt.globals[G_FINALIZERS] !== Qnil || rt.globals[G_DOOMED_FINALIZERS] !== Qnil) {
      collectGarbage(rt);
      if (rt.globals[G_DOOMED_FINALIZERS] === Qnil) break;
      runDoomedFinalizers(rt);
    }
    // Each live buffer's text goes into the image with a small gap, not the doubling slack.
    for (let l = rt.globals[G_BUFFER_LIST]!; consp(l); l = xcdr(rt, l)) compactGap(rt, xcar(rt, l));
    dumpToFile(rt, expandName(rt, jsString(rt, filename)), trackReferrers !== Qnil);
    return Qnil;
  });

DEFUN('pdumper-stats', 0, 0,
  'Describe the dump image this session was started from, or give nil when the session began without one.',
  (rt: Runtime): number => {
    const info = rt.dumpInfo;
    if (!info) return Qnil;
    return list(rt,
      cons(rt, Qdumped_with_pdumper, Qt),
      cons(rt, Qload_time, makeFloat(rt, info.loadTimeSec)),
      cons(rt, Qdump_file_name, makeString(rt, info.file)));
  });
