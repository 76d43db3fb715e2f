// The few node:path and node:url functions the runtime's modules import, for the browser bundle (scripts/build.mjs maps those imports here).
//
// The runtime finds its data files (DOC, etc/) relative to the bundle's directory; in the
// browser that directory is a path of the host's in-memory store, always POSIX and absolute.

/** PATH with "." and ".." resolved and slashes collapsed, as node:path's normalize. */
function normalize(path: string): string {
  const abs = path.startsWith('/');
  const out: string[] = [];
  for (const c of path.split('/')) {
    if (c === '' || c === '.') continue;
    if (c === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!abs) out.push('..');
    } else out.push(c);
  }
  const body = out.join('/');
  return abs ? '/' + body : body === '' ? '.' : body;
}

export function join(...parts: string[]): string {
  return normalize(parts.filter((p) => p !== '').join('/'));
}

export function dirname(path: string): string {
  const cut = path.replace(/\/+$/, '').lastIndexOf('/');
  return cut < 0 ? '.' : cut === 0 ? '/' : path.slice(0, cut);
}

export function basename(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

export const isAbsolute = (path: string): boolean => path.startsWith('/');

export function fileURLToPath(url: string | URL): string {
  const u = typeof url === 'string' ? new URL(url) : url;
  return decodeURIComponent(u.pathname);
}
