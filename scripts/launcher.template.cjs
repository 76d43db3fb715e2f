#!/usr/bin/env -S TSM_CA=${NODE_EXTRA_CA_CERTS} NODE_EXTRA_CA_CERTS=${TSM_CA} node --stack-size=6000 --min-semi-space-size=4
// tsmacs launcher (dist/tsmacs.cjs, made from scripts/launcher.template.cjs by scripts/build.mjs):
// run tsmacs-core.js, through V8's code cache (tsmacs-core.jsc) when the cache is valid.
//
// A CommonJS file, not an ES module: Node runs an ES entry point through its module loader
// (resolution, a module job, fs/promises), about 6 ms of every start-up; a CommonJS one costs
// what `node -e 0` costs.
//
// Node 20 has no compile cache for modules, but vm.Script takes V8's code cache: with it V8
// deserializes the bytecode of everything a start-up runs instead of parsing and compiling it.
// The cache file is a 128-byte header, `KEY HASH` padded with spaces and ending in a newline,
// then V8's data. KEY names this build, the script's size and mtime, and Node's version and arch,
// so a rebuilt or edited script or another Node never takes it (V8 itself checks only its own
// version, its flags and the source's length); HASH covers V8's data, which V8 does not check, so
// a damaged file is refused too. A missing, stale, damaged or rejected cache costs one ordinary
// compile, after which the launcher writes a fresh one (to a temporary file renamed into place;
// silently not at all if dist/ is read-only). TSMACS_CODE_CACHE=0 neither reads nor writes it.
//
// The hash runs on the loader's WebAssembly kernels (src/dump/kernels.ts), compiled here once
// and handed to the bundle, which needs them anyway; without WebAssembly there is no cache.

