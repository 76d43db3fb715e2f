// Writing a dump image to its file: through symlinks, never over special files, fsync'd, via a temp file whose stale copies are cleaned.
//
// The scheme (pdumper.ts dumpToFile calls writeDumpFile):
//   1. FILE is resolved through any symlinks, as GNU writes through them: the
//      link stays a link and its target gets the new image.
//   2. If the target exists and is not a regular file (a device, a FIFO, a
//      socket, a directory), the dump is refused: renaming over it would
//      replace the special file, writing into it would feed a device.
//   3. Temp files `TARGET.tmp-PID` left by dumps that were killed mid-write
//      (their PID no longer runs) are removed; those of running processes
//      are left alone.
//   4. The image goes to `TARGET.tmp-PID` (created exclusively, so a planted
//      symlink there is never followed) with byte 0 = '!' (in progress); the
//      mark is cleared, the file fsync'd, then renamed over TARGET and the
//      directory fsync'd, so a crash leaves either the old file or the whole
//      new one under TARGET.
//
// It uses node:fs directly: the Host interface (host/host.ts) has no lstat,
// readlink, fsync or process check. Those belong there in the long run.

import * as fs from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { MAGIC } from './format.ts';

/** A refusal with GNU's file-error wording: the reason ("Not a regular file") and the file. */
export class DumpFileError extends Error {
  readonly reason: string;
  readonly file: string;
  constructor(reason: string, file: string) {
    super(`${reason}: ${file}`);
    this.reason = reason;
    this.file = file;
  }
}

/** FILE with every symlink along its last component followed (a dangling link gives its target's path). */
export function resolveLinks(file: string): string {
  let path = file;
  for (let hops = 0; hops < 40; hops++) {
    let st: fs.Stats;
    try {
      st = fs.lstatSync(path);
    } catch {
      return path; // nothing there: the dump creates it
    }
    if (!st.isSymbolicLink()) return path;
    const to = fs.readlinkSync(path);
    path = isAbsolute(to) ? to : join(dirname(path), to);
  }
  throw new DumpFileError('Too many levels of symbolic links', file);
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
    names = fs.readdirSync(dir);
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
      if (fs.lstatSync(p).isFile()) {
        fs.unlinkSync(p);
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
 * scheme above. Throws DumpFileError for a refusal, or the fs error.
 */
export function writeDumpFile(file: string, bytes: Uint8Array, pid: number): void {
  const target = resolveLinks(file);
  let mode: number | undefined;
  try {
    const st = fs.statSync(target);
    if (st.isDirectory()) throw new DumpFileError('Is a directory', file);
    if (!st.isFile()) throw new DumpFileError('Not a regular file', file);
    mode = st.mode & 0o7777;
  } catch (e) {
    if (e instanceof DumpFileError || (e as { code?: string }).code !== 'ENOENT') throw e;
  }
  removeStaleTemps(target, pid);
  const tmp = `${target}.tmp-${pid}`;
  try {
    fs.unlinkSync(tmp); // our own pid's leftover from an earlier process with the same id
  } catch {
    // none
  }
  const fd = fs.openSync(tmp, 'wx', mode ?? 0o666);
  let done = false;
  try {
    try {
      if (mode !== undefined) fs.fchmodSync(fd, mode);
      let at = 0;
      while (at < bytes.length) at += fs.writeSync(fd, bytes, at, bytes.length - at, at);
      fs.writeSync(fd, MAGIC, 0, 1, 0);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, target);
    done = true;
  } finally {
    if (!done) {
      try {
        fs.unlinkSync(tmp);
      } catch {
        // nothing to clean
      }
    }
  }
  // The rename is durable once the directory is; not every system lets a directory be fsync'd.
  try {
    const dfd = fs.openSync(dirname(target), 'r');
    try {
      fs.fsyncSync(dfd);
    } finally {
      fs.closeSync(dfd);
    }
  } catch {
    // best effort
  }
}
