// The data files under etc/ that some primitives read the first time they are needed, so that
// neither start-up nor the dumped image carries them (charprop.txt, mule-maps.txt, ucs-names.txt).

import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Runtime } from '../core/runtime.ts';
import { list, makeString } from '../core/object.ts';
import { xsignal } from '../core/signal.ts';
import { Qfile_missing, Qnil } from '../core/symbols.ts';
import { DEFVAR } from '../core/subr.ts';
import { pdumperDoNowAndAfterLoad } from '../core/dump-hooks.ts';
import { setInternal } from './eval.ts';

/**
 * The etc/ folder, beside the sources (src/emacs/..) or beside the bundle (dist/..), ending in a
 * slash. Made with string operations: every start sets `data-directory' from it, and under Bun
 * node:path is loaded only when something needs it.
 */
function etcDir(): string {
  const here = import.meta.dirname ?? dirname(fileURLToPath(import.meta.url));
  const up = (d: string): string => d.slice(0, Math.max(d.lastIndexOf('/'), 0)) || '/';
  const root = here.endsWith('emacs') ? up(up(here)) : up(here);
  return root.endsWith('/') ? root + 'etc/' : root + '/etc/';
}

/** etc/NAME. */
export function etcFile(name: string): string {
  return etcDir() + name;
}

/** The bytes of etc/NAME; a missing file is GNU's file-missing error for an input file. */
export function readEtcFile(rt: Runtime, name: string): Uint8Array {
  const file = etcFile(name);
  const bytes = rt.host.readFile(file);
  if (bytes === null) {
    return xsignal(Qfile_missing, list(rt, makeString(rt, 'Opening input file'), makeString(rt, rt.host.lastError), makeString(rt, file)));
  }
  return bytes;
}

/** The lines of etc/NAME by their first word ("KEY REST..."); lines starting with # are comments. */
export function readKeyedLines(rt: Runtime, name: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const line of new TextDecoder().decode(readEtcFile(rt, name)).split('\n')) {
    const sp = line.indexOf(' ');
    if (sp > 0 && !line.startsWith('#')) m.set(line.slice(0, sp), line.slice(sp + 1));
  }
  return m;
}

const Qdata_directory = DEFVAR('data-directory', () => Qnil,
  'The folder of the data files that come with this Emacs (its etc/), as an absolute name ending in a slash.');

// The installation may have moved since the dump was made: the folder is found again at every start.
pdumperDoNowAndAfterLoad((rt) => setInternal(rt, Qdata_directory, makeString(rt, etcDir())));
