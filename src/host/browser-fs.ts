// The browser host's file system: an in-memory tree of files, directories and symlinks, with read-only files fetched on first read.
//
// A browser has no files. Lisp still needs some: `require' loads lisp/*.el, the DOC file holds
// the primitives' docstrings, etc/ holds Unicode tables. The host is given a list of those
// (path and size) and a function that fetches one synchronously (in a Web Worker, a synchronous
// XMLHttpRequest); they are read only when Lisp first opens them, so a start-up fetches nothing
// but the image. Everything Lisp writes stays in memory for the life of the runtime.

/** An error as node:fs throws them: `code` is the POSIX errno name, which fileio.ts turns into GNU's file-error. */
export class FsError extends Error {
  readonly code: string;
  constructor(code: string, text: string, path: string) {
    super(`${code}: ${text}, ${path}`);
    this.code = code;
  }
}

/** strerror's text for the errno names this file system gives. */
export const ERRNO_TEXT: Record<string, string> = {
  ENOENT: 'No such file or directory',
  EEXIST: 'File exists',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  ENOTEMPTY: 'Directory not empty',
  ELOOP: 'Too many levels of symbolic links',
  EINVAL: 'Invalid argument',
  EACCES: 'Permission denied',
};

type Node =
  | { kind: 'file'; bytes: Uint8Array | null; size: number; mode: number; mtimeMs: number; atimeMs: number; ino: number; nlink: number }
  | { kind: 'dir'; entries: Map<string, Node>; mode: number; mtimeMs: number; atimeMs: number; ino: number; nlink: number }
  | { kind: 'symlink'; target: string; mode: number; mtimeMs: number; atimeMs: number; ino: number; nlink: number };

type FileNode = Extract<Node, { kind: 'file' }>;
type DirNode = Extract<Node, { kind: 'dir' }>;

/** The components of an absolute path, "." and empty ones dropped ("..": kept, resolved during lookup). */
function components(path: string): string[] {
  return path.split('/').filter((c) => c !== '' && c !== '.');
}

export class MemoryFS {
  private readonly root: DirNode;
  private nextIno = 2;
  private mask = 0o022;
  /** Text and errno name of the last failure, for the host's lastError/lastErrorCode. */
  lastError = '';
  lastCode = '';

  /** FETCH reads a lazily listed file's bytes (null: it cannot be had); CLOCK gives milliseconds since the epoch. */
  private readonly fetch: (path: string) => Uint8Array | null;
  private readonly clock: () => number;

  constructor(fetch: (path: string) => Uint8Array | null, clock: () => number) {
    this.fetch = fetch;
    this.clock = clock;
    this.root = this.newDir(0o755);
  }

  private newDir(mode: number): DirNode {
    const t = this.clock();
    return { kind: 'dir', entries: new Map(), mode: 0o040000 | mode, mtimeMs: t, atimeMs: t, ino: this.nextIno++, nlink: 2 };
  }

  private newFile(bytes: Uint8Array | null, size: number, mode: number): FileNode {
    const t = this.clock();
    return { kind: 'file', bytes, size, mode: 0o100000 | mode, mtimeMs: t, atimeMs: t, ino: this.nextIno++, nlink: 1 };
  }

  private fail(code: string, path: string): never {
    this.lastCode = code;
    this.lastError = ERRNO_TEXT[code] ?? code;
    throw new FsError(code, this.lastError, path);
  }

