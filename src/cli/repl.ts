// The REPL's terminal side (`tsmacs` on a terminal, or `--repl`): readline, history, Tab completion and Ctrl-C, with the evaluator in a worker (repl-worker.ts).
//
// Node delivers SIGINT to JS only when the event loop runs, and the evaluator never returns to it
// while it runs. So the evaluator lives in a worker thread and this thread stays idle: Ctrl-C
// sets a word in a SharedArrayBuffer that the evaluator polls at its safe points (eval.ts), and
// it answers with the `quit' signal as GNU's C-g does. Node's modules load only here, on first
// use: a batch start-up pays nothing for the REPL.

import type { ReplReply, ReplRequest } from './repl-worker.ts';

type Mods = {
  readline: typeof import('node:readline');
  wt: typeof import('node:worker_threads');
  fs: typeof import('node:fs');
  os: typeof import('node:os');
  path: typeof import('node:path');
};

const builtin = <T>(id: string): T => (process as unknown as { getBuiltinModule(id: string): T }).getBuiltinModule(id);

export const PROMPT = 'ELISP> ';
/** ielm shows no prompt on a continued line; the blanks keep the text lined up under the first line's. */
const CONTINUATION = ' '.repeat(PROMPT.length);
const BANNER = "*** Welcome to tsmacs's IELM ***  Ctrl-D exits, Ctrl-C quits an evaluation, Tab completes.\n";
const HISTORY_SIZE = 1000;

export interface ReplOptions {
  /** The script the worker runs (the launcher, or bin.ts from source). */
  entry: string;
  /** Arguments for the worker's command line (the dump file, load-path). */
  workerArgs: string[];
}

/** The history file: TSMACS_HISTORY (empty: none), else ~/.tsmacs_history. */
function historyPath(m: Mods): string | null {
  const env = process.env.TSMACS_HISTORY;
  if (env !== undefined) return env === '' ? null : env;
  return m.path.join(m.os.homedir(), '.tsmacs_history');
}

function loadHistory(m: Mods, file: string | null): string[] {
  if (file === null) return [];
  try {
    // The file is oldest first; readline wants the newest first.
    return m.fs.readFileSync(file, 'utf8').split('\n').filter((l) => l !== '').slice(-HISTORY_SIZE).reverse();
  } catch {
    return [];
  }
}

function saveHistory(m: Mods, file: string | null, history: readonly string[]): void {
  if (file === null) return;
  try {
    m.fs.writeFileSync(file, history.slice(0, HISTORY_SIZE).reverse().join('\n') + '\n', { mode: 0o600 });
  } catch {
    // An unwritable history file must not end the session.
  }
}

