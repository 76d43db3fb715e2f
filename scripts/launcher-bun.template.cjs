// tsmacs under Bun (dist/tsmacs-core.bun.cjs, made from this file and the bundle by
// scripts/build-hosts.mjs and compiled by `bun build --bytecode`): the launcher
// (scripts/launcher.template.cjs) requires it first thing under Bun and, when it is this build's,
// calls start() and does nothing else.
//
// JavaScriptCore takes nothing from V8's code cache, so under Bun the launcher's own path (node:vm,
// the code cache, reading the bundle as text) is all cost: vm.Script parses the 650 KB bundle at
// every start (12-16 ms). Here the bundle is part of this module, whose bytecode Bun loads from
// tsmacs-core.bun.cjs.jsc instead of parsing (Bun checks it against its own version and this
// file's text, and parses the file when they differ), and so is this launcher.

/** The bundle: a function of the launcher's arguments (scripts/launcher.template.cjs). */
const core = __TSMACS_CORE__;

/**
 * Run the command line as the launcher does. FILENAME and DIRNAME are the launcher's own (the bundle
 * takes its folder and URL from them); KERNELS is the loader's WebAssembly module in base64 (the Node launcher's copy);
 */
function start(filename, dirname, KERNELS) {
  // The heap's memory (src/heap/heap.ts takes it, as the bundle's __tsmacs_heap), made before anything
  // else. JavaScriptCore counts a buffer's bytes as allocated by the JS heap, so the heap's 512 MB
  // asks for a collection at the next allocation of a JS object; made in the bundle, that
  // collection came during the runtime's set-up and marked everything the module bodies had made
  // (`BUN_JSC_logGC=1`: a cycle of 3.5 ms), made here it marks next to nothing (1.3 ms). (The
  // launcher made it before requiring this module until bunstart4, to the same effect: this module's
  // load makes few objects, its bundle's come at the bundle's call.)
  let memory = null;
  try {
    const pages = (Number(process.env.TSMACS_HEAP_MB ?? '') || 512) * 16;
    if (Number.isInteger(pages) && pages <= 65536) {
      memory = new WebAssembly.Memory({ initial: pages, maximum: pages, shared: true });
      memory.buffer.byteLength;
    }
  } catch {
    memory = null;
  }
  // JavaScriptCore's JIT tiers JS up at 1000 times its usual counts until the image is loaded, then
  // at 10 times. The start's fixed work runs thousands of functions a few times each (the policy
  // does not reach the loader's WebAssembly kernels: see beyondOMG). Once Lisp runs (the CLI calls
  // __tsmacsLispRuns after the load, or before a loadup from source) it is 10: a start's Lisp runs
  // a few functions a few times each, and compiling them cost CPU and pages (perf stat, 30 runs
  // twice: 43-47 ms of CPU and 5,900-7,000 page faults at 1, 30-37 ms and 4,300 at 10); a 1 s nbody
  // or fib run took as long at 10 as at 1, while 1000 made a 0.7 s cl-loop 35% slower.
  const setJITPolicy = (n) => {
    try {
      globalThis.Bun.unsafe.setJITPolicy(n);
    } catch {}
  };
  setJITPolicy(1000);
  globalThis.__tsmacsLispRuns = () => {
    delete globalThis.__tsmacsLispRuns;
    setJITPolicy(10);
  };
  // Node's builtins, as the launcher gives them. The bundle's module bodies require node:url, which
  // only a bundle without the launcher's folder uses: loading it costs Bun 0.7 ms, so it is loaded
  // at its first use. So are node:fs and node:path (3-3.5 ms of Bun's JS together), which a start
  // that runs no file operation of Lisp's does not use: the Bun host (src/host/bun.ts) maps the
  // start's files. (node:vm, which Bun has no use for, is not loaded at all.)
  const get = process.getBuiltinModule ?? require;
  const lazy = (id) => {
    let m = null;
    return new Proxy({}, { get: (_, k) => (m ??= get(id))[k], has: (_, k) => k in (m ??= get(id)) });
  };
  const builtin = (id) => (id === 'node:url' || id === 'node:fs' || id === 'node:path' ? lazy(id) : get(id));
  const slashed = filename.split('\\').join('/');
  const url = 'file://' + (slashed[0] === '/' ? '' : '/') + (slashed.includes('?') || slashed.includes('#') ? encodeURI(slashed).replace(/[?#]/g, encodeURIComponent) : encodeURI(slashed));
  let kernels = null;
  try {
    kernels = new WebAssembly.Module(PADDED !== null ? unpack(PADDED) : beyondOMG(Buffer.from(KERNELS, 'base64'), WALKS));
  } catch {}
  // No V8 flags to set (bodiesRan is for V8). The tier switch is a no-op, but being a function it
  // has the loader compile the kernels again, unpadded, for an image of 4 MB or more (kernels.ts
  // kernelsFor), whose walks are long enough to gain from OMG's code. The launcher's heap memory
  // holds nothing yet (at 0, none used).
  core(builtin, url, kernels, dirname, () => {}, () => {}, memory !== null ? { memory, at: 0, used: 0 } : null);
  // The REPL (src/cli/repl.ts) and its evaluator thread run on after the command line returns.
  if (globalThis.__tsmacsLive === true) return;
  // As the launcher: the command line has run, and tsmacs starts nothing asynchronous.
  process.exit();
}

/**
 * The kernels kept out of OMG: verify.ts's walk of the image's objects and of its cons run, four
 * words a turn by lanes whose leftovers loop too, and of its string run (dump format 7), which counts
 * the characters of every dumped string's bytes a turn each (src/dump/kernels.ts). The string run
 * went past OMG's count on the default image and was compiled twice a start (BUN_JSC_verboseOSR=1:
 * "[14] OMG-optimizing"): keeping it out took 5.5 ms of CPU off a start (30 interleaved runs, load 29).
 * Bun's build compiles the module with those walks and the symbol run's merged into one function,
 * vall (kernels.ts assemble), each walk's export a call of it: when the module has vall, beyondOMG
 * pads vall alone, one body of padding instead of three (about 1 ms of a start: docs/startup.md).
 */
const WALKS = ['vall', 'vwalk', 'vconses', 'vstrs'];

/**
 * beyondOMG(KERNELS, WALKS) for this build's kernels, made by scripts/build-hosts.mjs (null in the
 * template): the module's bytes as latin1 strings, with each run of padding labels (LABEL) as its
 * count between them. Padding at start ran 1 ms of cold JS over the module; this is a few native
 * copies. (The build id the launcher checks covers the kernels: the bundle holds them too.)
 */
const PADDED = __TSMACS_PADDED__;

/** A padding label: label 0 in five bytes. */
const LABEL = [0x80, 0x80, 0x80, 0x80, 0x00];

/** The bytes PARTS stands for (see PADDED). */
function unpack(parts) {
  let n = 0;
  for (const p of parts) n += typeof p === 'string' ? p.length : p * LABEL.length;
  const out = Buffer.allocUnsafe(n);
  const label = Buffer.from(LABEL);
  let at = 0;
  for (const p of parts) {
    if (typeof p === 'string') at += out.write(p, at, 'latin1');
    else {
      out.fill(label, at, at + p * LABEL.length);
      at += p * LABEL.length;
    }
  }
  return out;
}

/** PADDED for the padded module BYTES: each run of at least MIN labels as its count. */
function pack(bytes, min = 1000) {
  const label = Buffer.from(LABEL);
  const parts = [];
  let from = 0;
  for (let at = bytes.indexOf(label); at >= 0; at = bytes.indexOf(label, at)) {
    let end = at;
    while (end + LABEL.length <= bytes.length && bytes.compare(label, 0, LABEL.length, end, end + LABEL.length) === 0) end += LABEL.length;
    const count = (end - at) / LABEL.length;
    if (count >= min) {
      parts.push(bytes.latin1Slice(from, at), count);
      from = end;
    }
    at = end;
  }
  parts.push(bytes.latin1Slice(from, bytes.length));
  return parts;
}

/**
 * BYTES (a WebAssembly module) with the bodies of the functions exported as NAMES made longer than
 * JavaScriptCore's limit for its optimising wasm compiler, OMG (maximumOMGCandidateCost, 100,000
 * bytes of body), and otherwise unchanged; BYTES itself if it cannot be read as expected.
 *
 * The loader's kernels run once over the image. Whatever Bun.unsafe.setJITPolicy says, JSC moves a
 * wasm function from its interpreter to its baseline compiler (BBQ) after 150 loop turns and from
 * BBQ to OMG after a count of 50,000 (a loop's turn 1, a call up to 15), mostly on another thread
 * and for code used for a millisecond or not at all. The kernels are written to stay under that on
 * the default image (kernels.ts: the walk checks symbols', vectors' and dumped symbols' words inline;
 * six kernels were OMG-compiled before, 5-7 ms of a start's CPU), all but the walk, which visits
 * every hot object and its slots, and the cons run's, whose lane groups' leftover words loop again
 * (about 77,000 turns on the default image), and the string run's (see WALKS). Each of their bodies gets, after its
 * locals, a block that branches out at once over a br_table of 20,001 five-byte labels, never
 * reached: padding the walk took 3.75 ms off a start (40 interleaved runs). JSC still reads the
 * padding when it validates the module and when BBQ compiles the function, which for the smaller
 * kernels cost about as much as their OMG compiles had. The build pads the module (PADDED), not the
 * start.
 */
function beyondOMG(bytes, names) {
  const PAD = 100001;
  const LABEL5 = Buffer.from(LABEL);
  let p = 8;
  const uleb = () => {
    let r = 0, s = 0, b;
    do {
      b = bytes[p++];
      r += (b & 0x7f) * 2 ** s;
      s += 7;
    } while (b & 0x80);
    return r;
  };
  const enc = (v) => {
    const o = [];
    do {
      let b = v % 128;
      v = Math.floor(v / 128);
      if (v > 0) b |= 0x80;
      o.push(b);
    } while (v > 0);
    return o;
  };
  try {
    let imported = 0;
    let chosen = new Set();
    let merged = -1;
    let section = -1, code = -1, codeEnd = 0;
    while (p < bytes.length) {
      const at = p;
      const id = bytes[p++];
      const size = uleb();
      const end = p + size;
      if (id === 2) {
        for (let n = uleb(); n > 0; n--) {
          for (let j = 0; j < 2; j++) {
            const len = uleb();
            p += len;
          }
          const kind = bytes[p++];
          if (kind === 0) (imported++, uleb());
          else if (kind === 1) (p++, bytes[p++] & 1 ? (uleb(), uleb()) : uleb());
          else if (kind === 2) bytes[p++] & 1 ? (uleb(), uleb()) : uleb();
          else if (kind === 3) p += 2;
          else return bytes;
        }
      } else if (id === 7) {
        for (let n = uleb(); n > 0; n--) {
          const len = uleb();
          const name = bytes.latin1Slice(p, p + len);
          p += len;
          const kind = bytes[p++];
          const index = uleb();
          if (kind === 0 && names.includes(name)) chosen.add(index - imported);
          if (kind === 0 && name === 'vall' && names.includes(name)) merged = index - imported;
        }
      } else if (id === 10) {
        section = at;
        code = p;
        codeEnd = end;
      }
      p = end;
    }
    // The merged walks (see WALKS): the other names are then one-call functions of vall's.
    if (merged >= 0) chosen = new Set([merged]);
    if (code < 0 || chosen.size === 0) return bytes;
    // The code section again, each chosen body padded after its locals.
    p = code;
    const out = [];
    const n = uleb();
    for (let i = 0; i < n; i++) {
      const size = uleb();
      const start = p, end = p + size;
      if (!chosen.has(i)) {
        out.push(Buffer.from(enc(size)), bytes.subarray(start, end));
      } else {
        for (let k = uleb(); k > 0; k--) (uleb(), p++);
        const locals = bytes.subarray(start, p);
        // block; br 0; i32.const 0; br_table over N targets and a default, each label 0 written in five
        // bytes (fewer entries for JSC to read than one-byte labels); end
        const labels = Math.ceil(PAD / 5);
        const count = enc(labels);
        const pad = Buffer.alloc(7 + count.length + (labels + 1) * 5 + 1);
        pad.set([0x02, 0x40, 0x0c, 0x00, 0x41, 0x00, 0x0e, ...count]);
        pad.fill(LABEL5, 7 + count.length, pad.length - 1);
        pad[pad.length - 1] = 0x0b;
        const body = bytes.subarray(p, end);
        out.push(Buffer.from(enc(locals.length + pad.length + body.length)), locals, pad, body);
      }
      p = end;
    }
    if (p !== codeEnd) return bytes;
    const body = Buffer.concat([Buffer.from(enc(n)), ...out]);
    return Buffer.concat([bytes.subarray(0, section), Buffer.from([10, ...enc(body.length)]), body, bytes.subarray(codeEnd)]);
  } catch {
    return bytes;
  }
}

module.exports = { tsmacsBuild: '__BUILD_ID__', start, beyondOMG, WALKS, PADDED, pack, unpack };
