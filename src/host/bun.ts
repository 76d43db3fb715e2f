// The Bun host: the Node host (host/node.ts), whose start reads its files without node:fs.
//
// Bun's node:fs is JS of Bun's own, with node:path under it: loading it costs a start 3-3.5 ms of
// CPU (an empty file 6.7 ms, one that requires node:fs 10.3), and Bun 1.4 has no synchronous file
// API but node:fs and `Bun.mmap` (Bun.file reads asynchronously; process.binding('fs') is a stub).
// Under Bun the launcher (scripts/launcher-bun.template.cjs) hands the bundle node:fs and node:path
// as proxies that load them at their first use, and this host reads the start's files (the image,
// /etc/passwd) by mapping them, so a start that runs no file operation of Lisp's never loads them.
//
// Mapped only while the start's fixed work runs (the launcher's __tsmacsLispRuns is set until Lisp
// runs): a mapped file truncated by another process while it is read ends the process with SIGBUS,
// where a read gets the bytes that are left; once Lisp runs, every read is node:fs's. The image
// opened during the start keeps its mapping for its deferred payload (dump images are replaced by
// a rename, which leaves the mapping whole: host/image-file.ts). What cannot be mapped (Bun.mmap
// opens read-write, so for anyone but root /etc/passwd and an image they cannot write) is read by
// the C library's open and pread through Bun.FFI (libc below), and what neither can read (an empty
// file, a directory, /proc, a missing file) is left to the Node host, which gives the errors a read
// gives. The standard streams are written by the C library's write, so a command that prints does
// not load node:fs either.

import type { Host, OpenedFile } from './host.ts';
import { nodeHost } from './node.ts';

interface BunApi {
  mmap(path: string, opts?: { shared?: boolean }): Uint8Array;
  FFI: {
    dlopen(lib: string, symbols: Record<string, { args: number[]; returns: number }>): { symbols: Record<string, (...args: unknown[]) => number> };
    read: { i32(pointer: number, offset: number): number };
  };
}

/**
 * The few calls of the C library the Bun host makes itself (Linux's glibc only), or null.
 *
 * `Bun.mmap` opens its file read-write even for a private mapping, so for a user other than root it
 * fails on /etc/passwd (which the start reads for `user-full-name`) and on an image the user cannot
 * write, and the start then loaded node:fs for them: 3-3.5 ms. And every command that prints loaded
 * node:fs for its `writeSync`. `Bun.FFI` (the native object under bun:ffi, whose own JS costs 0.7 ms
 * to load) binds open, pread, lseek, write and close in 0.2-0.4 ms. Its type codes are bun:ffi's
 * FFIType numbers (ptr 12, int32 5, i64_fast 15: a number while it is a safe integer), and the
 * errno values are Linux's; test/hosts.test.ts checks both against bun:ffi and the start as `nobody`.
 */
interface Libc {
  open(path: Uint8Array, flags: number): number;
  pread(fd: number, target: Uint8Array, count: number, position: number): number;
  lseek(fd: number, offset: number, whence: number): number;
  write(fd: number, bytes: Uint8Array, count: number): number;
  close(fd: number): number;
  __errno_location(): number;
}

const PTR = 12;
const I32 = 5;
const I64 = 15;
/** Linux's O_RDONLY | O_NONBLOCK (a FIFO must not block the start: lseek then refuses it) | O_CLOEXEC. */
const OPEN_FLAGS = 0x800 | 0x80000;
const SEEK_END = 2;
const EINTR = 4;
const EAGAIN = 11;
const EPIPE = 32;

let libcBound: Libc | null | undefined;

function libc(): Libc | null {
  if (libcBound !== undefined) return libcBound;
  libcBound = null;
  const ffi = (globalThis as { Bun?: Partial<BunApi> }).Bun?.FFI;
  if (process.platform !== 'linux' || ffi === undefined) return null;
  try {
    libcBound = ffi.dlopen('libc.so.6', {
      open: { args: [PTR, I32], returns: I32 },
      pread: { args: [I32, PTR, I64, I64], returns: I64 },
      lseek: { args: [I32, I64, I32], returns: I64 },
      write: { args: [I32, PTR, I64], returns: I64 },
      close: { args: [I32], returns: I32 },
      __errno_location: { args: [], returns: PTR },
    }).symbols as unknown as Libc;
  } catch {}
  return libcBound;
}

function errno(c: Libc): number {
  return (globalThis as unknown as { Bun: BunApi }).Bun.FFI.read.i32(c.__errno_location(), 0);
}