/** The symbol name being typed at the end of LINE (after quotes, parens, `#'`, `,@`). */
export const completionPrefix = (line: string): string => /[^\s()[\]'`",;#@]*$/.exec(line)![0];

/** Start the REPL: null while it runs on (the process ends when it does: Ctrl-D, kill-emacs, a start-up failure), or the exit status if it cannot start. */
export function startRepl(opts: ReplOptions): number | null {
  const m: Mods = {
    readline: builtin('node:readline'),
    wt: builtin('node:worker_threads'),
    fs: builtin('node:fs'),
    os: builtin('node:os'),
    path: builtin('node:path'),
  };
  const stdin = process.stdin;
  const stdout = process.stdout;
  const terminal = stdin.isTTY === true && stdout.isTTY === true;
  const quit = new Int32Array(new SharedArrayBuffer(4));
  if (!m.fs.existsSync(opts.entry)) {
    process.stderr.write(`tsmacs: the REPL runs the built command, and ${opts.entry} is missing: build it with npm run build\n`);
    return 1;
  }
  const worker = new m.wt.Worker(opts.entry, {
    argv: ['--repl-worker', ...opts.workerArgs],
    workerData: { quit },
    // The command runs with --stack-size=6000 (KB): the worker's thread needs at least that much stack.
    resourceLimits: { stackSizeMb: 8 },
    stdout: false,
    stderr: false,
  });
  // The launcher exits once the command line returns, unless told that something runs on.
  (globalThis as { __tsmacsLive?: boolean }).__tsmacsLive = true;
  const send = (r: ReplRequest): void => worker.postMessage(r);

  const histFile = historyPath(m);
  let pending = '';
  let busy = true; // until the worker is ready
  let interrupts = 0;
  let nextCompletion = 1;
  const completionWaiters = new Map<number, (hits: string[]) => void>();

  const rl = m.readline.createInterface({
    input: stdin,
    output: stdout,
    terminal,
    history: loadHistory(m, histFile),
    historySize: HISTORY_SIZE,
    removeHistoryDuplicates: false,
    prompt: PROMPT,
    completer: (line: string, cb: (err: Error | null, result: [string[], string]) => void) => {
      const prefix = completionPrefix(line);
      if (busy || prefix === '') {
        cb(null, [[], prefix]);
        return;
      }
      const id = nextCompletion++;
      completionWaiters.set(id, (hits) => cb(null, [hits, prefix]));
      send({ type: 'complete', id, prefix });
    },
  });
  rl.pause();
  rl.on('history', (h: string[]) => saveHistory(m, histFile, h));

  let exiting = false;
  const exit = (code: number): void => {
    if (exiting) return;
    exiting = true;
    if (terminal && stdin.isRaw) stdin.setRawMode(false);
    rl.close();
    void worker.terminate().finally(() => process.exit(code));
  };

  const showPrompt = (): void => {
    busy = false;
    interrupts = 0;
    rl.setPrompt(pending === '' ? PROMPT : CONTINUATION);
    rl.resume();
    rl.prompt(true);
  };

  // readline stays active (the terminal raw) while the evaluator runs: Ctrl-C arrives as a key
  // whenever it is pressed (switching the terminal back to signals would lose one typed just
  // before the switch), and what is typed meanwhile is edited and queued as usual.
  const startEval = (): void => {
    busy = true;
    // Cleared here, not by the evaluator: a Ctrl-C right after Enter must not be lost.
    Atomics.store(quit, 0, 0);
    send({ type: 'input', text: pending });
  };

  const interrupt = (): void => {
    if (!busy) return;
    interrupts++;
    Atomics.store(quit, 0, 1);
    // Code that never reaches a safe point (a long primitive) cannot see the request: a third
    // Ctrl-C ends the session rather than leave the user stuck.
    if (interrupts === 2) process.stderr.write('\ntsmacs: waiting for the evaluation to quit; Ctrl-C again ends the REPL\n');
    if (interrupts >= 3) {
      process.stderr.write('tsmacs: REPL ended\n');
      exit(130);
    }
  };
  process.on('SIGINT', interrupt);

  rl.on('SIGINT', () => {
    if (busy) {
      if (interrupts === 0) stdout.write('^C');
      interrupt();
      return;
    }
    // At the prompt, Ctrl-C drops what was typed, as a shell does.
    pending = '';
    stdout.write('^C\n');
    rl.write(null, { ctrl: true, name: 'u' });
    rl.setPrompt(PROMPT);
    rl.prompt();
  });

  // Lines typed or pasted while an evaluation runs wait their turn.
  const queue: string[] = [];
  let closed = false;
  /** Start on the next queued line, or exit once input has ended; true when something runs. */
  const pump = (): boolean => {
    if (busy || exiting) return true;
    const line = queue.shift();
    if (line === undefined) {
      if (closed) exit(0);
      return closed;
    }
    pending = pending === '' ? line : `${pending}\n${line}`;
    startEval();
    return true;
  };
  rl.on('line', (line: string) => {
    queue.push(line);
    pump();
  });

  // Ctrl-D on an empty line, or the end of piped input: what was read still runs first.
  rl.on('close', () => {
    if (exiting) return;
    if (terminal) stdout.write('\n');
    closed = true;
    pump();
  });

  worker.on('message', (r: ReplReply) => {
    switch (r.type) {
      case 'ready':
        stdout.write(BANNER);
        busy = false;
        if (!pump()) showPrompt();
        return;
      case 'exit':
        exit(r.code);
        return;
      case 'completions': {
        const w = completionWaiters.get(r.id);
        completionWaiters.delete(r.id);
        w?.(r.hits);
        return;
      }
      case 'incomplete':
        break;
      case 'result':
        pending = '';
        // After Lisp output without its newline, or the terminal's echo of ^C, the result starts a line.
        stdout.write((r.freshLine || (interrupts > 0 && terminal) ? '\n' : '') + r.text);
        break;
    }
    busy = false;
    if (pump()) return;
    showPrompt();
  });
  worker.on('error', (e: unknown) => {
    process.stderr.write(`tsmacs: the REPL's evaluator failed: ${e instanceof Error ? e.message : String(e)}\n`);
    exit(70);
  });
  worker.on('exit', (code: number) => {
    if (!exiting) exit(code === 0 ? 70 : code);
  });
  return null;
}
