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
// a rename, which leaves the mapping whole: host/image-file.ts). Whatever cannot be mapped (an
// empty file, a directory, /proc, a missing file) is left to the Node host, which gives the
// errors a read gives.

import type { Host, OpenedFile } from './host.ts';
import { nodeHost } from './node.ts';

interface BunApi {
  mmap(path: string, opts?: { shared?: boolean }): Uint8Array;
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
  host.readFile = (path) => {
    const bytes = mapped(path);
    // A copy: the caller may keep it, and the mapping stays the file's.
    return bytes !== null ? bytes.slice() : readFile.call(host, path);
  };
  host.openForReading = (path) => {
    const bytes = mapped(path);
    if (bytes === null) return openForReading!.call(host, path);
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