/**
 * PATH open for reading by the C library, with its size, or null when it cannot be (missing,
 * unreadable, empty, not seekable: the Node host's read then gives the error or reads it).
 */
function libcOpen(path: string): { c: Libc; fd: number; size: number } | null {
  const c = startMapper() !== null ? libc() : null;
  if (c === null || path.includes('\0')) return null;
  const fd = c.open(new TextEncoder().encode(path + '\0'), OPEN_FLAGS);
  if (fd < 0) return null;
  const size = c.lseek(fd, 0, SEEK_END);
  // A folder opens and seeks too: its first read fails, so a byte is read to see.
  if (size <= 0 || c.pread(fd, new Uint8Array(1), 1, 0) !== 1) {
    c.close(fd);
    return null;
  }
  return { c, fd, size };
}

/** Read TARGET's length from FD at POSITION, to the end of the file; -1 on an error. */
function preadFully(c: Libc, fd: number, target: Uint8Array, position: number): number {
  let got = 0;
  while (got < target.length) {
    const n = c.pread(fd, got === 0 ? target : target.subarray(got), target.length - got, position + got);
    if (n === 0) break;
    if (n < 0) {
      if (errno(c) === EINTR) continue;
      return -1;
    }
    got += n;
  }
  return got;
}

/** Bun's mmap while the start's fixed work runs; null under another host, or once Lisp runs. */
function startMapper(): BunApi['mmap'] | null {
  const g = globalThis as { Bun?: Partial<BunApi>; __tsmacsLispRuns?: unknown };
  return typeof g.__tsmacsLispRuns === 'function' && typeof g.Bun?.mmap === 'function' ? g.Bun.mmap : null;
}

/** The file at PATH mapped (copy-on-write, never written back), or null when it cannot be. */
function mapped(path: string): Uint8Array | null {
  const mmap = startMapper();
  if (mmap === null) return null;
  try {
    return mmap(path, { shared: false });
  } catch {
    return null;
  }
}

/** The Node host, with the start's reads done by mapping under Bun (see above). */
export function bunHost(): Host {
  const host = nodeHost();
  const { readFile, openForReading, hostname } = host;
  const { write } = host;
  host.readFile = (path) => {
    const bytes = mapped(path);
    // A copy: the caller may keep it, and the mapping stays the file's.
    if (bytes !== null) return bytes.slice();
    const f = libcOpen(path);
    if (f !== null) {
      const out = new Uint8Array(f.size);
      const n = preadFully(f.c, f.fd, out, 0);
      f.c.close(f.fd);
      if (n >= 0) return n === f.size ? out : out.subarray(0, n);
    }
    return readFile.call(host, path);
  };
  host.openForReading = (path) => {
    const bytes = mapped(path);
    if (bytes === null) {
      const f = libcOpen(path);
      if (f === null) return openForReading!.call(host, path);
      let open = true;
      return {
        size: f.size,
        read: (target, position) => (open ? preadFully(f.c, f.fd, target, position) : -1),
        close() {
          if (open) f.c.close(f.fd);
          open = false;
        },
      };
    }
    const file: OpenedFile = {
      size: bytes.length,
      read(target, position) {
        const n = Math.max(0, Math.min(target.length, bytes.length - position));
        target.set(bytes.subarray(position, position + n));
        return n;
      },
      close() {},
    };
    return file;
  };
  // The standard streams by the C library's write: node:fs, which the Node host's write uses, costs
  // 3-3.5 ms to load, a third of a command's start. A pipe that is full (EAGAIN) is waited for, one
  // closed (EPIPE) drops the rest, as there; any other error is left to the Node host's write.
  host.write = (fd, bytes) => {
    const c = libc();
    if (c === null) return write.call(host, fd, bytes);
    let off = 0;
    while (off < bytes.length) {
      const n = c.write(fd, off === 0 ? bytes : bytes.subarray(off), bytes.length - off);
      if (n >= 0) {
        off += n;
        continue;
      }
      const e = errno(c);
      if (e === EAGAIN || e === EINTR) continue;
      if (e === EPIPE) return;
      return write.call(host, fd, bytes.subarray(off));
    }
  };
  host.hostname = () => {
    // The kernel's name without node:fs (the Node host reads /proc, which cannot be mapped).
    if (startMapper() !== null) {
      try {
        const name = (process as unknown as { getBuiltinModule(id: string): typeof import('node:os') }).getBuiltinModule('node:os').hostname();
        if (name) return name;
      } catch {}
    }
    return hostname.call(host);
  };
  return host;
}
