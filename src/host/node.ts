// The Node.js host: files, stdio and the clock for the CLI.

// Named imports: a namespace import makes the bundle copy every export of node:fs (0.4 ms a start-up).
import {
  accessSync, chmodSync, closeSync, constants as fsConstants, fstatSync, linkSync, lstatSync, lutimesSync, mkdirSync, opendirSync, openSync,
  readSync, readdirSync, readlinkSync, renameSync, rmdirSync, statSync, statfsSync, symlinkSync, unlinkSync, utimesSync,
  writeFileSync, writeSync,
} from 'node:fs';
import type { BigIntStats } from 'node:fs';
import type * as Zlib from 'node:zlib';
import type { FileStatus, Host } from './host.ts';
import { writeImageFile } from './image-file.ts';
import { nodeProcesses } from './node-process.ts';
import { nodeCiphers, nodeInterfaceDetails, nodeNetworkInterfaces } from './node-crypto.ts';
import { HeapExhausted } from '../heap/heap.ts';

/** The longest line readLine collects (256 MB): past it memory is full, as a string that long would be. */
export const MAX_LINE_BYTES = 1 << 28;

/**
 * One line from FD, without its newline, or null at end of input. Bytes go into a typed array
 * that doubles: a JS array of them died with a V8 fatal "invalid size" past 112 M entries when
 * standard input was a newline-free stream; past MAX (GNU grows until memory runs out) it
 * throws HeapExhausted, which reaches Lisp as memory-full.
 */
export function readLineFrom(fd: number, max = MAX_LINE_BYTES): string | null {
  const one = Buffer.alloc(1);
  let bytes = new Uint8Array(64);
  let len = 0;
  const text = (): string => Buffer.from(bytes.buffer, 0, len).toString('utf8');
  for (;;) {
    let n = 0;
    try {
      n = readSync(fd, one, 0, 1, null);
    } catch (e) {
      if ((e as { code?: string }).code === 'EAGAIN') continue;
      return len ? text() : null;
    }
    if (n === 0) return len ? text() : null;
    if (one[0] === 10) return text();
    if (len === bytes.length) {
      if (len >= max) throw new HeapExhausted();
      const nb = new Uint8Array(Math.min(len * 2, max));
      nb.set(bytes);
      bytes = nb;
    }
    bytes[len++] = one[0]!;
  }
}

const errnoText: Record<string, string> = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  EEXIST: 'File exists',
  ENOTEMPTY: 'Directory not empty',
  ELOOP: 'Too many levels of symbolic links',
  ENAMETOOLONG: 'File name too long',
  EPERM: 'Operation not permitted',
  EXDEV: 'Invalid cross-device link',
  EROFS: 'Read-only file system',
  EINVAL: 'Invalid argument',
  EBUSY: 'Device or resource busy',
  EMLINK: 'Too many links',
  ENOSPC: 'No space left on device',
};

function statusOf(s: BigIntStats): FileStatus {
  return {
    kind: s.isSymbolicLink() ? 'symlink' : s.isFile() ? 'file' : s.isDirectory() ? 'dir' : 'other',
    mode: Number(s.mode), nlink: Number(s.nlink), uid: Number(s.uid), gid: Number(s.gid), size: s.size,
    atimeNs: s.atimeNs, mtimeNs: s.mtimeNs, ctimeNs: s.ctimeNs, ino: s.ino, dev: s.dev,
  };
}

