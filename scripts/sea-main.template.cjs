// The single executable's main script (made into dist/tsmacs by scripts/build-sea.mjs): unpack the installation once, then run its launcher.
//
// The executable holds one asset, `tree`: the files of an installation (dist/tsmacs.cjs, the
// bundle, the default image, DOC, lisp/, etc/) as a JSON index and their bytes. The bundle finds its
// image, DOC and Lisp files on disk beside itself (src/cli/main.ts installRoot), so the first start
// writes the tree to a folder named after its hash, under $XDG_CACHE_HOME/tsmacs (else
// ~/.cache/tsmacs, else the temporary folder), into a fresh folder renamed into place: starts
// running at the same time each unpack whole or find a whole tree, never half of one. Every later
// start finds it and goes straight to the launcher, which runs exactly as dist/tsmacs.cjs does
// (its code cache included: the first start writes it there). A folder that cannot be written
// ends in a message and exit status 1.
//
// One difference stays: Node 20's single executables take no V8 flags (no `--stack-size=6000` as
// the launcher's first line asks for), so Lisp recursion has V8's default stack, and a deep
// recursion ends in GNU's "Lisp nesting exceeds" error at about half the depth.
'use strict';
const builtin = process.getBuiltinModule ?? require;
const { existsSync, mkdirSync, renameSync, rmSync, writeFileSync, chmodSync } = builtin('node:fs');
const ID = '__SEA_ID__';

function cacheRoot() {
  const env = process.env;
  if (env.XDG_CACHE_HOME) return env.XDG_CACHE_HOME + '/tsmacs';
  if (env.HOME) return env.HOME + '/.cache/tsmacs';
  return builtin('node:os').tmpdir() + '/tsmacs-cache';
}

function unpack(dir) {
  const sea = builtin('node:sea');
  const tree = new Uint8Array(sea.getRawAsset('tree'));
  const headLen = new DataView(tree.buffer, tree.byteOffset, 4).getUint32(0, true);
  const index = JSON.parse(Buffer.from(tree.buffer, tree.byteOffset + 4, headLen).toString('utf8'));
  const tmp = dir + '.tmp-' + process.pid;
  rmSync(tmp, { recursive: true, force: true });
  let at = 4 + headLen;
  for (const [path, size, mode] of index) {
    const file = tmp + '/' + path;
    mkdirSync(file.slice(0, file.lastIndexOf('/')), { recursive: true });
    writeFileSync(file, tree.subarray(at, at + size));
    chmodSync(file, mode);
    at += size;
  }
  try {
    renameSync(tmp, dir);
  } catch (e) {
    // Another start unpacked it first: use theirs.
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(dir + '/dist/tsmacs.cjs')) throw e;
  }
}

const dir = cacheRoot() + '/' + ID;
if (!existsSync(dir + '/dist/tsmacs.cjs')) {
  try {
    mkdirSync(cacheRoot(), { recursive: true });
    unpack(dir);
  } catch (e) {
    process.stderr.write(`tsmacs: cannot unpack the installation into ${dir}: ${e && e.message}\n`);
    process.exit(1);
  }
}
builtin('node:module').createRequire(dir + '/dist/tsmacs.cjs')(dir + '/dist/tsmacs.cjs');
