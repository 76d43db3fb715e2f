// The browser host: the Host interface (host.ts) over what a browser has: an in-memory file system, the page for stdout/stderr, the browser's clock.
//
// There are no child processes (every process primitive then signals a Lisp error), no standard
// input (reading from it gives end of file), and `kill-emacs' ends the runtime, not the page.
// Works on a page or in a Web Worker; src/web/worker.ts runs it in a Worker.

import type { FileStatus, Host } from './host.ts';
import { FsError, MemoryFS } from './browser-fs.ts';
import { posixTzFor } from './browser-tz.ts';

export interface BrowserHostOptions {
  /** Standard output and standard error: called with each write's bytes. */
  stdout: (bytes: Uint8Array) => void;
  stderr: (bytes: Uint8Array) => void;
  /** The environment, as NAME=VALUE; HOME, USER, TZ, LANG... get defaults (below) when not given. */
  env?: Record<string, string>;
  /** Reads a file listed lazily (see MemoryFS): its bytes, or null when it cannot be had. */
  fetchFile?: (path: string) => Uint8Array | null;
  /** The directory relative file names start from (made if missing). */
  cwd?: string;
}

/** The browser's wall clock and a monotonic one (performance.now counts from the page's or worker's start). */
const wallMs = (): number => (typeof performance !== 'undefined' ? performance.timeOrigin + performance.now() : Date.now());
const monotonic = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** What a browser tells about the user's language and time zone, as environment defaults. */
function defaultEnv(): Record<string, string> {
  const env: Record<string, string> = { HOME: '/home/web', USER: 'web', LOGNAME: 'web', PATH: '/usr/bin:/bin', SHELL: '/bin/sh' };
  try {
    // No zone files here: the browser's zone as a POSIX string with this year's rules (browser-tz.ts).
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const tz = typeof zone === 'string' ? posixTzFor(zone, new Date().getUTCFullYear()) : null;
    if (tz !== null) env.TZ = tz;
  } catch {
    // no Intl: leave TZ unset (UTC)
  }
  const lang = (globalThis as { navigator?: { language?: string } }).navigator?.language;
  env.LANG = typeof lang === 'string' && /^[a-z]{2,3}(-[A-Z]{2})?$/.test(lang) ? lang.replace('-', '_') + '.UTF-8' : 'C.UTF-8';
  return env;
}

/** Thrown by `exit`: `kill-emacs' ends the runtime, and whoever runs it learns the status. */
export class BrowserExit extends Error {
  readonly code: number;
  constructor(code: number) {
    super(`exit ${code}`);
    this.code = code;
  }
}

