// The Node host's way to write a dump image to its file: through symlinks, never over special files, fsync'd, via a temp file whose stale copies are cleaned.
//
// The scheme (pdumper.ts dumpToFile calls host.writeImage, which is writeImageFile here):
//   1. FILE is resolved through any symlinks, as GNU writes through them: the
//      link stays a link and its target gets the new image.
//   2. If the target exists and is not a regular file (a device, a FIFO, a
//      socket, a directory), the dump is refused: renaming over it would
//      replace the special file, writing into it would feed a device.
//   3. Temp files `TARGET.tmp-PID` left by dumps that were killed mid-write
//      (their PID no longer runs) are removed; those of running processes
//      are left alone.
//   4. The image goes to `TARGET.tmp-PID` (created exclusively, so a planted
//      symlink there is never followed) with its in-progress mark in byte 0;
//      the real first byte is written last, the file fsync'd, then renamed over TARGET and the
//      directory fsync'd, so a crash leaves either the old file or the whole
//      new one under TARGET.
//
// Functions of node:fs are imported by name: a namespace import makes the bundle copy every
// export of node:fs at start-up (docs/startup.md).

import {
  closeSync, fchmodSync, fsyncSync, lstatSync, openSync, readdirSync, readlinkSync, renameSync, statSync, unlinkSync, writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { HostFileError } from './host.ts';

/** FILE with every symlink along its last component followed (a dangling link gives its target's path). */
export function resolveLinks(file: string): string {
  let path = file;
  for (let hops = 0; hops < 40; hops++) {
    let st: Stats;
    try {
      st = lstatSync(path);
    } catch {
      return path; // nothing there: the dump creates it
    }
    if (!st.isSymbolicLink()) return path;
    const to = readlinkSync(path);
    path = isAbsolute(to) ? to : join(dirname(path), to);
  }
  throw new HostFileError('Too many levels of symbolic links', file);
}

/** Is process PID running (or alive under another user)? */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
}

/** Remove `TARGET.tmp-PID` files whose process is gone: the remains of killed dumps. Returns their names. */
export function removeStaleTemps(target: string, ownPid: number): string[] {
  const dir = dirname(target);
  const prefix = `${basename(target)}.tmp-`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const rest = name.slice(prefix.length);
    if (!/^[1-9][0-9]{0,9}$/.test(rest)) continue;
    const pid = Number(rest);
    if (pid === ownPid || alive(pid)) continue;
    try {
      const p = join(dir, name);
      if (lstatSync(p).isFile()) {
        unlinkSync(p);
        removed.push(p);
      }
    } catch {
      // gone already, or not ours to remove
    }
  }
  return removed;
}

/**
 * Write BYTES (whose byte 0 the caller set to the in-progress mark) as the dump FILE, by the
 * scheme above, FIRST_BYTE going into byte 0 last. Throws HostFileError for a refusal, or the fs error.
 */
export function writeImageFile(file: string, bytes: Uint8Array, firstByte: number, pid: number): void {
  const target = resolveLinks(file);
  let mode: number | undefined;
  try {
    const st = statSync(target);
    if (st.isDirectory()) throw new HostFileError('Is a directory', file);
    if (!st.isFile()) throw new HostFileError('Not a regular file', file);
    mode = st.mode & 0o7777;
  } catch (e) {
    if (e instanceof HostFileError || (e as { code?: string }).code !== 'ENOENT') throw e;
  }
  removeStaleTemps(target, pid);
  const tmp = `${target}.tmp-${pid}`;
  try {
    unlinkSync(tmp); // our own pid's leftover from an earlier process with the same id
  } catch {
    // none
  }
  const fd = openSync(tmp, 'wx', mode ?? 0o666);
  let done = false;
  try {
    try {
      if (mode !== undefined) fchmodSync(fd, mode);
      let at = 0;
      while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at, at);
      writeSync(fd, Uint8Array.of(firstByte), 0, 1, 0);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
    done = true;
  } finally {
    if (!done) {
      try {
        unlinkSync(tmp);
      } catch {
        // nothing to clean
      }
    }
  }
  // The rename is durable once the directory is; not every system lets a directory be fsync'd.
  try {
    const dfd = openSync(dirname(target), 'r');
    try {
      fsyncSync(dfd);
    } finally {
      closeSync(dfd);
    }
  } catch {
    // best effort
  }
}
