// Who and where the process runs (the user and system half of GNU editfns.c): user-login-name, user-full-name, user-uid, system-name, emacs-pid.
//
// The account database is /etc/passwd, read through the host when a function asks for another
// user than the one the variables were set for; a host without one (the browser) has no accounts,
// so lookups by UID give nil. The variables are set at every start, from an image too: they
// describe the process, not the build.

import { consp, floatp, jsString, makeString, stringp, xcar, xcdr, xfloat } from '../core/object.ts';
import { pdumperDoNowAndAfterLoad } from '../core/dump-hooks.ts';
import type { Runtime } from '../core/runtime.ts';
import { error } from '../core/signal.ts';
import { DEFUN, DEFVAR } from '../core/subr.ts';
import { DEFSYM, Qnil, Qunbound } from '../core/symbols.ts';
import { fixnumValue, isFixnum, makeFixnum } from '../heap/tags.ts';
import { findSymbolValue, setInternal } from './eval.ts';

interface Account {
  name: string;
  uid: number;
  gecos: string;
}

/**
 * BYTES as UTF-8 text. An ASCII file (the usual /etc/passwd) is turned into a string without a
 * TextDecoder: every start reads the account database, and a TextDecoder's first construction and
 * use cost 0.1-0.2 ms of it (measured).
 */
function utf8Text(bytes: Uint8Array): string {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return new TextDecoder().decode(bytes);
  let text = '';
  for (let i = 0; i < bytes.length; i += 4096) text += String.fromCharCode.apply(null, bytes.subarray(i, i + 4096) as unknown as number[]);
  return text;
}

/** Whether S is one or more ASCII digits (a regexp's first use, compiling it, costs a start 0.1 ms). */
function allDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** The account database's text ('' without one). */
function accountsText(rt: Runtime): string {
  const bytes = rt.host.readFile('/etc/passwd');
  return bytes ? utf8Text(bytes) : '';
}

/**
 * Call VISIT with each account of TEXT (a line of at least five `:'-separated fields whose third,
 * the uid, is digits), in order, until it returns true. By indexOf, without splitting each line
 * into an array or making an object per account: the start-up hook below runs it at every start,
 * and those cost it about 0.1 ms, run cold.
 */
function eachAccount(text: string, visit: (name: string, uid: number, text: string, gecosAt: number, end: number) => boolean): void {
  for (let start = 0; start < text.length;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const c1 = text.indexOf(':', start);
    const c2 = c1 < 0 || c1 > end ? -1 : text.indexOf(':', c1 + 1);
    const c3 = c2 < 0 || c2 > end ? -1 : text.indexOf(':', c2 + 1);
    const c4 = c3 < 0 || c3 > end ? -1 : text.indexOf(':', c3 + 1);
    if (c4 >= 0 && c4 < end) {
      const uid = text.slice(c2 + 1, c3);
      if (allDigits(uid) && visit(text.slice(start, c1), Number(uid), text, c4 + 1, end)) return;
    }
    start = end + 1;
  }
}

/** The account whose fields VISIT was called with (its GECOS field runs to the next `:' or the line's end). */
function accountAt(name: string, uid: number, text: string, gecosAt: number, end: number): Account {
  const c5 = text.indexOf(':', gecosAt);
  return { name, uid, gecos: text.slice(gecosAt, c5 < 0 || c5 > end ? end : c5) };
}

function accounts(rt: Runtime): Account[] {
  const out: Account[] = [];
  eachAccount(accountsText(rt), (name, uid, text, gecosAt, end) => {
    out.push(accountAt(name, uid, text, gecosAt, end));
    return false;
  });
  return out;
}

/** The full name an account's GECOS field gives: up to the first comma, `&' standing for the capitalised login name. */
function fullNameOf(a: Account): string {
  const field = a.gecos.split(',')[0]!;
  return field.replaceAll('&', a.name.charAt(0).toUpperCase() + a.name.slice(1));
}

/** UID as GNU's functions take it: a non-negative integer, integral float or (HIGH . LOW) pair. */
function uidArg(rt: Runtime, uid: number): number {
  let v = NaN;
  if (isFixnum(uid)) v = fixnumValue(uid);
  else if (floatp(uid)) v = xfloat(rt, uid);
  else if (consp(uid) && isFixnum(xcar(rt, uid)) && isFixnum(xcdr(rt, uid))) v = fixnumValue(xcar(rt, uid)) * 65536 + fixnumValue(xcdr(rt, uid));
  if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) error(rt, 'Not an in-range integer, integral float, or cons of integers');
  return v;
}

const byUid = (rt: Runtime, uid: number): Account | undefined => accounts(rt).find((a) => a.uid === uid);

const Quser_login_name = DEFVAR('user-login-name', () => Qnil,
  'The name the user logged in as: $LOGNAME, else $USER, else the account of the effective user id.');
const Quser_real_login_name = DEFVAR('user-real-login-name', () => Qnil,
  'The account name of the real user id, whatever the environment says.');
const Quser_full_name = DEFVAR('user-full-name', () => Qnil,
  'The user\'s full name: $NAME when set, else the name the account database gives.');