/** Read COUNT bytes of FD from POSITION into BUF at AT, looping while the kernel returns less; gives the bytes read (fewer at the end of the file). */
function readFully(fd: number, buf: Uint8Array, at: number, count: number, position: number): number {
  let got = 0;
  while (got < count) {
    const n = readSync(fd, buf, at + got, count - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return got;
}

/**
 * The bytes from START to END (null: to the end) of a file whose size is not known in advance.
 * It is read in order from its first byte, so a pipe, which cannot seek, reads too.
 */
function readToEnd(fd: number, start: number, end: number | null): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let skip = start;
  for (;;) {
    const want = end === null ? 65536 : Math.min(65536, end - start - total + skip);
    if (want <= 0) break;
    const chunk = new Uint8Array(want);
    const n = readSync(fd, chunk, 0, want, null);
    if (n === 0) break;
    const dropped = Math.min(skip, n);
    skip -= dropped;
    if (n > dropped) chunks.push(chunk.subarray(dropped, n));
    total += n - dropped;
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function describe(e: unknown): string {
  const code = (e as { code?: string }).code;
  return (code && errnoText[code]) || (e instanceof Error ? e.message : String(e));
}

/**
 * node:zlib, loaded on the first compressed file rather than at start-up (requiring it costs about
 * 0.4 ms, and few sessions read a .gz file). Null on a Node without process.getBuiltinModule
 * (before 20.16), where compressed files then fail to decompress with a Lisp error.
 */
function loadZlib(): typeof Zlib | null {
  const get = (process as unknown as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  return get === undefined ? null : (get('node:zlib') as typeof Zlib);
}

/**
 * The whole file at PATH (throws as fs does). With the openSync/fstatSync/readSync a start-up uses
 * anyway, not readFileSync: Node's own code cache is refused under the launcher's stack flag
 * (docs/startup.md), so readFileSync's first call compiles its helpers, about 0.4 ms of the start
 * (the start reads /etc/passwd and the host name). A file whose size stat does not know (procfs
 * gives 0) is read in chunks to its end, as readFileSync does.
 */
function readWhole(path: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    let out = new Uint8Array(size > 0 ? size : 8192);
    let got = 0;
    for (;;) {
      if (got === out.length) {
        if (size > 0) break;
        const grown = new Uint8Array(out.length * 2);
        grown.set(out);
        out = grown;
      }
      const n = readSync(fd, out, got, out.length - got, null);
      if (n === 0) break;
      got += n;
    }
    return got === out.length ? out : out.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

/** In the bundle, the launcher's call that lets V8 optimise again (scripts/launcher.template.cjs): a parameter of the bundle's function. */
declare const __tsmacs_bodies_ran: (() => void) | null | undefined;

export function nodeHost(): Host {
  // The module bodies have all run by now (the CLI makes its host first thing): V8's optimisers,
  // held back while they ran, are needed from here on.
  if (typeof __tsmacs_bodies_ran === 'function') __tsmacs_bodies_ran();
  /** A descriptor of PATH open for reading, or null with the reason in host.lastError. */
  const openToRead = (path: string): number | null => {
    try {
      return openSync(path, 'r');
    } catch (e) {
      host.lastError = describe(e);
      return null;
    }
  };
  const host: Host = {
    lastError: '',
    write(fd, bytes) {
      let off = 0;
      while (off < bytes.length) {
        try {
          off += writeSync(fd, bytes, off, bytes.length - off);
        } catch (e) {
          if ((e as { code?: string }).code === 'EAGAIN') continue;
          if ((e as { code?: string }).code === 'EPIPE') return;
          throw e;
        }
      }
    },
    readFile(path) {
      try {
        return readWhole(path);
      } catch (e) {
        host.lastError = describe(e);
        return null;
      }
    },
    writeFile(path, bytes) {
      writeFileSync(path, bytes);
    },
    createFile(path, bytes) {
      writeFileSync(path, bytes, { flag: 'wx' });
    },
    readFileRange(path, start, end) {
      const fd = openToRead(path);
      if (fd === null) return null;
      try {
        const size = fstatSync(fd).size;
        // Files of the kernel's pseudo file systems (/proc, /sys) say their size is 0 and still
        // have text: read them to their end, as GNU does.
        if (size === 0) return readToEnd(fd, start, end);
        const stop = end === null ? size : Math.min(end, size);
        const out = new Uint8Array(Math.max(0, stop - start));
        const got = readFully(fd, out, 0, out.length, start);
        return got === out.length ? out : out.slice(0, got);
      } catch (e) {
        host.lastError = describe(e);
        return null;
      } finally {
        closeSync(fd);
      }
    },
    patchFile(path, position, bytes) {
      const fd = openSync(path, 'r+');
      try {
        writeSync(fd, bytes, 0, bytes.length, position);
      } finally {
        closeSync(fd);
      }
    },
    fileSize(path) {
      try {
        const s = statSync(path);
        if (!s.isFile()) {
          host.lastError = s.isDirectory() ? 'Is a directory' : 'Not a regular file';
          return null;
        }
        return s.size;
      } catch (e) {
        host.lastError = describe(e);
        return null;
      }
    },
    openForReading(path) {
      const fd = openToRead(path);
      if (fd === null) return null;
      let size: number;
      try {
        const s = fstatSync(fd);
        if (!s.isFile()) {
          closeSync(fd);
          host.lastError = s.isDirectory() ? 'Is a directory' : 'Not a regular file';
          return null;
        }
        size = s.size;
      } catch (e) {
        closeSync(fd);
        host.lastError = describe(e);
        return null;
      }
      let open = true;
      return {
        size,
        read(target: Uint8Array, position: number): number {
          if (!open) return -1;
          try {
            return readFully(fd, target, 0, target.length, position);
          } catch (e) {
            host.lastError = describe(e);
            return -1;
          }
        },
        close(): void {
          if (!open) return;
          open = false;
          try {
            closeSync(fd);
          } catch {}
        },
      };
    },
    readFileInto(path, target, offset) {
      const fd = openToRead(path);
      if (fd === null) return -1;
      try {
        // One read normally does it; readFully loops only if the kernel returns less.
        return readFully(fd, target, offset, target.length - offset, 0);
      } catch (e) {
        host.lastError = describe(e);
        return -1;
      } finally {
        closeSync(fd);
      }
    },
    pid: () => process.pid,
    ids: () => ({
      uid: process.getuid?.() ?? 0,
      euid: process.geteuid?.() ?? 0,
      gid: process.getgid?.() ?? 0,
      egid: process.getegid?.() ?? 0,
    }),
    // The kernel's copy first: loading node:os costs a start-up about 2.5 ms of CPU (measured).
    hostname() {
      try {
        const name = String.fromCharCode(...readWhole('/proc/sys/kernel/hostname')).trim();
        if (name) return name;
      } catch {
        // Not Linux: ask node:os.
      }
      return (process as unknown as { getBuiltinModule(id: string): typeof import('node:os') }).getBuiltinModule('node:os').hostname();
    },
    // The kernel's file first, as for the host name; node:os elsewhere (macOS, the BSDs).
    loadAverage() {
      try {
        const nums = String.fromCharCode(...readWhole('/proc/loadavg')).trim().split(/\s+/).slice(0, 3).map(Number);
        if (nums.length === 3 && nums.every((x) => Number.isFinite(x))) return nums;
      } catch {
        // Not Linux: ask node:os.
      }
      return (process as unknown as { getBuiltinModule(id: string): typeof import('node:os') }).getBuiltinModule('node:os').loadavg();
    },
    writeImage: (file, bytes, firstByte) => writeImageFile(file, bytes, firstByte, process.pid),
    rename(from, to) {
      renameSync(from, to);
    },
    unlink(path) {
      unlinkSync(path);
    },
    stat(path) {
      try {
        const s = statSync(path);
        return { kind: s.isFile() ? 'file' : s.isDirectory() ? 'dir' : 'other', mtimeMs: s.mtimeMs, size: s.size };
      } catch (e) {
        host.lastError = describe(e);
        return null;
      }
    },
    readdir(path) {
      try {
        return readdirSync(path);
      } catch (e) {
        host.lastError = describe(e);
        return null;
      }
    },
    readlink(path) {
      try {
        return readlinkSync(path);
      } catch {
        return null;
      }
    },
    cwd: () => process.cwd(),
    getenv: (name) => process.env[name],
    environ: () => Object.entries(process.env).map(([k, v]) => `${k}=${v ?? ''}`),
    now: () => performance.now(),
    // Date.now() counts whole milliseconds; GNU's clock gives microseconds (float-time differences).
    wallTime: () => (performance.timeOrigin + performance.now()) / 1000,
    cpuTime: () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1e6;
    },
    exit(code) {
      host.processes?.killAll();
      process.exit(code);
    },
    readLine: () => readLineFrom(0),
    processes: nodeProcesses(),
    ciphers: nodeCiphers(),
    networkInterfaces: nodeNetworkInterfaces(),
    interfaceDetails: nodeInterfaceDetails(),
    gunzip(bytes) {
      const zlib = loadZlib();
      if (zlib === null) return null;
      try {
        return zlib.gunzipSync(bytes);
      } catch {
        return null;
      }
    },
    inflateRaw(bytes) {
      const zlib = loadZlib();
      if (zlib === null) return null;
      try {
        const done = zlib.inflateRawSync(bytes, { info: true }) as unknown as { buffer: Uint8Array; engine: { bytesWritten: number } };
        return { output: done.buffer, used: done.engine.bytesWritten, ended: true };
      } catch (e) {
        // Cut short: inflate what there is without asking for the end.
        if ((e as { code?: string }).code !== 'Z_BUF_ERROR') return null;
      }
      try {
        const part = zlib.inflateRawSync(bytes, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
        return { output: part, used: bytes.length, ended: false };
      } catch {
        return null;
      }
    },
    fileStatus(path, nofollow) {
      try {
        return statusOf((nofollow ? lstatSync : statSync)(path, { bigint: true }));
      } catch (e) {
        host.lastError = describe(e);
        host.lastErrorCode = (e as { code?: string }).code ?? '';
        return null;
      }
    },
    listDirectory(path) {
      // opendir keeps the system's order (readdirSync sorts); "." and ".." are listed as readdir(3) lists them.
      const dir = opendirSync(path);
      const names = ['.', '..'];
      try {
        for (let d = dir.readSync(); d !== null; d = dir.readSync()) names.push(d.name);
      } finally {
        dir.closeSync();
      }
      return names;
    },
    mkdir(path, mode) {
      mkdirSync(path, { mode });
    },
    rmdir(path) {
      rmdirSync(path);
    },
    symlink(target, path) {
      symlinkSync(target, path);
    },
    link(existing, newPath) {
      linkSync(existing, newPath);
    },
    chmod(path, mode) {
      chmodSync(path, mode);
    },
    utimes(path, atime, mtime, nofollow) {
      (nofollow ? lutimesSync : utimesSync)(path, atime, mtime);
    },
    copyFile(from, to, exclusive, mode) {
      // By hand, not copyFileSync: that gives an existing TO the modes of FROM, and GNU keeps TO's.
      const input = openSync(from, 'r');
      try {
        const flags = fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_TRUNC | (exclusive ? fsConstants.O_EXCL : 0);
        const output = openSync(to, flags, mode);
        try {
          const chunk = Buffer.alloc(1 << 16);
          for (let n = readSync(input, chunk); n > 0; n = readSync(input, chunk)) {
            for (let off = 0; off < n;) off += writeSync(output, chunk, off, n - off);
          }
        } finally {
          closeSync(output);
        }
      } finally {
        closeSync(input);
      }
    },
    umask(mask) {
      return mask === undefined ? process.umask() : process.umask(mask);
    },
    accessCode(path, mode) {
      try {
        accessSync(path, mode);
        return null;
      } catch (e) {
        return (e as { code?: string }).code ?? 'EACCES';
      }
    },
    statfs(path) {
      try {
        const s = statfsSync(path, { bigint: true });
        return { total: s.blocks * s.bsize, free: s.bfree * s.bsize, avail: s.bavail * s.bsize };
      } catch {
        return null;
      }
    },
    access(path, mode) {
      try {
        accessSync(path, mode === 'r' ? fsConstants.R_OK : mode === 'w' ? fsConstants.W_OK : fsConstants.X_OK);
        return true;
      } catch {
        return false;
      }
    },
  };
  return host;
}