  /**
   * The node at PATH and its parent directory and name. Symlinks along the way are followed; the
   * last component's only when FOLLOW. Throws ENOENT/ENOTDIR/ELOOP; `node` is null when only the
   * last component is missing (its parent exists), so callers can create it.
   */
  private lookup(path: string, follow: boolean): { node: Node | null; parent: DirNode; name: string } {
    let hops = 0;
    let todo = components(path);
    let dir = this.root;
    const stack: DirNode[] = [];
    for (;;) {
      if (todo.length === 0) return { node: dir, parent: stack[stack.length - 1] ?? this.root, name: '.' };
      const [name, ...rest] = todo as [string, ...string[]];
      if (name === '..') {
        dir = stack.pop() ?? this.root;
        todo = rest;
        continue;
      }
      const node = dir.entries.get(name) ?? null;
      if (node === null) {
        if (rest.length === 0) return { node: null, parent: dir, name };
        return this.fail('ENOENT', path);
      }
      if (node.kind === 'symlink' && (rest.length > 0 || follow)) {
        if (++hops > 40) return this.fail('ELOOP', path);
        const target = components(node.target);
        if (node.target.startsWith('/')) {
          dir = this.root;
          stack.length = 0;
        }
        todo = [...target, ...rest];
        continue;
      }
      if (rest.length === 0) return { node, parent: dir, name };
      if (node.kind !== 'dir') return this.fail('ENOTDIR', path);
      stack.push(dir);
      dir = node;
      todo = rest;
    }
  }

  /** The node at PATH, or a thrown ENOENT. */
  private existing(path: string, follow = true): Node {
    const { node } = this.lookup(path, follow);
    return node ?? this.fail('ENOENT', path);
  }

  private fileNode(path: string): FileNode {
    const node = this.existing(path);
    if (node.kind === 'dir') return this.fail('EISDIR', path);
    if (node.kind !== 'file') return this.fail('EINVAL', path);
    return node;
  }

  /** A file's bytes, fetched now if it was listed lazily. */
  private bytesOf(path: string, node: FileNode): Uint8Array {
    if (node.bytes === null) {
      const got = this.fetch(path);
      if (got === null) return this.fail('EACCES', path);
      node.bytes = got;
      node.size = got.length;
    }
    return node.bytes;
  }

  /** Create every missing directory of PATH. */
  mkdirs(path: string): void {
    let dir = this.root;
    for (const name of components(path)) {
      let next = dir.entries.get(name);
      if (next === undefined) {
        next = this.newDir(0o755);
        dir.entries.set(name, next);
        dir.nlink++;
      }
      if (next.kind !== 'dir') this.fail('ENOTDIR', path);
      dir = next;
    }
  }

  /** Put a file at PATH (its directories made as needed): BYTES now, or null to fetch SIZE bytes on first read. */
  addFile(path: string, bytes: Uint8Array | null, size = bytes?.length ?? 0, mode = 0o644): void {
    const cut = path.lastIndexOf('/');
    this.mkdirs(path.slice(0, cut));
    const { parent, name } = this.lookup(path, false);
    parent.entries.set(name, this.newFile(bytes, size, mode));
  }

  // The operations of the Host interface (host.ts), with its conventions: readers return null on
  // failure with the reason in lastError, writers throw an FsError.

  readFile(path: string): Uint8Array | null {
    try {
      const node = this.fileNode(path);
      node.atimeMs = this.clock();
      return this.bytesOf(path, node);
    } catch (e) {
      if (e instanceof FsError) return null;
      throw e;
    }
  }

  writeFile(path: string, bytes: Uint8Array, exclusive = false): void {
    const { node, parent, name } = this.lookup(path, true);
    if (node === null) {
      parent.entries.set(name, this.newFile(bytes.slice(), bytes.length, 0o666 & ~this.mask));
      parent.mtimeMs = this.clock();
      return;
    }
    if (exclusive) this.fail('EEXIST', path);
    if (node.kind === 'dir') this.fail('EISDIR', path);
    if (node.kind !== 'file') this.fail('EINVAL', path);
    node.bytes = bytes.slice();
    node.size = bytes.length;
    node.mtimeMs = this.clock();
  }

  patchFile(path: string, position: number, bytes: Uint8Array): void {
    const node = this.fileNode(path);
    const old = this.bytesOf(path, node);
    const grown = new Uint8Array(Math.max(old.length, position + bytes.length));
    grown.set(old);
    grown.set(bytes, position);
    node.bytes = grown;
    node.size = grown.length;
    node.mtimeMs = this.clock();
  }