const Qsystem_name = DEFVAR('system-name', () => Qnil, 'The host name of the machine.');

const Quser_mail_address = DEFSYM('user-mail-address');
const Qmail_host_address = DEFSYM('mail-host-address');

// Set in every fresh runtime and again after each image load.
pdumperDoNowAndAfterLoad((rt) => {
  const ids = rt.host.ids();
  const env = (name: string): string | undefined => rt.host.getenv(name) || undefined;
  const given = env('LOGNAME') ?? env('USER');
  // One read of the account database per start, and one pass that stops once it has the first
  // account of the real uid, of the effective uid and of the login name (when the environment
  // gives it): the accounts `accounts' would list, found as its `find's would find them.
  const text = accountsText(rt);
  let real: Account | undefined;
  let effective: Account | undefined;
  let named: Account | undefined;
  eachAccount(text, (name, uid, t, gecosAt, end) => {
    if (real === undefined && uid === ids.uid) real = accountAt(name, uid, t, gecosAt, end);
    if (effective === undefined && uid === ids.euid) effective = accountAt(name, uid, t, gecosAt, end);
    if (named === undefined && given !== undefined && name === given) named = accountAt(name, uid, t, gecosAt, end);
    return real !== undefined && effective !== undefined && (given === undefined || named !== undefined);
  });
  const login = given ?? effective?.name ?? 'unknown';
  // Without LOGNAME or USER the login name is the effective account's, and the first account of
  // that name may come before it.
  if (given === undefined && effective !== undefined)
    eachAccount(text, (name, uid, t, gecosAt, end) => name === login && (named = accountAt(name, uid, t, gecosAt, end)) !== undefined);
  const str = (s: string): number => makeString(rt, s);
  setInternal(rt, Quser_login_name, str(login));
  setInternal(rt, Quser_real_login_name, str(real?.name ?? login));
  const own = named ?? effective;
  setInternal(rt, Quser_full_name, str(env('NAME') ?? (own ? fullNameOf(own) : 'unknown')));
  // Read once: the host's name is a file read on Linux (/proc/sys/kernel/hostname).
  const hostName = rt.host.hostname();
  setInternal(rt, Qsystem_name, str(hostName));
  // GNU works `user-mail-address' out at each start (custom-initialize-delay in startup.el).
  // Here its defcustom (command-args.el) computes it when the image is made, and each start
  // from the image sets it again from this machine by the same rule, in JS: evaluating the
  // option's Lisp form at start cost a start about a millisecond.
  if (findSymbolValue(rt, Quser_mail_address) !== Qunbound) {
    const host = findSymbolValue(rt, Qmail_host_address);
    const address = rt.host.getenv('EMAIL') ?? `${login}@${stringp(host) ? jsString(rt, host) : hostName}`;
    setInternal(rt, Quser_mail_address, str(address));
  }
});

DEFUN('user-login-name', 0, 1, 'Give the login name of the user, or with UID the account name of that user id (nil when there is none).', (rt, uid: number) => {
  if (uid === Qnil) return variableValue(rt, Quser_login_name);
  const a = byUid(rt, uidArg(rt, uid));
  return a ? makeString(rt, a.name) : Qnil;
});

DEFUN('user-real-login-name', 0, 0, 'Give the account name of the real user id.', (rt) => variableValue(rt, Quser_real_login_name));

DEFUN('user-full-name', 0, 1, 'Give the user\'s full name; with UID, a user id or a login name, that account\'s (nil when there is none).', (rt, uid: number) => {
  if (uid === Qnil) return variableValue(rt, Quser_full_name);
  let a: Account | undefined;
  if (stringp(uid)) {
    const name = jsString(rt, uid);
    a = accounts(rt).find((x) => x.name === name);
  } else if (isFixnum(uid) || floatp(uid) || consp(uid)) a = byUid(rt, uidArg(rt, uid));
  else error(rt, 'Invalid UID specification');
  return a ? makeString(rt, fullNameOf(a)) : Qnil;
});

DEFUN('user-uid', 0, 0, 'Give the effective user id of the process.', (rt) => makeFixnum(rt.host.ids().euid));
DEFUN('user-real-uid', 0, 0, 'Give the real user id of the process.', (rt) => makeFixnum(rt.host.ids().uid));
DEFUN('group-gid', 0, 0, 'Give the effective group id of the process.', (rt) => makeFixnum(rt.host.ids().egid));
DEFUN('group-real-gid', 0, 0, 'Give the real group id of the process.', (rt) => makeFixnum(rt.host.ids().gid));

DEFUN('system-name', 0, 0, 'Give the host name of the machine.', (rt) => variableValue(rt, Qsystem_name));

DEFUN('emacs-pid', 0, 0, 'Give the process id of this process.', (rt) => makeFixnum(rt.host.pid()));

/** The current value of one of this file's variables, as the functions give them (nil when unbound). */
function variableValue(rt: Runtime, sym: number): number {
  const v = findSymbolValue(rt, sym);
  return v === Qunbound ? Qnil : v;
}
