// dist/api.cjs, made from src/api/api-loader.cjs by scripts/build.mjs: load the API bundle (api-core.js) through V8's code cache.
//
// Node 20 has no compile cache for modules, so `require('tsmacs')` would parse and compile the
// whole bundle at every process start (some 24 ms of CPU). As the command's launcher does
// (scripts/launcher.template.cjs), this compiles it with vm.Script and V8's cached data, kept in
// api-core.jsc: a 128-byte header `KEY CRC` padded with spaces, then V8's data. KEY names this
// build, the bundle's size and mtime, Node's version and arch; CRC (zlib's crc32) covers V8's
// data, which V8 itself does not check, so a damaged file is refused. A missing, stale or
// rejected cache costs one ordinary compile; the fresh one is written when the process exits (to
// a temporary file renamed into place; silently not at all where dist/ is read-only).
// TSMACS_CODE_CACHE=0 neither reads nor writes it; without zlib.crc32 (Node < 20.15) there is none.

'use strict';
const fs = require('node:fs');
const { Script } = require('node:vm');

const BUILD = '__BUILD_ID__';
const HEADER = 128;
const file = __dirname + '/api-core.js';
const cacheFile = __dirname + '/api-core.jsc';

let crc32 = null;
if (process.env.TSMACS_CODE_CACHE !== '0') {
  try {
    crc32 = require('node:zlib').crc32 ?? null;
  } catch {}
}
const hex = (n) => (n >>> 0).toString(16).padStart(8, '0');

const st = fs.statSync(file);
const source = fs.readFileSync(file, 'latin1');
const key = 'tsmacs-api-code-cache ' + BUILD + ' ' + st.size + ' ' + st.mtimeMs + ' ' + process.version + ' ' + process.arch;
let cachedData;
if (crc32 !== null) {
  try {
    const buf = fs.readFileSync(cacheFile);
    if (buf.length > HEADER && buf.latin1Slice(0, key.length + 1) === key + ' ' &&
      buf.latin1Slice(key.length + 1, key.length + 9) === hex(crc32(buf.subarray(HEADER))))
      cachedData = buf.subarray(HEADER);
  } catch {}
}
const script = new Script('(function (exports, require, module, __filename, __dirname) {' + source + '\n})', { filename: file, cachedData });
script.runInThisContext()(module.exports, require, module, file, __dirname);
if (crc32 !== null && key.length + 10 <= HEADER && (cachedData === undefined || script.cachedDataRejected)) {
  process.once('exit', () => {
    const tmp = cacheFile + '.tmp-' + process.pid;
    try {
      const data = script.createCachedData();
      const out = Buffer.alloc(HEADER + data.length);
      data.copy(out, HEADER);
      out.write((key + ' ' + hex(crc32(data))).padEnd(HEADER - 1) + '\n', 0, 'latin1');
      fs.writeFileSync(tmp, out);
      fs.renameSync(tmp, cacheFile);
    } catch {
      try {
        fs.rmSync(tmp, { force: true });
      } catch {}
    }
  });
}
