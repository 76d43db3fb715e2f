// The host interface: the only way the Lisp core touches the outside world (files, stdio, clock, exit).
//
// The Node implementation is host/node.ts; a browser build supplies its own.

/** A file the host refuses to write, with GNU's file-error wording: the reason ("Not a regular file") and the file. */
export class HostFileError extends Error {
  readonly reason: string;
  readonly file: string;
  constructor(reason: string, file: string) {
    super(`${reason}: ${file}`);
    this.reason = reason;
    this.file = file;
  }
}

export interface Host {
  /** Write raw bytes to standard output (fd 1) or standard error (fd 2). */
  write(fd: 1 | 2, bytes: Uint8Array): void;
  /** Whole contents of a file, or null if it cannot be read (the reason in lastError). */
  readFile(path: string): Uint8Array | null;
  writeFile(path: string, bytes: Uint8Array): void;
  /** Create PATH holding BYTES; throws (code EEXIST) when something is already there, never overwriting. */
  createFile(path: string, bytes: Uint8Array): void;
  /**
   * Bytes START..END (END null: to the end of the file) of the file PATH, or null if it cannot be
   * read (the reason in lastError): insert-file-contents reads only the part it was asked for.
   */
  readFileRange(path: string, start: number, end: number | null): Uint8Array | null;
  /** Overwrite bytes of an existing file at `position` (the dumper clears its in-progress mark this way). */
  patchFile(path: string, position: number, bytes: Uint8Array): void;
  /** Size in bytes of a regular file, or null if it cannot be opened (the reason in lastError). */
  fileSize(path: string): number | null;
  /**
   * Read a whole file with one read into `target` from `offset` on, at most to
   * the target's end (the dump loader reads straight into the heap). Returns
   * the bytes read, or -1 if the file cannot be opened (the reason in lastError).
   */
  readFileInto(path: string, target: Uint8Array, offset: number): number;
  /**
   * Write a dump image as FILE so that a crash leaves the old file or the whole new one, never
   * part of it: through symlinks, never over a special file (HostFileError), FIRST_BYTE going
   * into byte 0 last (BYTES holds the in-progress mark there until then).
   */
  writeImage(file: string, bytes: Uint8Array, firstByte: number): void;
  /** The process id, for temporary file names. */
  pid(): number;
  /** The process's real and effective user and group ids (0 each where the platform has none). */
  ids(): { uid: number; euid: number; gid: number; egid: number };
  /** The machine's host name. */
  hostname(): string;
  rename(from: string, to: string): void;
  unlink(path: string): void;
  /** 'file', 'dir', or null when nothing is there. */
  stat(path: string): { kind: 'file' | 'dir' | 'other'; mtimeMs: number; size: number } | null;
  readdir(path: string): string[] | null;
  /** The target of the symbolic link PATH, or null when PATH is not a symbolic link (or is missing). */
  readlink(path: string): string | null;
  cwd(): string;
  getenv(name: string): string | undefined;
  /** The whole environment, NAME=VALUE strings. */
  environ(): string[];
  /** Milliseconds, monotonic, sub-millisecond precision where available. */
  now(): number;
  /** Seconds since the epoch, wall clock. */
  wallTime(): number;
  /** Processor seconds (user + system) this process has used. Optional: `get-internal-run-time' falls back on `now'. */
  cpuTime?(): number;
  /** End the process with this exit status. */
  exit(code: number): never;
  /** Read one line from standard input, or null at end of input. */
  readLine(): string | null;
  /**
   * The decompressed bytes of gzip data, or null when BYTES are not gzip. Optional: without it
   * compressed files read as their raw bytes (a browser build need not carry zlib).
   */
  gunzip?(bytes: Uint8Array): Uint8Array | null;
  /** Whether PATH may be read ('r') or written ('w') by this process (POSIX access). Optional: without it, existence decides. */
  access?(path: string, mode: 'r' | 'w'): boolean;
  /** Text of the last failed file operation, as GNU's file-error data shows it ("No such file or directory"). */
  lastError: string;
}
