// The browser build's ES module (dist/web/tsmacs.js): start a runtime from the default image's bytes and evaluate source text, with the browser host.
//
// The same modules as the CLI register the same builtins in the same order (hence the import of
// cli/main.ts, whose own symbols are part of that table), so the portable dump the CLI loads
// loads here unchanged; the loader checks the fingerprint and refuses any other image.
// Files live under INSTALL_ROOT in the host's in-memory store: the image at dist/tsmacs.pdmp,
// the docstrings at dist/DOC (where doc.ts looks, beside the bundle), etc/ and lisp/.

import { BrowserExit, browserHost } from '../host/browser.ts';
import '../cli/main.ts';
import type { Runtime } from '../core/runtime.ts';
import { jsString, list, makeString, symbolNameJs } from '../core/object.ts';
import { KillEmacs, LispSignal, LispThrow } from '../core/signal.ts';
import { DEFSYM, Qend_of_file, Qlexical_binding, Qnil, Qt } from '../core/symbols.ts';
import { asLispSignal, evalTop, setInternal } from '../emacs/eval.ts';
import { startFromImage } from '../emacs/emacs.ts';
import { readFromString } from '../emacs/lread.ts';
import { errorMessageString, printObject } from '../emacs/print.ts';
import { DumpLoadError, loadDump } from '../dump/loader.ts';

/** Where the host's store keeps the installation; the build defines import.meta.dirname as its dist/. */
export const INSTALL_ROOT = '/tsmacs';
const IMAGE_PATH = `${INSTALL_ROOT}/dist/tsmacs.pdmp`;

const Qload_path = DEFSYM('load-path');
const Qno_catch = DEFSYM('no-catch');

export interface StartOptions {
  /** The dump image's bytes (dist/web/tsmacs.pdmp). */
  image: Uint8Array;
  /** Files to list under INSTALL_ROOT without reading them: relative path (lisp/cl-lib.el) to size. */
  files?: Record<string, number>;
  /** Reads one of those files synchronously (in a Worker: a synchronous XMLHttpRequest); null when it cannot. */
  fetchFile?: (relativePath: string) => Uint8Array | null;
  stdout: (bytes: Uint8Array) => void;
  stderr: (bytes: Uint8Array) => void;
  env?: Record<string, string>;
}

/** What one evaluation gave: the last form's value printed with prin1, or the error as GNU's top level words it. */
export type EvalResult =
  | { ok: true; value: string }
  | { ok: false; error: string; symbol: string };

/** Only whitespace and comments: what the reader's end-of-file after the last form is allowed to leave. */
const blank = (text: string): boolean => /^(\s|;[^\n]*)*$/.test(text);

export class BrowserTsmacs {
  /** Milliseconds the image took to load (loadDump and the after-load hook). */
  readonly loadMs: number;
  /** Set once `kill-emacs' ran: the runtime is done and must be started afresh. */
  exited: number | null = null;

  readonly rt: Runtime;

  private constructor(rt: Runtime, loadMs: number) {
    this.rt = rt;
    this.loadMs = loadMs;
  }

  static start(opts: StartOptions): BrowserTsmacs {
    const fetchFile = opts.fetchFile;
    const host = browserHost({
      stdout: opts.stdout,
      stderr: opts.stderr,
      env: opts.env,
      fetchFile: fetchFile === undefined ? undefined : (path) => (path.startsWith(INSTALL_ROOT + '/') ? fetchFile(path.slice(INSTALL_ROOT.length + 1)) : null),
    });
    for (const [rel, size] of Object.entries(opts.files ?? {})) host.fs.addFile(`${INSTALL_ROOT}/${rel}`, null, size, 0o444);
    host.fs.addFile(IMAGE_PATH, opts.image, opts.image.length, 0o444);
    const t0 = host.now();
    const rt = loadDump(host, IMAGE_PATH);
    // The image is in the heap now: the store's copy would only hold memory.
    host.fs.unlink(IMAGE_PATH);
    const sp = rt.sp;
    try {
      startFromImage(rt);
    } finally {
      rt.sp = sp;
    }
    // The image records the build machine's lisp/; here the library is in the store.
    setInternal(rt, Qload_path, list(rt, makeString(rt, `${INSTALL_ROOT}/lisp`)));
    // As in GNU's *scratch* and the CLI's --eval: lexical binding.
    setInternal(rt, Qlexical_binding, Qt);
    return new BrowserTsmacs(rt, host.now() - t0);
  }

  /** Read and evaluate every form of SOURCE in turn, as a batch --eval would each; the last value is the result. */
  evaluate(source: string): EvalResult {
    const rt = this.rt;
    if (this.exited !== null) return { ok: false, error: `tsmacs has exited (status ${this.exited}); restart it`, symbol: 'kill-emacs' };
    const sp = rt.sp;
    const nframes = rt.nframes;
    try {
      const str = makeString(rt, source);
      rt.push(str);
      const chars = Array.from(source);
      let pos = 0;
      let last = Qnil;
      for (;;) {
        let form: { obj: number; end: number };
        try {
          form = readFromString(rt, str, pos);
        } catch (e) {
          if (e instanceof LispSignal && e.symbol === Qend_of_file && blank(chars.slice(pos).join(''))) break;
          throw e;
        }
        pos = form.end;
        rt.push(form.obj);
        last = evalTop(rt, form.obj, Qt);
        rt.push(last);
      }
      return { ok: true, value: new TextDecoder().decode(printObject(rt, last, true).bytes) };
    } catch (e) {
      return this.failure(e);
    } finally {
      rt.sp = sp;
      rt.nframes = nframes;
      rt.handlerSpecs.length = 0;
    }
  }

  /** An escaping signal, throw or exit as an EvalResult; anything else is a bug and propagates. */
  private failure(e: unknown): EvalResult {
    const rt = this.rt;
    if (e instanceof KillEmacs || e instanceof BrowserExit) {
      this.exited = e.code;
      return { ok: false, error: `tsmacs exited with status ${e.code}`, symbol: 'kill-emacs' };
    }
    let sig = asLispSignal(rt, e);
    if (sig === null) throw e;
    if (sig instanceof LispThrow) sig = new LispSignal(Qno_catch, list(rt, sig.tag, sig.value));
    const name = symbolNameJs(rt, sig.symbol);
    return { ok: false, error: jsString(rt, errorMessageString(rt, sig.symbol, sig.data)), symbol: name };
  }
}

export { DumpLoadError };
