// Child processes for the Node host: synchronous runs with spawnSync, asynchronous children in a worker thread.
//
// The Lisp thread never returns to Node's event loop while it runs, so asynchronous children cannot
// be driven from it. A worker thread owns them: it spawns, writes their stdin, and forwards each
// chunk of output and each exit through a MessagePort, then bumps a counter in a SharedArrayBuffer
// and notifies it. The Lisp thread reads the port synchronously (receiveMessageOnPort) and, when it
// is empty, sleeps in Atomics.wait on that counter until the worker notifies or the wait times out:
// blocking without spinning. Modules load on first use: start-up pays nothing for processes.

import type { HostChildEvent, HostNetAddress, HostNetError, HostProcesses, HostRunResult } from './host.ts';

type Builtins = {
  child: typeof import('node:child_process');
  worker: typeof import('node:worker_threads');
  os: typeof import('node:os');
  fs: typeof import('node:fs');
};

function builtin<T>(id: string): T {
  return (process as unknown as { getBuiltinModule(id: string): T }).getBuiltinModule(id);
}

const errnoText: Record<string, string> = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  ENOEXEC: 'Exec format error',
  E2BIG: 'Argument list too long',
};

const describe = (e: unknown): string => {
  const code = (e as { code?: string }).code;
  return (code && errnoText[code]) || (e instanceof Error ? e.message : String(e));
};

// The worker's program: plain JS, evaluated as a CommonJS script so that it needs no file of its own.
const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const { spawn } = require('node:child_process');
const { port, seq } = workerData;
const kids = new Map();
const post = (m) => { port.postMessage(m); Atomics.add(seq, 0, 1); Atomics.notify(seq, 0); };
const sigNum = (name) => (name ? require('node:os').constants.signals[name] || 0 : null);
parentPort.on('message', (m) => {
  if (m.op === 'spawn') {
    let c;
    try {
      c = spawn(m.file, m.args, { cwd: m.cwd, env: m.env, stdio: ['pipe', 'pipe', 'pipe'] });
    } catch (e) {
      post({ id: m.id, kind: 'spawned', error: String(e && e.code || e) });
      return;
    }
    let failed = false;
    c.on('error', (e) => {
      if (c.pid === undefined && !failed) { failed = true; post({ id: m.id, kind: 'spawned', error: String(e && e.code || e) }); }
    });
    if (c.pid === undefined) return;
    kids.set(m.id, c);
    post({ id: m.id, kind: 'spawned', pid: c.pid });
    c.stdin.on('error', () => {});
    c.stdout.on('data', (d) => post({ id: m.id, kind: 'out', data: new Uint8Array(d) }));
    // Merged stderr arrives as output in the order the worker reads the two pipes.
    const errKind = m.stderr === 'pipe' ? 'err' : 'out';
    c.stderr.on('data', (d) => post({ id: m.id, kind: errKind, data: new Uint8Array(d) }));
    c.on('close', (code, signal) => { kids.delete(m.id); post({ id: m.id, kind: 'exit', status: code, signal: sigNum(signal) }); });
  } else if (m.op === 'write') {
    const c = kids.get(m.id);
    if (c && c.stdin.writable) c.stdin.write(Buffer.from(m.data));
    const so = socks.get(m.id);
    if (so && so.writable) so.write(Buffer.from(m.data));
  } else if (m.op === 'eof') {
    const c = kids.get(m.id);
    if (c) c.stdin.end();
    const so = socks.get(m.id);
    if (so && so.end) so.end();
  } else if (m.op === 'listen') listen(m);
  else if (m.op === 'connect') connect(m);
  else if (m.op === 'close') {
    const so = socks.get(m.id);
    socks.delete(m.id);
    if (so && so.destroy) so.destroy();
    else if (so) so.close();
  } else if (m.op === 'lookup') {
    require('node:dns').lookup(m.name, { all: true, family: m.family }, (e, addrs) => {
      post(e ? { id: m.id, kind: 'reply', code: String(e.code), errno: -(e.errno || 0) } :
        { id: m.id, kind: 'reply', addrs: addrs.map((a) => ({ address: a.address, family: a.family })) });
    });
  }
});