export function browserHost(opts: BrowserHostOptions): Host & { fs: MemoryFS } {
  const fs = new MemoryFS(opts.fetchFile ?? (() => null), wallMs);
  const env = { ...defaultEnv(), ...(opts.env ?? {}) };
  const cwd = opts.cwd ?? env.HOME ?? '/';
  fs.mkdirs(cwd);
  fs.mkdirs(env.HOME ?? '/');
  fs.mkdirs('/tmp');
  // A writer's failure, with the reason kept where readers leave theirs.
  const noting = <T>(fn: () => T): T => {
    try {
      return fn();
    } catch (e) {
      if (e instanceof FsError) {
        host.lastError = fs.lastError;
        host.lastErrorCode = fs.lastCode;
      }
      throw e;
    }
  };
  const ns = (ms: number): bigint => BigInt(Math.round(ms * 1e6));
  const host: Host & { fs: MemoryFS } = {
    fs,
    lastError: '',
    write(fd, bytes) {
      (fd === 1 ? opts.stdout : opts.stderr)(bytes.slice());
    },
    readFile(path) {
      const got = fs.readFile(path);
      if (got === null) host.lastError = fs.lastError;
      return got;
    },
    writeFile: (path, bytes) => noting(() => fs.writeFile(path, bytes)),
    createFile: (path, bytes) => noting(() => fs.writeFile(path, bytes, true)),
    readFileRange(path, start, end) {
      const all = host.readFile(path);
      if (all === null) return null;
      return all.slice(start, end === null ? all.length : Math.min(end, all.length));
    },
    patchFile: (path, position, bytes) => noting(() => fs.patchFile(path, position, bytes)),
    fileSize(path) {
      const node = fs.fileStatus(path, false);
      if (node === null || node.kind !== 'file') {
        host.lastError = node === null ? fs.lastError : node.kind === 'dir' ? 'Is a directory' : 'Not a regular file';
        return null;
      }
      return fs.sizeOf(node);
    },
    readFileInto(path, target, offset) {
      const bytes = host.readFile(path);
      if (bytes === null) return -1;
      const n = Math.min(bytes.length, target.length - offset);
      target.set(bytes.subarray(0, n), offset);
      return n;
    },
    writeImage: (file, bytes, firstByte) =>
      noting(() => {
        const copy = bytes.slice();
        copy[0] = firstByte;
        fs.writeFile(file, copy);
      }),
    pid: () => 1,
    ids: () => ({ uid: 1000, euid: 1000, gid: 1000, egid: 1000 }),
    hostname: () => {
      const h = (globalThis as { location?: { hostname?: string } }).location?.hostname;
      return typeof h === 'string' && h !== '' ? h : 'browser';
    },
    rename: (from, to) => noting(() => fs.rename(from, to)),
    unlink: (path) => noting(() => fs.unlink(path)),
    stat(path) {
      const node = fs.fileStatus(path, false);
      if (node === null) {
        host.lastError = fs.lastError;
        return null;
      }
      return { kind: node.kind === 'file' ? 'file' : node.kind === 'dir' ? 'dir' : 'other', mtimeMs: node.mtimeMs, size: fs.sizeOf(node) };
    },
    readdir(path) {
      try {
        return fs.listDirectory(path).slice(2).sort();
      } catch (e) {
        if (!(e instanceof FsError)) throw e;
        host.lastError = fs.lastError;
        return null;
      }
    },
    readlink: (path) => fs.readlink(path),
    cwd: () => cwd,
    getenv: (name) => env[name],
    environ: () => Object.entries(env).map(([k, v]) => `${k}=${v}`),
    now: monotonic,
    wallTime: () => wallMs() / 1000,
    exit(code): never {
      throw new BrowserExit(code);
    },
    readLine: () => null,
    fileStatus(path, nofollow): FileStatus | null {
      const node = fs.fileStatus(path, nofollow);
      if (node === null) {
        host.lastError = fs.lastError;
        host.lastErrorCode = fs.lastCode;
        return null;
      }
      return {
        kind: node.kind, mode: node.mode, nlink: node.nlink, uid: 1000, gid: 1000, size: BigInt(fs.sizeOf(node)),
        atimeNs: ns(node.atimeMs), mtimeNs: ns(node.mtimeMs), ctimeNs: ns(node.mtimeMs), ino: BigInt(node.ino), dev: 1n,
      };
    },
    listDirectory: (path) => noting(() => fs.listDirectory(path)),
    mkdir: (path, mode) => noting(() => fs.mkdir(path, mode)),
    rmdir: (path) => noting(() => fs.rmdir(path)),
    symlink: (target, path) => noting(() => fs.symlink(target, path)),
    link: (existing, newPath) => noting(() => fs.link(existing, newPath)),
    chmod: (path, mode) => noting(() => fs.chmod(path, mode)),
    utimes: (path, atime, mtime, nofollow) => noting(() => fs.utimes(path, atime, mtime, nofollow)),
    copyFile: (from, to, exclusive, mode) => noting(() => fs.copyFile(from, to, exclusive, mode)),
    umask: (mask) => fs.umask(mask),
    accessCode(path) {
      const node = fs.fileStatus(path, false);
      return node === null ? fs.lastCode || 'ENOENT' : null;
    },
    statfs: () => null,
    access: (path) => fs.fileStatus(path, false) !== null,
  };
  return host;
}