  fileStatus(path: string, nofollow: boolean): Node | null {
    try {
      return this.existing(path, !nofollow);
    } catch (e) {
      if (e instanceof FsError) return null;
      throw e;
    }
  }

  /** The size of a file, which a lazily listed one knows without being fetched. */
  sizeOf(node: Node): number {
    return node.kind === 'file' ? node.size : node.kind === 'dir' ? 4096 : node.target.length;
  }

  listDirectory(path: string): string[] {
    const node = this.existing(path);
    if (node.kind !== 'dir') return this.fail('ENOTDIR', path);
    return ['.', '..', ...node.entries.keys()];
  }

  mkdir(path: string, mode: number): void {
    const { node, parent, name } = this.lookup(path, false);
    if (node !== null) this.fail('EEXIST', path);
    parent.entries.set(name, this.newDir(mode & ~this.mask & 0o7777));
    parent.nlink++;
    parent.mtimeMs = this.clock();
  }

  rmdir(path: string): void {
    const { node, parent, name } = this.lookup(path, false);
    if (node === null) return this.fail('ENOENT', path);
    if (node.kind !== 'dir') return this.fail('ENOTDIR', path);
    if (node.entries.size > 0) return this.fail('ENOTEMPTY', path);
    if (node === this.root) return this.fail('EINVAL', path);
    parent.entries.delete(name);
    parent.nlink--;
  }

  unlink(path: string): void {
    const { node, parent, name } = this.lookup(path, false);
    if (node === null) return this.fail('ENOENT', path);
    if (node.kind === 'dir') return this.fail('EISDIR', path);
    parent.entries.delete(name);
    node.nlink--;
  }

  symlink(target: string, path: string): void {
    const { node, parent, name } = this.lookup(path, false);
    if (node !== null) this.fail('EEXIST', path);
    const t = this.clock();
    parent.entries.set(name, { kind: 'symlink', target, mode: 0o120777, mtimeMs: t, atimeMs: t, ino: this.nextIno++, nlink: 1 });
  }

  link(existing: string, newPath: string): void {
    const from = this.existing(existing, false);
    if (from.kind === 'dir') this.fail('EACCES', existing);
    const { node, parent, name } = this.lookup(newPath, false);
    if (node !== null) this.fail('EEXIST', newPath);
    parent.entries.set(name, from);
    from.nlink++;
  }

  rename(from: string, to: string): void {
    const src = this.lookup(from, false);
    if (src.node === null) return this.fail('ENOENT', from);
    const dst = this.lookup(to, false);
    if (dst.node !== null && dst.node.kind === 'dir' && src.node.kind !== 'dir') return this.fail('EISDIR', to);
    if (dst.node !== null && dst.node.kind === 'dir' && dst.node.entries.size > 0) return this.fail('ENOTEMPTY', to);
    src.parent.entries.delete(src.name);
    dst.parent.entries.set(dst.name, src.node);
  }

  readlink(path: string): string | null {
    try {
      const node = this.existing(path, false);
      return node.kind === 'symlink' ? node.target : null;
    } catch (e) {
      if (e instanceof FsError) return null;
      throw e;
    }
  }

  chmod(path: string, mode: number): void {
    const node = this.existing(path);
    node.mode = (node.mode & ~0o7777) | (mode & 0o7777);
  }

  utimes(path: string, atime: number, mtime: number, nofollow: boolean): void {
    const node = this.existing(path, !nofollow);
    node.atimeMs = atime * 1000;
    node.mtimeMs = mtime * 1000;
  }

  copyFile(from: string, to: string, exclusive: boolean, mode: number): void {
    const bytes = this.bytesOf(from, this.fileNode(from));
    const existed = this.lookup(to, true).node !== null;
    this.writeFile(to, bytes, exclusive);
    if (!existed) this.chmod(to, mode & ~this.mask);
  }

  umask(mask?: number): number {
    const old = this.mask;
    if (mask !== undefined) this.mask = mask & 0o777;
    return old;
  }
}
