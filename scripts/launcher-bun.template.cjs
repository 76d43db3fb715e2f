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
 * takes its folder and URL from them); KERNELS is the loader's WebAssembly module as a latin1 string.
 */
function start(filename, dirname, KERNELS) {
  // JavaScriptCore's JIT tiers code up at 1000 times its usual counts until the image is loaded, then
  // at 10 times. The start's fixed work runs thousands of functions a few times each, and the image
  // loader's WebAssembly kernels (src/dump/kernels.ts) run once over the image: tiered up as usual,
  // JSC compiled them again with its optimising wasm compiler (OMG) on other threads, work that
  // ends after the load and was most of the loader's CPU (BUN_JSC_useOMGJIT=0 took 6 ms off a
  // start; 1000 here from the start 4.6 ms, 40 interleaved runs). Once Lisp runs (the CLI calls
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
  // at its first use. (node:vm, which Bun has no use for, is not loaded at all.)
  const get = process.getBuiltinModule ?? require;
  const lazy = (id) => {
    let m = null;
    return new Proxy({}, { get: (_, k) => (m ??= get(id))[k], has: (_, k) => k in (m ??= get(id)) });
  };
  const builtin = (id) => (id === 'node:url' ? lazy(id) : get(id));
  const slashed = filename.split('\\').join('/');
  const url = 'file://' + (slashed[0] === '/' ? '' : '/') + encodeURI(slashed).replace(/[?#]/g, encodeURIComponent);
  let kernels = null;
  try {
    kernels = new WebAssembly.Module(Buffer.from(KERNELS, 'latin1'));
  } catch {}
  // No V8 flags to set (the launcher's tier-up switch and bodiesRan are for V8), no heap memory made
  // by the launcher (its pages held the bundle's text, which Bun never reads).
  core(builtin, url, kernels, dirname, null, () => {}, null);
  // The REPL (src/cli/repl.ts) and its evaluator thread run on after the command line returns.
  if (globalThis.__tsmacsLive === true) return;
  // As the launcher: the command line has run, and tsmacs starts nothing asynchronous.
  process.exit();
}

module.exports = { tsmacsBuild: '__BUILD_ID__', start };
