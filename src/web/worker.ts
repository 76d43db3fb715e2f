// The playground's Web Worker (dist/web/worker.js): holds one runtime, evaluates what the page sends, streams output back.
//
// Evaluation blocks this thread, never the page's. To stop a runaway evaluation the page
// terminates the worker and starts a new one (src/web/page.ts), handing it the image bytes it
// fetched once. Protocol (WorkerRequest / WorkerReply below):
//   page -> worker: start (image bytes, file list, base URL of the files), then eval requests;
//   worker -> page: ready (load time) or failed, out (stdout/stderr text), result per eval.

import { BrowserTsmacs, type EvalResult } from './tsmacs.ts';

export type WorkerRequest =
  | { type: 'start'; image: ArrayBuffer; files: Record<string, number>; base: string }
  | { type: 'eval'; id: number; source: string };

export type WorkerReply =
  | { type: 'ready'; loadMs: number; startedMs: number }
  | { type: 'failed'; error: string }
  | { type: 'out'; id: number; stream: 'stdout' | 'stderr'; text: string }
  | { type: 'result'; id: number; result: EvalResult; ms: number };

interface WorkerScope {
  postMessage(msg: WorkerReply): void;
  onmessage: ((ev: { data: WorkerRequest }) => void) | null;
}
const scope = globalThis as unknown as WorkerScope;

/** A file of the installation, read with a synchronous request: Lisp's `load' cannot wait for a promise (allowed in workers only). */
function fetchSync(base: string, rel: string): Uint8Array | null {
  const XHR = (globalThis as unknown as { XMLHttpRequest: new () => {
    open(m: string, u: string, async: boolean): void; send(): void; status: number; response: ArrayBuffer; responseType: string;
  } }).XMLHttpRequest;
  try {
    const req = new XHR();
    req.open('GET', new URL(rel, base).href, false);
    req.responseType = 'arraybuffer';
    req.send();
    return req.status === 200 ? new Uint8Array(req.response) : null;
  } catch {
    return null;
  }
}

let tsmacs: BrowserTsmacs | null = null;
let current = 0;
const decoders = { stdout: new TextDecoder(), stderr: new TextDecoder() };
// Output is sent in batches: a loop that prints without end would otherwise post a message per
// write, faster than the page can take them. Flushed at 64 KB, after 50 ms, and at each result.
const pending = { stdout: '', stderr: '' };
let lastFlush = 0;
function flush(): void {
  for (const stream of ['stdout', 'stderr'] as const) {
    if (pending[stream] !== '') scope.postMessage({ type: 'out', id: current, stream, text: pending[stream] });
    pending[stream] = '';
  }
  lastFlush = performance.now();
}
const sink = (stream: 'stdout' | 'stderr') => (bytes: Uint8Array): void => {
  pending[stream] += decoders[stream].decode(bytes, { stream: true });
  if (pending.stdout.length + pending.stderr.length >= 65536 || performance.now() - lastFlush >= 50) flush();
};

scope.onmessage = (ev) => {
  const msg = ev.data;
  if (msg.type === 'start') {
    // Since the worker was created: its script fetched, compiled and run (every builtin registered).
    const startedMs = performance.now();
    try {
      tsmacs = BrowserTsmacs.start({
        image: new Uint8Array(msg.image),
        files: msg.files,
        fetchFile: (rel) => fetchSync(msg.base, rel),
        stdout: sink('stdout'),
        stderr: sink('stderr'),
      });
      scope.postMessage({ type: 'ready', loadMs: tsmacs.loadMs, startedMs });
    } catch (e) {
      scope.postMessage({ type: 'failed', error: e instanceof Error ? e.message : String(e) });
    }
    return;
  }
  current = msg.id;
  const t0 = performance.now();
  lastFlush = t0;
  let result: EvalResult;
  if (tsmacs === null) result = { ok: false, error: 'tsmacs did not start', symbol: 'error' };
  else {
    try {
      result = tsmacs.evaluate(msg.source);
    } catch (e) {
      // A fault of the runtime itself, not a Lisp error: say so rather than leave the page waiting.
      result = { ok: false, error: `internal error: ${e instanceof Error ? e.message : String(e)}`, symbol: 'internal' };
    }
  }
  for (const stream of ['stdout', 'stderr'] as const) pending[stream] += decoders[stream].decode();
  flush();
  scope.postMessage({ type: 'result', id: msg.id, result, ms: performance.now() - t0 });
};