'use strict';
// Lisp recursion runs on the JS stack. Node's default (about 1 MB) holds some 950 levels of a plain
// recursive Lisp function, fewer than GNU's limits allow; the first line asks V8 for 6000 KB, which
// holds over 5,000. V8 trusts that figure, so it must fit the stack the OS gives the main thread
// (on Linux the stack rlimit, 8 MB by default): when it does not, run again with what fits.
// Builtins come from process.getBuiltinModule (Node >= 20.16), else from require.
const builtin = process.getBuiltinModule ?? require;
// The kernels' bytes in base64 (the build puts them here), one copy for Node's path and Bun's: as a
// latin1 literal, most bytes became six-character escapes, and V8 scans the whole launcher at every
// start (it is compiled from source: Node keeps no code cache for it). Bun's branch had a latin1
// copy of its own, 43 KB of escapes for 12 KB of module, which made the launcher 81 KB and its
// compile under Node 0.38 ms, against 0.26 ms without it (medians of 60 compiles in one process).
// Bun's launcher takes them from scripts/build-hosts.mjs, packed and padded; these only when that
// copy is missing.
const KERNELS = '__KERNELS_BASE64__';
// Under Bun: Bun's own launcher and the bundle, compiled to JavaScriptCore's bytecode
// (scripts/launcher-bun.template.cjs, made by scripts/build-hosts.mjs), when it is this build's;
// none of what follows here (V8's flags and code cache, node:vm, the bundle read as text) is of use
// to Bun. Without it, or with another build's, the bundle runs as below.
if (process.versions.bun !== undefined) {
  // Bun's launcher makes the heap's memory first thing (see there).
  let bun = null;
  try {
    bun = require(__dirname + '/tsmacs-core.bun.cjs');
  } catch {}
  if (bun !== null && bun.tsmacsBuild === '__BUILD_ID__') return bun.start(__filename, __dirname, KERNELS);
}
// All that follows runs only when Bun's launcher has not taken the start (Node, Deno, Bun without
// this build's bytecode), in a function: JavaScriptCore compiles a file's top-level code whole but
// a function only when it is called, and these 300 lines compiled as top-level code cost every Bun
// start about 1 ms of CPU (bunstart4: 8.14 against 7.09 ms for the file up to Bun's launcher). V8
// compiles a parenthesized function at once, as it did the top level.
(function () {
  // Under Bun without the bytecode copy: JavaScriptCore's JIT tiers up at 10 times its usual counts, as
  // Bun's launcher sets it (see there).
  if (process.versions.bun !== undefined) {
    try {
      globalThis.Bun.unsafe.setJITPolicy(10);
    } catch {}
  }
  // V8's flags, through process.binding('v8'), Node's deprecated door to them (node:v8 loads the
  // streams stack, 8 ms), with its deprecation warning held back; only on V8 11 (Node 20), whose
  // flags and defaults are known here: elsewhere nothing is set. The warning is held back by
  // process.emitWarning itself, replaced for the call: it would build the warning, an Error with its
  // stack, before seeing noDeprecation, 0.1 ms (its code compiled from source, below).
  let v8flags = null;
  if (process.versions.v8.startsWith('11.')) {
    const emitWarning = process.emitWarning;
    process.emitWarning = () => {};
    try {
      v8flags = process.binding('v8');
    } catch {}
    process.emitWarning = emitWarning;
  }
  // V8 fixed the stack limit from the first line's flag when the isolate started, and never reads
  // the flag again for this thread. But it hashes its flags into every code cache it checks, so
  // under the flag it refused Node's own cache for each builtin module and function compiled from
  // here on (node:vm, readFileSync's helpers, path, Buffer's and TextDecoder's methods: each compiled
  // from source, 0.1-0.4 ms apiece). Put back to its default (984 KB), the flag no longer changes the
  // hash, the stack stays as deep (test/launcher.test.ts), and Node's cache is taken again.
  // The first line's --min-semi-space-size=4 (MB) likewise did its work when the heap was set up, and
  // is put back to its default (0) for the same reason. V8's young generation starts at 1 MB, and a
  // start-up filled it once, in the runtime's set-up after the module bodies: one scavenge, 0.66 ms
  // (`--trace-gc`), with about 600 KB surviving. From 2 MB up no collection happens in a start-up
  // (4 leaves room for a small -l or init file). 30 interleaved runs, process CPU: -0.8 to -1.0 ms.
  if (v8flags !== null) {
    try {
      v8flags.setFlagsFromString('--stack-size=984');
      v8flags.setFlagsFromString('--min-semi-space-size=0');
    } catch {}
  }
  const { closeSync, fstatSync, openSync, readSync, renameSync, rmSync, writeFileSync } = builtin('node:fs');
  /** Where the first line puts NODE_EXTRA_CA_CERTS's value (below). */
  const CA_SAVED = 'TSM_CA';
  const STACK_FLAG = '--stack-size=6000';
  /** The first line's flags: a run with these (or the stack flag alone) is an ordinary run. */
  const YOUNG_FLAG = '--min-semi-space-size=4';
  if (process.execArgv.includes(STACK_FLAG) && process.platform === 'linux') {
    // With the functions the launcher uses anyway: readFileSync's first call costs 0.4 ms more.
    let soft = Infinity;
    try {
      const fd = openSync('/proc/self/limits', 'r');
      const buf = Buffer.allocUnsafe(4096);
      const text = buf.latin1Slice(0, readSync(fd, buf, 0, buf.length, 0));
      closeSync(fd);
      const at = text.indexOf('\nMax stack size');
      if (at >= 0) {
        const v = parseInt(text.slice(at + 15).trimStart(), 10);
        if (v >= 0) soft = v / 1024;
      }
    } catch {}
    if (soft < 6000 + 1024) {
      const args = [...process.execArgv.filter((a) => a !== STACK_FLAG), '--stack-size=' + Math.max(500, Math.floor(soft - 1024)), __filename, ...process.argv.slice(2)];
      // The run again starts Node without the certificate file too, as the first line does (below).
      let env = process.env;
      if (!(CA_SAVED in env) && env.NODE_EXTRA_CA_CERTS) env = { ...env, NODE_EXTRA_CA_CERTS: '', [CA_SAVED]: env.NODE_EXTRA_CA_CERTS };
      const r = builtin('node:child_process').spawnSync(process.execPath, args, { stdio: 'inherit', env });
      process.exit(r.status ?? 1);
    }
  }
  // NODE_EXTRA_CA_CERTS names a file of certificates that Node adds to its trusted roots, and Node
  // reads it before any script runs: it builds its whole root store then (about 140 certificates of
  // its own and the file's; on a machine whose environment names the system bundle, 37 ms of CPU,
  // more than the rest of a start). GNU Emacs reads trust stores only when it opens a TLS connection,
  // and a start opens none. So the first line hands the value over as TSM_CA and starts Node with the
  // variable empty, which Node ignores: env expands every `${...}` while it splits the line, before it
  // sets anything, so TSM_CA gets the user's value and NODE_EXTRA_CA_CERTS the old TSM_CA's, which is
  // unset (this launcher removes it from the environment it passes on), hence empty. The variable is
  // set in place, not removed (`env -u`), so it keeps its place in the environment; and the line is
  // one that npm's Windows shims (cmd-shim) can read: assignments with non-empty text, then `node`.
  // The line is 124 bytes: Linux before 5.1 reads 127 of it. Here the value is put back, before the
  // bundle reads the environment: Lisp's getenv and process-environment, and every child process, see
  // it as the user set it, and TSM_CA is gone. One difference remains: set to the empty string, it
  // reads as unset, since env's expansion gives the same empty TSM_CA for both. Node's root store in
  // this process then lacks the file's certificates: a TLS connection made here must trust
  // `tls.rootCertificates` and the PEM blocks of the file named by __tsmacsUnloadedCA (Node's `ca`
  // option replaces its roots); tsmacs makes no TLS connection yet (docs/processes.md). Under `node
  // dist/tsmacs.cjs`, without TSM_CA, nothing changes.
  if (CA_SAVED in process.env) {
    const saved = process.env[CA_SAVED];
    delete process.env[CA_SAVED];
    if (saved !== '') {
      process.env.NODE_EXTRA_CA_CERTS = saved;
      globalThis.__tsmacsUnloadedCA = saved;
    } else if (process.env.NODE_EXTRA_CA_CERTS === '') delete process.env.NODE_EXTRA_CA_CERTS;
  }
  const { Script } = builtin('node:vm');

  // The loader's WebAssembly kernels run once per start-up. V8 compiles a wasm function with its
  // baseline compiler and, once the function has run about 1.8 MB of code, optimises it on a
  // background thread. For the default image that is wasted work, and it costs the main thread too:
  // the load's wasm phases took 1.6-6 ms instead of 1.3 ms, and other threads 2.4 ms of CPU, on a
  // busy 2-core machine. So the launcher raises that budget to its largest value (2^31 - 1) while it
  // compiles them. It was 100 MB until the default image grew to 2 MB, whose verify walk used up
  // those 100 MB (V8 counts each loop iteration's machine code): TurboFan then compiled the walk on
  // another thread, 2 ms of CPU that no start-up gained from. The loader compiles them again with
  // V8's budget for an image large enough to gain from optimised code (kernels.ts kernelsFor). V8
  // reads the budget when it compiles a module. It also compiles them all at once here, not each at
  // its first call (lazily each compiled alone, with a JS-to-wasm wrapper of its own: about 80 us for
  // the first; a start costs 0.5 ms less CPU, 40 interleaved runs). Both flags are put back to their
  // defaults at once: V8 hashes its flags into code caches, Node's own included (above).
  const WASM_FLAGS = ['--wasm-tiering-budget=2147483647', '--no-wasm-lazy-compilation'];
  const WASM_DEFAULTS = ['--wasm-tiering-budget=1800000', '--wasm-lazy-compilation'];
  const setFlags = (flags) => {
    if (v8flags !== null) {
      try {
        for (const f of flags) v8flags.setFlagsFromString(f);
      } catch {}
    }
  };
  // The switch kernelsFor turns for a large image, to compile the kernels again under V8's own
  // budget: that is in force outside the compile below, so there is nothing to switch.
  const tierBudget = v8flags !== null ? () => {} : null;

  const BUILD = '__BUILD_ID__';
  const HEADER = 128;

  const dirname = __dirname;
  // The bundle takes its own URL (as import.meta.url); building a URL object costs about 0.5 ms, and
  // a regexp's first use compiles it (about 0.04 ms), so only a path with a ? or # goes through one.
  const slashed = __filename.split('\\').join('/');
  const url = 'file://' + (slashed[0] === '/' ? '' : '/') + (slashed.includes('?') || slashed.includes('#') ? encodeURI(slashed).replace(/[?#]/g, encodeURIComponent) : encodeURI(slashed));
  const dir = dirname + '/';
  const file = dir + 'tsmacs-core.js';
  // Each host keeps its own code cache: Node's and Deno's V8s differ, so one file shared by both was
  // refused and rewritten by every start that alternated between them (Bun, too, wrote its own there).
  // Bun takes nothing from it (JavaScriptCore parses the source all the same): it gets here only
  // without a bytecode copy of this build (above), and parses the bundle.
  const HOST = process.versions.bun !== undefined ? 'bun' : process.versions.deno !== undefined ? 'deno' : 'node';
  const cacheFile = dir + (HOST === 'node' ? 'tsmacs-core.jsc' : 'tsmacs-core.' + HOST + '.jsc');

  const WA = globalThis.WebAssembly;
  let kernels = null;
  try {
    // Buffer.from decodes natively; a charCodeAt loop over the kernels' chars cost 0.2 ms, run cold.
    setFlags(WASM_FLAGS);
    kernels = new WA.Module(Buffer.from(KERNELS, 'base64'));
  } catch {}
  setFlags(WASM_DEFAULTS);

  /** Read the whole file at fd into dst (a Uint8Array), which has its size. */
  function readAll(fd, dst) {
    for (let got = 0, n; got < dst.length; got += n) if ((n = readSync(fd, dst, got, dst.length - got, got)) === 0) return false;
    return true;
  }

  /** A shared WebAssembly memory of at least `bytes` (shared: V8 does not count it as external memory). */
  const memoryFor = (bytes) => new WA.Memory({ initial: Math.ceil(bytes / 65536), maximum: Math.ceil(bytes / 65536), shared: true });

  /** Hash of the bytes [p, p + n) of MEMORY: the checksum kernel's lanes, the tail, the length. */
  function hash(memory, p, n) {
    // The heap's instance is handed to the bundle with the memory (kernels.ts takes it, as the heap
    // takes the memory): one instantiation fewer.
    const x = heap !== null && memory === heap.memory ? (heap.exports ??= new WA.Instance(kernels, { e: { m: memory } }).exports)
      : new WA.Instance(kernels, { e: { m: memory } }).exports;
    const n64 = n & ~63;
    x.ck(p, p + n64);
    let a = x.a.value;
    const u8 = new Uint8Array(memory.buffer);
    for (let i = p + n64; i < p + n; i++) a = Math.imul(a ^ u8[i], 0x01000193);
    return ((a ^ Math.imul(x.b.value, 3) ^ Math.imul(x.c.value, 5) ^ Math.imul(x.d.value, 7) ^ n) >>> 0).toString(16).padStart(8, '0');
  }

  // The bundle and then the code cache are read into the same memory: each 4 KB page's first touch
  // costs this machine 2-6 us, and the bundle's text is needed only until it is copied into a
  // string (its Buffer of its own faulted in 107 more pages: 0.2-0.3 ms).
  const useCache = process.env.TSMACS_CODE_CACHE !== '0' && kernels !== null && HOST !== 'bun';
  let fd = openSync(file, 'r');
  const st = fstatSync(fd);
  let cacheFd = -1;
  let cacheSize = 0;
  if (useCache) {
    try {
      cacheFd = openSync(cacheFile, 'r');
      cacheSize = fstatSync(cacheFd).size;
    } catch {}
  }
  // Under Node that memory is the heap's (src/heap/heap.ts takes it, as the bundle's __tsmacs_heap), read
  // into at a random offset above where the static region can be, which becomes the dump region: the
  // image's read then finds the pages faulted in (165 of the default image's 325).
  let memory = null;
  let at = 0;
  let heap = null;
  try {
    const pages = (Number(process.env.TSMACS_HEAP_MB ?? '') || 512) * 16;
    if (kernels !== null && HOST === 'node' && Number.isInteger(pages) && pages <= 65536) {
      memory = new WA.Memory({ initial: pages, maximum: pages, shared: true });
      at = (512 + Math.floor(Math.random() * 256)) * 4096; // [2 MB, 3 MB)
      heap = { memory, at, used: Math.max(st.size, cacheSize) };
    } else if (kernels !== null) memory = memoryFor(Math.max(st.size, cacheSize, 1));
  } catch {}
  const raw = memory !== null ? Buffer.from(memory.buffer, at, st.size) : Buffer.allocUnsafe(st.size);
  readAll(fd, raw);
  const source = raw.toString('latin1');
  closeSync(fd);

  const key = 'tsmacs-code-cache ' + BUILD + ' ' + st.size + ' ' + st.mtimeMs + ' ' + process.version + ' ' + process.arch;
  let cachedData;
  if (cacheFd >= 0) {
    try {
      const size = cacheSize;
      if (size > HEADER && memory !== null) {
        const all = new Uint8Array(memory.buffer, at, size);
        const head = Buffer.from(memory.buffer, at, HEADER);
        if (readAll(cacheFd, all) && head.toString('latin1', 0, key.length + 1) === key + ' ' &&
          head.toString('latin1', key.length + 1, key.length + 9) === hash(memory, at + HEADER, size - HEADER))
          cachedData = Buffer.from(memory.buffer, at + HEADER, size - HEADER);
      }
    } catch {}
    try {
      closeSync(cacheFd);
    } catch {}
  }

  const script = new Script(source, { filename: file, cachedData });
  // V8 rejects a cache made under other V8 flags (the stack size among them): only an ordinary
  // run, with the first line's flag and no other, replaces a rejected cache, so runs with other
  // flags (`node dist/tsmacs.cjs` has none) do not take turns overwriting it.
  const plain = process.execArgv[0] === STACK_FLAG && !process.env.NODE_OPTIONS &&
    (process.execArgv.length === 1 || (process.execArgv.length === 2 && process.execArgv[1] === YOUNG_FLAG));
  if (useCache && key.length + 10 <= HEADER && (cachedData === undefined || (script.cachedDataRejected && plain))) {
    process.once('exit', () => {
      lispRuns();
      setFlags(INLINE_DEFAULTS);
      const tmp = cacheFile + '.tmp-' + process.pid;
      try {
        const data = script.createCachedData();
        const memory = memoryFor(HEADER + data.length);
        new Uint8Array(memory.buffer).set(data, HEADER);
        const head = (key + ' ' + hash(memory, HEADER, data.length)).padEnd(HEADER - 1) + '\n';
        const out = Buffer.from(memory.buffer, 0, HEADER + data.length);
        out.write(head, 0, 'latin1');
        writeFileSync(tmp, out);
        renameSync(tmp, cacheFile);
      } catch {
        try {
          rmSync(tmp, { force: true });
        } catch {}
      }
    });
  }
  // The module bodies run once, and their DEFSYMs call one small function (a new builtin symbol) about
  // 1,200 times: V8 marked it for TurboFan, whose compile on another thread (0.85 ms of CPU,
  // `--trace-opt`) ended after the function's last call. So TurboFan is held back (`--no-turbofan`)
  // until the bodies have run: the bundle's host (src/host/node.ts nodeHost) calls bodiesRan first
  // thing, which sets it again before any Lisp runs; so does the end of the bundle's run, and the
  // code cache's writer. The flag goes back to V8's default, so the flag hash that Node's and this
  // bundle's code caches are checked and made with is the usual one. Not `--max-opt=1`: setting
  // `--max-opt=999` back leaves a flag it implied changed, and every cache made after it was refused.
  // Process CPU -1.9 ms (30 interleaved runs).
  const OPT_FLAGS = ['--no-turbofan'];
  const OPT_DEFAULTS = ['--turbofan'];
  // While Lisp runs, TurboFan inlines at most 230 bytes of bytecode into one function instead of
  // 920. A program's first thousands of calls of a primitive (insert, format, re-search-forward)
  // are its cold phase, and most of that is TurboFan optimising the primitives on another thread,
  // whose CPU counts: with less inlined, each compile is smaller. buffer-search.el -12%,
  // string-match.el -12%, buffer-regexp.el -6% of process CPU, fib and nbody within noise
  // (BENCHMARKS.md, "Cold code"). Put back to V8's default before the code cache is written, so
  // the cache is made and checked under the usual flag hash.
  const INLINE_FLAGS = ['--max-inlined-bytecode-size-cumulative=230'];
  const INLINE_DEFAULTS = ['--max-inlined-bytecode-size-cumulative=920'];
  let held = false;
  const bodiesRan = () => {
    if (held) {
      held = false;
      setFlags(OPT_DEFAULTS);
      setFlags(INLINE_FLAGS);
    }
  };
  // Sparkplug, V8's baseline compiler, is held back until Lisp runs (the CLI calls __tsmacsLispRuns
  // once the image is loaded, or before a loadup from source). A start runs thousands of functions a
  // few times each (module bodies, the runtime's set-up, the loader's JS), and Sparkplug compiled
  // batches of them as their budgets ran out, code that the start never ran again: `perf` put
  // 0.8-1 ms of a start in BaselineBatchCompiler::CompileBatch beyond `node -e 0`'s. Set back to
  // V8's default when Lisp runs (a long program gains from baseline code), when the bundle returns or
  // throws, and before the code cache is written (V8 hashes its flags into the cache).
  const SPARK_FLAGS = ['--no-sparkplug'];
  const SPARK_DEFAULTS = ['--sparkplug'];
  let sparkHeld = false;
  const lispRuns = () => {
    bodiesRan();
    if (sparkHeld) {
      sparkHeld = false;
      setFlags(SPARK_DEFAULTS);
    }
  };
  if (v8flags !== null) {
    held = true;
    setFlags(OPT_FLAGS);
    sparkHeld = true;
    setFlags(SPARK_FLAGS);
    globalThis.__tsmacsLispRuns = () => {
      delete globalThis.__tsmacsLispRuns;
      lispRuns();
    };
  }
  // The bundle requires nothing but Node's builtins (esbuild inlined the rest).
  try {
    script.runInThisContext()(builtin, url, kernels, dirname, tierBudget, bodiesRan, heap);
  } finally {
    lispRuns();
  }
  // The REPL (src/cli/repl.ts) and its evaluator thread run on after the command line returns: they set this.
  if (globalThis.__tsmacsLive === true) return;
  // The command line has run (batch Emacs exits when it is done) and tsmacs starts nothing
  // asynchronous: its output went out with writeSync. Exit now, with the status the bundle set:
  // left to end by itself, Node would first tear down V8's heap and the heap buffer's mappings,
  // 0.9-1.6 ms of CPU (measured) that ends no sooner. The exit event (the code cache's writer) still runs.
  process.exit();
})();
