// Tests for src/emacs/editfns-user.ts's start-up hook: the user variables from an account database
// given by the host, against the straightforward reading (split every line, then find) that the
// hook's one-pass scan replaced (docs/startup.md, round 11).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../src/emacs/all.ts';
import { createRuntime } from '../src/core/init.ts';
import { nodeHost } from '../src/host/node.ts';
import { intern } from '../src/core/obarray.ts';
import { jsString } from '../src/core/object.ts';
import { Qnil } from '../src/core/symbols.ts';
import { findSymbolValue, funcall } from '../src/emacs/eval.ts';
import { makeFixnum } from '../src/heap/tags.ts';

interface Account { name: string; uid: number; gecos: string }

/** The reading the hook used before: every line split, the first match of each `find'. */
function oracle(text: string, uid: number, euid: number, env: Record<string, string>): Record<string, string> {
  const all: Account[] = [];
  for (const line of text.split('\n')) {
    const f = line.split(':');
    if (f.length < 5 || !/^\d+$/.test(f[2]!)) continue;
    all.push({ name: f[0]!, uid: Number(f[2]), gecos: f[4]! });
  }
  const real = all.find((a) => a.uid === uid);
  const effective = euid === uid ? real : all.find((a) => a.uid === euid);
  const get = (n: string): string | undefined => env[n] || undefined;
  const login = get('LOGNAME') ?? get('USER') ?? effective?.name ?? 'unknown';
  const own = all.find((a) => a.name === login) ?? effective;
  const full = (a: Account): string => a.gecos.split(',')[0]!.replaceAll('&', a.name.charAt(0).toUpperCase() + a.name.slice(1));
  return {
    'user-login-name': login,
    'user-real-login-name': real?.name ?? login,
    'user-full-name': get('NAME') ?? (own ? full(own) : 'unknown'),
  };
}

const DB = [
  'root:x:0:0:root:/root:/bin/bash',
  'short:x:5:5',
  'baduid:x:1x:1:Bad Uid:/:/bin/sh',
  'amy:x:1000:1000:& Smith,Room 1,,:/home/amy:/bin/bash',
  'bob:x:1001:1001:Bob Jones:/home/bob:/bin/sh',
  'amy:x:1002:1002:Second Amy:/home/amy2:/bin/sh',
  'twin:x:1001:1001:Twin of Bob:/:/bin/sh',
  'nogecos:x:1003:1003::/:/bin/sh',
  'crlf:x:1004:1004:Carl R\r:/:/bin/sh\r',
  'é:x:1005:1005:Élodie:/:/bin/sh',
  'last:x:1006:1006:No Newline',
].join('\n');

const SCENARIOS: [string, number, number, Record<string, string>][] = [
  [DB, 1000, 1000, { USER: 'amy' }],
  [DB, 1000, 1001, {}],
  [DB, 1001, 1000, { LOGNAME: 'bob', USER: 'amy' }],
  [DB, 1002, 1002, {}],
  [DB, 1003, 1003, { NAME: 'Given Name' }],
  [DB, 1004, 1004, {}],
  [DB, 1005, 1005, {}],
  [DB, 1006, 1006, { USER: 'last' }],
  [DB, 4242, 4242, {}],
  [DB, 4242, 1001, { USER: 'nobody-here' }],
  [DB, 0, 0, { USER: 'twin' }],
  [DB, 1001, 1001, {}],
  ['', 1000, 1000, {}],
  ['', 1000, 1000, { USER: 'amy' }],
  ['garbage\n::\n:::::\nx:y:12:z\n', 12, 12, {}],
  [':x:7:7:Empty Name:/:/bin/sh\n', 7, 7, {}],
];

test('the start-up hook sets the user variables as the split-and-find reading does', () => {
  for (const [text, uid, euid, env] of SCENARIOS) {
    const host = {
      ...nodeHost(),
      readFile: (path: string) => (path === '/etc/passwd' ? (text === '' ? null : new TextEncoder().encode(text)) : null),
      ids: () => ({ uid, euid, gid: 0, egid: 0 }),
      getenv: (name: string) => env[name],
    };
    const rt = createRuntime({ host });
    const want = oracle(text, uid, euid, env);
    for (const [name, value] of Object.entries(want))
      assert.equal(jsString(rt, findSymbolValue(rt, intern(rt, name))), value, `${name} for uid ${uid}/${euid} ${JSON.stringify(env)}`);
    // The functions by uid read the same database.
    for (const a of [0, 1000, 1001, 1005, 4242]) {
      const got = funcall(rt, intern(rt, 'user-login-name'), [makeFixnum(a)]);
      const first = text.split('\n').map((l) => l.split(':')).find((f) => f.length >= 5 && /^\d+$/.test(f[2]!) && Number(f[2]) === a);
      assert.equal(got === Qnil ? null : jsString(rt, got), first ? first[0] : null, `(user-login-name ${a})`);
    }
  }
});
