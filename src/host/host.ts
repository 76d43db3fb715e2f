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

/** What lstat/stat says about a file: the whole POSIX stat record (times in nanoseconds). */
export interface FileStatus {
  kind: 'file' | 'dir' | 'symlink' | 'other';
  /** st_mode: the type bits and the permission bits. */
  mode: number;
  nlink: number;
  uid: number;
  gid: number;
  size: bigint;
  atimeNs: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
  ino: bigint;
  dev: bigint;
}

/**
 * The file operations behind directories, links and modes. Each throws on failure an object whose
 * `code` is the POSIX errno name ("ENOENT", "EEXIST"...), which fileio.ts turns into GNU's
 * file-error signals with strerror's text.
 */
export interface HostFileOps {
  /** The status of PATH, of the link itself when NOFOLLOW; null when there is none (the reason in lastError, the errno name in lastErrorCode). */
  fileStatus(path: string, nofollow: boolean): FileStatus | null;
  /** The names in directory PATH, "." and ".." included, in the order the system lists them. */
  listDirectory(path: string): string[];
  mkdir(path: string, mode: number): void;
  rmdir(path: string): void;
  symlink(target: string, path: string): void;
  link(existing: string, newPath: string): void;
  chmod(path: string, mode: number): void;
  /** Set access and modification times, in seconds since the epoch (fractions allowed); NOFOLLOW: a link's own. */
  utimes(path: string, atime: number, mtime: number, nofollow: boolean): void;
  /**
   * Copy the bytes of FROM (through links) to TO. A new TO is created with MODE (less the
   * file-creation mask); an existing one is truncated and keeps its modes. EXCLUSIVE: TO must not exist.
   */
  copyFile(from: string, to: string, exclusive: boolean, mode: number): void;
  /** The process's file-creation mask; with MASK, set it and return the old one. */
  umask(mask?: number): number;
  /** Whether this process may access PATH in MODE (POSIX access bits: 0 exists, 1 x, 2 w, 4 r); the errno name when not, null when it may. */
  accessCode(path: string, mode: number): string | null;
  /** Total, free and available bytes of the file system holding PATH; null when it cannot be asked. */
  statfs(path: string): { total: bigint; free: bigint; avail: bigint } | null;
}

/** A file held open by Host.openForReading. */
export interface OpenedFile {
  readonly size: number;
  read(target: Uint8Array, position: number): number;
  close(): void;
}

export interface Host extends HostFileOps {
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
   * Optional: PATH opened for reading parts of it later (the dump loader reads a dump's deferred
   * payload at its first use, from the file it loaded even if PATH is replaced meanwhile), with its
   * size; or null if it cannot be opened (the reason in lastError). `read` fills TARGET from file
   * position POSITION on, as far as the file goes, and returns the bytes read (-1 on an error).
   */
  openForReading?(path: string): OpenedFile | null;
  /**
   * Write a dump image as FILE so that a crash leaves the old file or the whole new one, never
   * part of it: through symlinks, never over a special file (HostFileError), FIRST_BYTE going
   * into byte 0 last (BYTES holds the in-progress mark there until then).
   */
  writeImage(file: string, bytes: Uint8Array, firstByte: number): void;
  /**
   * Optional: the absolute file name of the program the user ran (the launcher script), from which
   * `invocation-name' and `invocation-directory' are set, so that Lisp can start tsmacs again.
   */
  programPath?: string;
  /** The process id, for temporary file names. */
  pid(): number;
  /** The process's real and effective user and group ids (0 each where the platform has none). */
  ids(): { uid: number; euid: number; gid: number; egid: number };
  /** The machine's host name. */
  hostname(): string;
  /** The 1, 5 and 15-minute load averages; absent or null where the platform has none (a browser). */
  loadAverage?(): number[] | null;
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
  /**
   * Inflate raw deflate data (no zlib or gzip wrapper) from the start of BYTES: the output, how
   * many input bytes the stream used and whether it ended (false: BYTES stop before its end, and
   * the output is what they give), or null when the data is damaged. Optional: without it
   * `zlib-available-p' is nil (a browser build need not carry zlib).
   */
  inflateRaw?(bytes: Uint8Array): { output: Uint8Array; used: number; ended: boolean } | null;
  /** Whether PATH may be read ('r'), written ('w') or executed ('x') by this process (POSIX access). Optional: without it, existence decides. */
  access?(path: string, mode: 'r' | 'w' | 'x'): boolean;
  /** Child processes (see HostProcesses); absent where the host cannot run programs. */
  processes?: HostProcesses;
  /** Block and stream ciphers (see HostCiphers); absent where the platform has none that runs synchronously (a browser). */
  ciphers?: HostCiphers;
  /** The machine's network interfaces' addresses; absent where the platform cannot list them (a browser). */
  networkInterfaces?(): HostNetworkInterface[];
  /**
   * What the system says of the interface NAME (Linux: /sys/class/net), or null when there is no
   * such interface; absent where the platform cannot tell.
   */
  interfaceDetails?(name: string): HostInterfaceDetails | null;
  /** Text of the last failed file operation, as GNU's file-error data shows it ("No such file or directory"). */
  lastError: string;
  /** The errno name ("ENOENT") of the last failed fileStatus, beside lastError's text. */
  lastErrorCode?: string;
}

/** What a child process is started from: the program's file, its arguments, directory and environment. */
export interface HostChildSpec {
  file: string;
  args: string[];
  cwd: string;
  /** NAME=VALUE strings, the whole environment of the child. */
  env: string[];
}

