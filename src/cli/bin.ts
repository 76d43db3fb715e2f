// The executable's entry point: run the command line with the Node host and exit with its status.

import { bunHost } from '../host/bun.ts';
import { nodeHost } from '../host/node.ts';
import { runCli } from './main.ts';

// Under Bun, the Node host whose start reads its files without loading node:fs (host/bun.ts).
const host = (process.versions as { bun?: string }).bun !== undefined ? bunHost() : nodeHost();
// process.hrtime, not performance.now(): the first touch of the `performance` global loads
// perf_hooks, about 2 ms of every start-up.
host.now = () => {
  const [s, ns] = process.hrtime();
  return s * 1e3 + ns / 1e6;
};
host.programPath = process.argv[1];
process.exitCode = runCli(process.argv.slice(2), host);
// As GNU at exit, children still running are killed rather than left behind.
host.processes?.killAll();
