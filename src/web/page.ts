// The playground page's script (dist/web/playground.js): fetch the image once, run Lisp in a Worker, show output, value and errors apart.

/// <reference lib="dom" />
//
// The page never evaluates anything itself, so it stays responsive whatever the Lisp does. Stop
// terminates the worker and starts another from the image bytes already fetched (no second
// download, about as long as the first start). Requests made before the worker is ready wait
// in the worker's message queue.

import type { WorkerReply, WorkerRequest } from './worker.ts';

const EXAMPLES: [string, string][] = [
  ['Arithmetic', '(+ 1 2)\n\n;; Integers grow into bignums; / on floats is float division.\n(list (* 6 7) (expt 2 100) (/ 10.0 4) (% -7 3) (mod -7 3))'],
  ['cl-loop', "(require 'cl-lib)\n\n(cl-loop for i from 1 to 10\n         when (cl-oddp i)\n         collect (* i i) into squares\n         finally return (list squares (apply #'+ squares)))"],
  ['Strings and regexps', ';; princ writes to the output; the last value is the result.\n(let ((s "tsmacs runs Emacs Lisp 28.2 in your browser"))\n  (princ (format "%s\\n" (upcase s)))\n  (when (string-match "Lisp \\\\([0-9]+\\\\)\\\\.\\\\([0-9]+\\\\)" s)\n    (list (match-string 1 s) (match-string 2 s)\n          (replace-regexp-in-string "[aeiou]" "_" s))))'],
  ['An error', ";; Errors are reported as GNU Emacs reports them.\n(car 'not-a-list)"],
  ['Runaway (press Stop)', ';; This never ends: the page stays responsive; Stop restarts the worker.\n(let ((n 0)) (while t (setq n (1+ n))))'],
];

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const editor = $<HTMLTextAreaElement>('editor');
const runButton = $<HTMLButtonElement>('run');
const stopButton = $<HTMLButtonElement>('stop');
const examples = $<HTMLSelectElement>('examples');
const output = $<HTMLPreElement>('output');
const errors = $<HTMLPreElement>('errors');
const result = $<HTMLPreElement>('result');
const status = $<HTMLSpanElement>('status');

for (const [i, [name]] of EXAMPLES.entries()) examples.add(new Option(name, String(i)));
examples.onchange = (): void => {
  editor.value = EXAMPLES[Number(examples.value)]![1];
};
if (editor.value === '') editor.value = EXAMPLES[0]![1];

const setStatus = (text: string, state: string): void => {
  status.textContent = text;
  status.dataset.state = state;
};

// The image and the list of library files, each fetched once for the page's life.
const image = fetch('tsmacs.pdmp').then((r) => {
  if (!r.ok) throw new Error(`tsmacs.pdmp: HTTP ${r.status}`);
  return r.arrayBuffer();
});
const files = fetch('files.json').then((r) => r.json() as Promise<Record<string, number>>);

/** The most a panel shows: past it, output is dropped (a runaway printer must not make the page crawl). */
const PANEL_LIMIT = 200_000;

function append(panel: HTMLPreElement, text: string): void {
  const have = panel.textContent?.length ?? 0;
  if (panel.dataset.truncated !== undefined) return;
  if (have + text.length <= PANEL_LIMIT) {
    panel.textContent += text;
    return;
  }
  panel.textContent += text.slice(0, Math.max(0, PANEL_LIMIT - have)) + '\n[… more output not shown]';
  panel.dataset.truncated = '';
}

let worker: Worker | null = null;
let nextId = 1;
let running: number | null = null;
let firstResult = true;

function startWorker(): void {
  setStatus('loading the image…', 'loading');
  const w = new Worker(new URL('worker.js', document.baseURI), { type: 'module' });
  worker = w;
  w.onmessage = (ev: MessageEvent<WorkerReply>): void => {
    if (w !== worker) return;
    const msg = ev.data;
    switch (msg.type) {
      case 'ready':
        setStatus(`ready (image loaded in ${msg.loadMs.toFixed(0)} ms)`, 'ready');
        // How the start-up divides, for docs/browser.md: the worker's own start, then the image's load.
        document.body.dataset.workerStartMs = msg.startedMs.toFixed(1);
        document.body.dataset.imageLoadMs = msg.loadMs.toFixed(1);
        break;
      case 'failed':
        setStatus('failed to start', 'failed');
        errors.textContent = msg.error;
        break;
      case 'out':
        if (msg.id === running) append(msg.stream === 'stdout' ? output : errors, msg.text);
        break;
      case 'result':
        if (msg.id !== running) break;
        running = null;
        runButton.disabled = false;
        stopButton.disabled = true;
        if (msg.result.ok) result.textContent = msg.result.value;
        else errors.textContent += (errors.textContent === '' ? '' : '\n') + msg.result.error;
        result.dataset.kind = msg.result.ok ? 'value' : 'error';
        setStatus(`done in ${msg.ms.toFixed(1)} ms`, 'ready');
        if (firstResult) {
          // Page load to first result, for BENCHMARKS.md (read by test/browser.test.ts).
          firstResult = false;
          document.body.dataset.firstResultMs = performance.now().toFixed(1);
        }
        break;
    }
  };
  w.onerror = (ev): void => {
    setStatus('the worker failed', 'failed');
    errors.textContent = ev.message;
  };
  void Promise.all([image, files]).then(
    ([bytes, list]) => {
      if (w !== worker) return;
      // A copy: the page keeps its bytes for the next restart.
      const msg: WorkerRequest = { type: 'start', image: bytes.slice(0), files: list, base: new URL('files/', document.baseURI).href };
      w.postMessage(msg, [msg.image]);
    },
    (e: unknown) => {
      setStatus('could not fetch the image', 'failed');
      errors.textContent = String(e);
    },
  );
}

function run(): void {
  if (worker === null || running !== null) return;
  output.textContent = '';
  errors.textContent = '';
  delete output.dataset.truncated;
  delete errors.dataset.truncated;
  result.textContent = '';
  delete result.dataset.kind;
  running = nextId++;
  runButton.disabled = true;
  stopButton.disabled = false;
  setStatus('running…', 'running');
  const msg: WorkerRequest = { type: 'eval', id: running, source: editor.value };
  worker.postMessage(msg);
}

function stop(): void {
  if (running === null) return;
  worker?.terminate();
  running = null;
  runButton.disabled = false;
  stopButton.disabled = true;
  errors.textContent += (errors.textContent === '' ? '' : '\n') + 'Stopped: the evaluation was abandoned and tsmacs restarted.';
  result.dataset.kind = 'stopped';
  startWorker();
}

runButton.onclick = run;
stopButton.onclick = stop;
editor.addEventListener('keydown', (ev) => {
  if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) {
    ev.preventDefault();
    run();
  }
});
startWorker();