// Sockets and listeners by id. A listener's connections get ids of their own, counted from 2^24
// so that they never meet the ids the Lisp thread hands out (and stay fixnums there).
const net = require('node:net');
const socks = new Map();
let connIds = 1 << 24;
const ends = (s) => [
  s.localAddress === undefined ? { path: '' } : { address: s.localAddress, port: s.localPort, family: s.localFamily },
  s.remoteAddress === undefined ? { path: '' } : { address: s.remoteAddress, port: s.remotePort, family: s.remoteFamily },
];
const watch = (id, s) => {
  socks.set(id, s);
  s.on('data', (d) => post({ id, kind: 'out', data: new Uint8Array(d) }));
  s.on('error', () => {});
  s.on('close', () => { if (socks.get(id) === s) { socks.delete(id); post({ id, kind: 'closed' }); } });
};
const fail = (m, e, kind) => post({ id: m.id, kind, code: String(e && e.code || e), errno: -((e && e.errno) || 0) });
function listen(m) {
  const srv = net.createServer();
  let up = false;
  srv.on('error', (e) => { if (!up) fail(m, e, 'reply'); });
  srv.on('connection', (s) => {
    if (!socks.has(m.id)) { s.destroy(); return; }
    const conn = connIds++;
    const [local, remote] = ends(s);
    post({ id: m.id, kind: 'accept', conn, local, remote });
    watch(conn, s);
  });
  const where = m.path !== undefined ? { path: m.path } : { host: m.host, port: m.port, ipv6Only: m.family === 6 };
  srv.listen({ ...where, backlog: m.backlog || 5 }, () => {
    up = true;
    socks.set(m.id, srv);
    const a = srv.address();
    post({ id: m.id, kind: 'reply', local: typeof a === 'string' ? { path: a } : { address: a.address, port: a.port, family: a.family } });
  });
}
function connect(m) {
  const s = m.path !== undefined ? net.connect({ path: m.path }) : net.connect({ host: m.host, port: m.port, family: m.family || 0 });
  let up = false;
  s.once('error', (e) => { if (!up) fail(m, e, m.nowait ? 'connfail' : 'reply'); });
  s.on('connect', () => {
    up = true;
    const [local, remote] = ends(s);
    if (m.path !== undefined) { local.path = ''; remote.path = m.path; }
    post({ id: m.id, kind: m.nowait ? 'connected' : 'reply', local, remote });
    watch(m.id, s);
  });
}
`;

/** Environment strings as spawn's object; an entry without "=" (a removed variable) is left out. */
function envObject(env: string[]): Record<string, string> {
  const o: Record<string, string> = {};
  const seen = new Set<string>();
  for (const e of env) {
    const i = e.indexOf('=');
    // A bare NAME removes the variable: later entries for NAME do not bring it back.
    const name = i < 0 ? e : e.slice(0, i);
    if (seen.has(name)) continue;
    seen.add(name);
    if (i > 0) o[name] = e.slice(i + 1);
  }
  return o;
}

/** A file descriptor of a fresh anonymous temporary file (unlinked at once): a synchronous child writes its merged output there. */
function anonymousFile(fs: typeof import('node:fs'), os: typeof import('node:os')): number {
  for (let i = 0; ; i++) {
    const name = `${os.tmpdir()}/tsmacs-out-${process.pid}-${Date.now()}-${i}`;
    try {
      const fd = fs.openSync(name, 'wx+', 0o600);
      fs.unlinkSync(name);
      return fd;
    } catch (e) {
      if ((e as { code?: string }).code !== 'EEXIST' || i > 100) throw e;
    }
  }
}

export function nodeProcesses(): HostProcesses {
  let mods: Builtins | null = null;
  const m = (): Builtins => (mods ??= {
    child: builtin('node:child_process'),
    worker: builtin('node:worker_threads'),
    os: builtin('node:os'),
    fs: builtin('node:fs'),
  });
  const signalNumber = (name: string | null): number | null =>
    name === null ? null : ((m().os.constants.signals as Record<string, number>)[name] ?? 0);
  const signalName = (n: number): string | null => {
    for (const [k, v] of Object.entries(m().os.constants.signals)) if (v === n) return k;
    return null;
  };

  let w: {
    worker: import('node:worker_threads').Worker;
    port: import('node:worker_threads').MessagePort;
    seq: Int32Array;
  } | null = null;
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  const queue: HostChildEvent[] = [];
  const spawned = new Map<number, { pid?: number; error?: string }>();
  const replies = new Map<number, Record<string, unknown>>();
  /** Send OP to the worker and block until it answers it (a listen, a connect without :nowait, a lookup). */
  const ask = (op: Record<string, unknown>): Record<string, unknown> => {
    const s = start();
    const id = nextId++;
    s.worker.postMessage({ ...op, id });
    for (;;) {
      drain();
      const r = replies.get(id);
      if (r) {
        replies.delete(id);
        return r;
      }
      const before = Atomics.load(s.seq, 0);
      drain();
      if (!replies.has(id)) Atomics.wait(s.seq, 0, before, 1000);
    }
  };
  const pids = new Map<number, number>();
  let nextId = 1;

  const start = () => {
    if (w) return w;
    const { Worker, MessageChannel } = m().worker;
    const seq = new Int32Array(new SharedArrayBuffer(4));
    const ch = new MessageChannel();
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { port: ch.port2, seq }, transferList: [ch.port2] });
    worker.unref();
    ch.port1.unref();
    w = { worker, port: ch.port1, seq };
    return w;
  };

  /** Move whatever the worker has sent into the queue; spawn replies go to their own table. */
  const drain = (): void => {
    if (!w) return;
    const { receiveMessageOnPort } = m().worker;
    for (;;) {
      const r = receiveMessageOnPort(w.port) as { message: { id: number; kind: string; pid?: number; error?: string } } | undefined;
      if (!r) return;
      const msg = r.message;
      if (msg.kind === 'spawned') spawned.set(msg.id, { pid: msg.pid, error: msg.error });
      else if (msg.kind === 'reply') replies.set(msg.id, msg);
      else {
        if (msg.kind === 'exit') pids.delete(msg.id);
        queue.push(msg as HostChildEvent);
      }
    }
  };

  /** Block until the worker has said something or MS have passed; true if it did. */
  const block = (ms: number): void => {
    const s = w!;
    const before = Atomics.load(s.seq, 0);
    drain();
    if (queue.length || ms <= 0) return;
    Atomics.wait(s.seq, 0, before, ms === Infinity ? undefined : ms);
  };


  return {
    run(sp, input, stderr): HostRunResult {
      // Merged output keeps the order of the child's writes only if both go to one file: a
      // temporary file's descriptor serves as stdout and stderr, and is read back afterwards.
      const fs = m().fs;
      const merged = stderr === 'merge' ? anonymousFile(fs, m().os) : -1;
      // Standard input is /dev/null or a file holding INPUT, never Node's stdio "pipe": that is a
      // socket, and bash -c on a socket reads ~/.bashrc as if started by a remote shell daemon.
      let inFd = -1;
      if (input !== null && input.length) {
        inFd = anonymousFile(fs, m().os);
        fs.writeSync(inFd, input, 0, input.length, 0);
      }
      try {
        const r = m().child.spawnSync(sp.file, sp.args, {
          cwd: sp.cwd, env: envObject(sp.env), maxBuffer: 1 << 30,
          stdio: [inFd < 0 ? 'ignore' : inFd, merged < 0 ? 'pipe' : merged, merged < 0 ? 'pipe' : merged],
        });
        if (r.error && !r.pid) {
          return { status: null, signal: null, stdout: new Uint8Array(0), stderr: new Uint8Array(0), error: describe(r.error) };
        }
        let stdout: Uint8Array = r.stdout ?? new Uint8Array(0);
        if (merged >= 0) {
          const size = fs.fstatSync(merged).size;
          stdout = new Uint8Array(size);
          let got = 0;
          while (got < size) {
            const n = fs.readSync(merged, stdout, got, size - got, got);
            if (n === 0) break;
            got += n;
          }
          stdout = stdout.subarray(0, got);
        }
        return { status: r.status, signal: signalNumber(r.signal), stdout, stderr: r.stderr ?? new Uint8Array(0) };
      } finally {
        if (merged >= 0) fs.closeSync(merged);
        if (inFd >= 0) fs.closeSync(inFd);
      }
    },
    detach(sp) {
      try {
        const c = m().child.spawn(sp.file, sp.args, { cwd: sp.cwd, env: envObject(sp.env), stdio: 'ignore', detached: true });
        c.on('error', () => {});
        c.unref();
        return null;
      } catch (e) {
        return describe(e);
      }
    },
    spawn(sp, stderr) {
      const s = start();
      const id = nextId++;
      s.worker.postMessage({ op: 'spawn', id, file: sp.file, args: sp.args, cwd: sp.cwd, env: envObject(sp.env), stderr });
      for (;;) {
        drain();
        const r = spawned.get(id);
        if (r) {
          spawned.delete(id);
          if (r.error !== undefined) return { error: errnoText[r.error] ?? r.error };
          pids.set(id, r.pid!);
          return { id, pid: r.pid! };
        }
        const before = Atomics.load(s.seq, 0);
        drain();
        if (!spawned.has(id)) Atomics.wait(s.seq, 0, before, 1000);
      }
    },
    write(id, bytes) {
      w?.worker.postMessage({ op: 'write', id, data: bytes });
    },
    closeStdin(id) {
      w?.worker.postMessage({ op: 'eof', id });
    },
    kill(id, sig) {
      const pid = pids.get(id);
      if (pid === undefined) return false;
      try {
        process.kill(pid, signalName(sig) ?? sig);
        return true;
      } catch {
        return false;
      }
    },
    wait(ms) {
      if (w) block(ms);
      else if (ms > 0 && ms !== Infinity) Atomics.wait(sleeper, 0, 0, ms);
      return queue.splice(0);
    },
    sleep(ms) {
      if (ms > 0) Atomics.wait(sleeper, 0, 0, ms);
    },
    killAll() {
      for (const pid of pids.values()) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
      pids.clear();
    },
    cpuCount: () => m().os.availableParallelism?.() ?? m().os.cpus().length,
    net: {
      listen(spec) {
        const r = ask({ op: 'listen', ...spec });
        return r.code !== undefined ? (r as unknown as HostNetError) : { id: r.id as number, local: r.local as HostNetAddress };
      },
      connect(spec, nowait) {
        if (nowait) {
          const s = start();
          const id = nextId++;
          s.worker.postMessage({ op: 'connect', ...spec, id, nowait: true });
          return { id };
        }
        const r = ask({ op: 'connect', ...spec });
        if (r.code !== undefined) return r as unknown as HostNetError;
        return { id: r.id as number, local: r.local as HostNetAddress, remote: r.remote as HostNetAddress };
      },
      close(id) {
        w?.worker.postMessage({ op: 'close', id });
      },
      lookup(name, family) {
        const r = ask({ op: 'lookup', name, family });
        return r.code !== undefined ? (r as unknown as HostNetError) : (r.addrs as { address: string; family: number }[]);
      },
    },
  };
}
