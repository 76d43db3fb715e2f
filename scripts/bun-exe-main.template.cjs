// The Bun executable's entry (dist/tsmacs-bun, made by scripts/build-bun-exe.mjs with
// `bun build --compile --bytecode`): Bun's module (scripts/launcher-bun.template.cjs and the bundle)
// compiled into a copy of Bun, started as the launcher starts it under Bun (its start makes the
// heap's memory first thing). The installation is the
// executable's folder: dist/ of a build or of an install (the image, DOC, and lisp/ beside it).
//
// Why: run as `bun dist/tsmacs.cjs`, Bun reads the launcher and parses it, then reads Bun's module,
// 920 KB of source and 2.5 MB of bytecode, into fresh memory (about 860 page faults: bunstart3). An
// executable holds its bytecode in its own file, mapped, and starts on this entry: about 8 ms of CPU
// less a start (docs/startup.md, "Under Bun (bunstart4)").
'use strict';
const exe = process.execPath;
const dir = exe.slice(0, Math.max(exe.lastIndexOf('/'), exe.lastIndexOf('\\')));
// The script's name in argv is Bun's name for the embedded entry (/$bunfs/root/...): the command
// line's invocation-name and invocation-directory are the executable's.
process.argv[1] = exe;
// The bundle takes its URL from the launcher's file name: the launcher beside the executable.
require('./tsmacs-core.bun.cjs').start(dir + '/tsmacs.cjs', dir, '__KERNELS_BASE64__');