/** How a synchronous child ended, with its whole output. */
export interface HostRunResult {
  /** Exit code, or null when a signal ended it. */
  status: number | null;
  /** Signal number when a signal ended it. */
  signal: number | null;
  stdout: Uint8Array;
  stderr: Uint8Array;
  /** Set when the child could not be started: errno text ("No such file or directory"). */
  error?: string;
}

/** Something that happened to an asynchronous child: output on stdout or stderr, or its end. */
export type HostChildEvent =
  | { id: number; kind: 'out' | 'err'; data: Uint8Array }
  | { id: number; kind: 'exit'; status: number | null; signal: number | null }
  // Network connections (HostNet): a listener's new connection, a :nowait connect's outcome, the peer's close.
  | { id: number; kind: 'accept'; conn: number; local: HostNetAddress; remote: HostNetAddress }
  | { id: number; kind: 'connected'; local: HostNetAddress; remote: HostNetAddress }
  | { id: number; kind: 'connfail'; code: string; errno: number }
  | { id: number; kind: 'closed' };

/** One end of a connection: an IP address and port, or a Unix socket's file name (path). */
export interface HostNetAddress {
  address?: string;
  port?: number;
  family?: string;
  path?: string;
}

/** Where a listener binds or a client connects: a Unix socket file, or a host and port. */
export interface HostNetSpec {
  path?: string;
  host?: string;
  port?: number;
  /** 4 or 6; 0: either. */
  family?: number;
  backlog?: number;
}

/** A failure, as the errno name ("ECONNREFUSED", "ENOTFOUND") and number (positive, 0 when unknown). */
export interface HostNetError {
  code: string;
  errno: number;
}

/**
 * Stream sockets (node:net) and name lookups, beside the children of HostProcesses and read by its
 * wait: data arrives as 'out' events, the peer's close as 'closed'. Writing and closing go
 * through HostProcesses.write and closeStdin (half-close); close drops a socket or listener.
 */
export interface HostNet {
  listen(spec: HostNetSpec): { id: number; local: HostNetAddress } | HostNetError;
  /** Connect; with NOWAIT the outcome comes later as a 'connected' or 'connfail' event. */
  connect(spec: HostNetSpec, nowait: boolean): { id: number; local?: HostNetAddress; remote?: HostNetAddress } | HostNetError;
  close(id: number): void;
  /** The addresses NAME stands for (family 4, 6 or 0 for both). */
  lookup(name: string, family: number): { address: string; family: number }[] | HostNetError;
}

/**
 * Child processes. Optional: a host without it (a browser) makes every process primitive signal
 * a Lisp error. Waiting blocks the calling thread (no event loop runs while Lisp waits).
 */
export interface HostProcesses {
  /** Run a child to its end: INPUT on its stdin (null: empty), STDERR 'pipe' (separate) or 'merge' (into stdout). */
  run(spec: HostChildSpec, input: Uint8Array | null, stderr: 'pipe' | 'merge'): HostRunResult;
  /** Start a child and forget it (call-process with DESTINATION 0). */
  detach(spec: HostChildSpec): string | null;
  /** Start an asynchronous child; its events are read with wait. An error is errno text. */
  spawn(spec: HostChildSpec, stderr: 'pipe' | 'merge'): { id: number; pid: number } | { error: string };
  write(id: number, bytes: Uint8Array): void;
  closeStdin(id: number): void;
  /** Send signal number SIG to the child; false when it is gone. */
  kill(id: number, sig: number): boolean;
  /** Events that have arrived, waiting at most MS milliseconds (0: just look) for the first. */
  wait(ms: number): HostChildEvent[];
  /** Block the thread for MS milliseconds, without spinning. */
  sleep(ms: number): void;
  /** Kill every child still running (the process is about to exit). */
  killAll(): void;
  /** How many processors this process may use. */
  cpuCount(): number;
  /** Network connections; absent where the host has no sockets. */
  net?: HostNet;
}

/** One cipher run: OpenSSL's NAME for the algorithm, its key, IV (null for ECB) and input, with AEAD's extra fields. */
export interface HostCipherJob {
  name: string;
  key: Uint8Array;
  iv: Uint8Array | null;
  data: Uint8Array;
  decrypt: boolean;
  /** AEAD only: the additional authenticated data, the tag's length, and (decrypting) the tag to check. */
  aad?: Uint8Array;
  tagLength?: number;
  tag?: Uint8Array;
}

/**
 * Symmetric ciphers, run synchronously (gnutls-symmetric-encrypt cannot wait for a promise).
 * Optional: Web Crypto's ciphers are asynchronous only, so a browser host leaves it out.
 */
export interface HostCiphers {
  /** Whether the OpenSSL-named cipher NAME can be run here. */
  has(name: string): boolean;
  /** The output of JOB (an encryption's tag appended), or null when a decryption's tag does not verify. */
  run(job: HostCipherJob): Uint8Array | null;
}

/** One address of a network interface, as node:os reports it. */
export interface HostNetworkInterface {
  name: string;
  family: 'IPv4' | 'IPv6';
  address: string;
  netmask: string;
  mac: string;
  internal: boolean;
  /** IPv6 scope id, when there is one. */
  scopeid?: number;
}

/** An interface's link-level facts: its ARP hardware type, hardware address bytes, and IFF_* flags. */
export interface HostInterfaceDetails {
  hardwareType: number;
  hardwareAddress: number[];
  flags: number;
}
