// The executable's entry point: run the command line with the Node host and exit with its status.

import { nodeHost } from '../host/node.ts';
import { runCli } from './main.ts';

process.exitCode = runCli(process.argv.slice(2), nodeHost());
