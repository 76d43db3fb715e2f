// The network-interface queries of GNU process.c: network-interface-list and network-interface-info.
//
// The host reports the interfaces (Host.networkInterfaces: node:os) and, on Linux, their link
// facts (Host.interfaceDetails: /sys/class/net). Below them, network processes: stream
// connections and listeners (make-network-process) over the host's sockets (HostNet, node:net in
// the process worker), name lookups, and GNU's answers for serial ports, which tsmacs cannot open.

import { aref, aset, cons, jsString, list, listFromArray, makeString, sbytes, sdata, stringp, symbolp, vectorFromArray } from '../core/object.ts';
import { intern } from '../core/obarray.ts';
import { defineWorldState, type Runtime } from '../core/runtime.ts';
import { error, wrongTypeArgument, xsignal } from '../core/signal.ts';
import { DEFUN } from '../core/subr.ts';
import { DEFSYM, Qnil, Qstringp, Qt, Qfile_error, Qfile_missing } from '../core/symbols.ts';
import { MANY } from '../core/subr.ts';
import { fixnumValue, isFixnum, makeFixnum } from '../heap/tags.ts';
import type { HostChildEvent, HostNet, HostNetAddress, HostNetError } from '../host/host.ts';
import type { HostNetworkInterface } from '../host/host.ts';
import { call1, funcall } from './eval.ts';
import { bufferp } from './buffer.ts';
import { errnoTexts } from './fileio-ops.ts';
import {
  PROC_BUFFER, PROC_CONTACT, PROC_DECODE, PROC_ENCODE, PROC_EVENT, PROC_FILTER, PROC_HANDLE, PROC_NAME,
  PROC_NOQUERY, PROC_PLIST, PROC_SENTINEL, PROC_STATUS, PROC_TYPE, bufferArg, checkProcess, getProcessArg,
  callHandler, hostProcesses, netEvents, newProcess, plistGet, procState, setProcessIo, setStatus,
} from './process.ts';

const Qipv4 = DEFSYM('ipv4');
const Qipv6 = DEFSYM('ipv6');

/** An address's words: 4 bytes for IPv4, 8 sixteen-bit groups for IPv6. */
function addressWords(text: string, family: 'IPv4' | 'IPv6'): number[] {
  if (family === 'IPv4') return text.split('.').map((x) => Number.parseInt(x, 10) & 255);
  let s = text.replace(/%.*$/, '');
  // A dotted IPv4 tail (::ffff:1.2.3.4) is two groups.
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(s);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map((x) => Number.parseInt(x, 10));
    s = s.slice(0, dotted.index) + ((a! << 8) | b!).toString(16) + ':' + ((c! << 8) | d!).toString(16);
  }
  const [head, tail] = s.includes('::') ? s.split('::') as [string, string] : [s, null];
  const groups = (part: string): number[] => (part === '' ? [] : part.split(':').map((x) => Number.parseInt(x, 16)));
  const front = groups(head);
  if (tail === null) return front;
  const back = groups(tail);
  return [...front, ...new Array<number>(8 - front.length - back.length).fill(0), ...back];
}

/** The words as GNU's address vector: the words, then the port (0). */
const addressVector = (rt: Runtime, words: number[]): number => vectorFromArray(rt, [...words, 0].map(makeFixnum));

function interfacesOf(rt: Runtime): HostNetworkInterface[] {
  const list = rt.host.networkInterfaces;
  if (list === undefined) return error(rt, 'Network interfaces are not supported on this host');
  return list();
}

DEFUN('network-interface-list', 0, 2, 'List the network interfaces\' addresses, each (NAME . ADDRESS), or with FULL (NAME ADDRESS BROADCAST NETMASK).\nFAMILY `ipv4\' or `ipv6\' keeps only those addresses; nil keeps both.',
  (rt, full: number, family: number) => {
    let want: 'IPv4' | 'IPv6' | null = null;
    if (family === Qipv4) want = 'IPv4';
    else if (family === Qipv6) want = 'IPv6';
    else if (family !== Qnil) error(rt, 'Unsupported address family');
    const all = interfacesOf(rt);
    // The system lists IPv4 addresses before IPv6 ones, each by interface; GNU gives that list reversed.
    const names = [...new Set(all.map((i) => i.name))];
    const ordered = [...all.filter((i) => i.family === 'IPv4'), ...all.filter((i) => i.family === 'IPv6')]
      .map((entry, index) => ({ entry, index }))
      .sort((p, q) => (p.entry.family === q.entry.family ? names.indexOf(p.entry.name) - names.indexOf(q.entry.name) || p.index - q.index : 0))
      .map((p) => p.entry)
      .filter((i) => want === null || i.family === want)
      .reverse();
    return list(rt, ...ordered.map((i) => {
      const name = makeString(rt, i.name);
      const addr = addressWords(i.address, i.family);
      if (full === Qnil) return cons(rt, name, addressVector(rt, addr));
      const mask = addressWords(i.netmask, i.family);
      const top = i.family === 'IPv4' ? 255 : 65535;
      const broadcast = addr.map((w, k) => w | (top & ~mask[k]!));
      return list(rt, name, addressVector(rt, addr), addressVector(rt, broadcast), addressVector(rt, mask));
    }));
  });

/** The IFF_* flag bits by name, in bit order. */
const FLAG_NAMES: readonly [number, string][] = [
  [0x1, 'up'], [0x2, 'broadcast'], [0x4, 'debug'], [0x8, 'loopback'], [0x10, 'pointopoint'], [0x20, 'notrailers'],
  [0x40, 'running'], [0x80, 'noarp'], [0x100, 'promisc'], [0x200, 'allmulti'], [0x400, 'master'], [0x800, 'slave'],
  [0x1000, 'multicast'], [0x2000, 'portsel'], [0x4000, 'automedia'], [0x8000, 'dynamic'],
];
const IFF_BROADCAST = 0x2;

DEFUN('network-interface-info', 1, 1, 'Describe the network interface IFNAME: (ADDRESS BROADCAST NETMASK HWADDR FLAGS), or nil when there is none.\nThe addresses are its first IPv4 one\'s (nil without one); HWADDR is (TYPE . BYTES); FLAGS lists the interface flags that are set.',
  (rt, ifname: number) => {
    if (!stringp(ifname)) wrongTypeArgument(rt, Qstringp, ifname);
    // An interface name is a C string of fewer than 16 bytes.
    if (sbytes(rt, ifname) >= 16) error(rt, 'interface name too long');
    const raw = rt.u8.subarray(sdata(rt, ifname), sdata(rt, ifname) + sbytes(rt, ifname));
    const nul = raw.indexOf(0);
    const name = new TextDecoder().decode(nul < 0 ? raw : raw.subarray(0, nul));
    const details = rt.host.interfaceDetails;
    if (details === undefined) return error(rt, 'Network interfaces are not supported on this host');
    const link = details(name);
    if (link === null) return Qnil;
    const v4 = interfacesOf(rt).find((i) => i.name === name && i.family === 'IPv4');
    let addr = Qnil;
    let broadcast = Qnil;
    let mask = Qnil;
    if (v4 !== undefined) {
      const a = addressWords(v4.address, 'IPv4');
      const m = addressWords(v4.netmask, 'IPv4');
      addr = addressVector(rt, a);
      broadcast = addressVector(rt, link.flags & IFF_BROADCAST ? a.map((w, k) => w | (255 & ~m[k]!)) : [0, 0, 0, 0]);
      mask = addressVector(rt, m);
    }
    const hw = [...link.hardwareAddress.slice(0, 6), 0, 0, 0, 0, 0, 0].slice(0, 6);
    const flags = FLAG_NAMES.filter(([bit]) => link.flags & bit).map(([, n]) => intern(rt, n)).reverse();
    return list(rt, addr, broadcast, mask, cons(rt, makeFixnum(link.hardwareType), vectorFromArray(rt, hw.map(makeFixnum))), list(rt, ...flags));
  });

// ---- network processes -------------------------------------------------------------------------

const Qlocal = DEFSYM('local');
const Qnetwork = DEFSYM('network');
const Qserial = DEFSYM('serial');
const Qlisten = DEFSYM('listen');
const Qopen = DEFSYM('open');
const Qconnect = DEFSYM('connect');
const Qclosed = DEFSYM('closed');
const Qfailed = DEFSYM('failed');
const Qstream = DEFSYM('stream');
const QCname = DEFSYM(':name');
const QCbuffer = DEFSYM(':buffer');
const QChost = DEFSYM(':host');
const QCservice = DEFSYM(':service');
const QCfamily = DEFSYM(':family');
const QCserver = DEFSYM(':server');
const QCtype = DEFSYM(':type');
const QCnowait = DEFSYM(':nowait');
const QCnoquery = DEFSYM(':noquery');
const QCplist = DEFSYM(':plist');
const QClog = DEFSYM(':log');
const QClocal = DEFSYM(':local');
const QCremote = DEFSYM(':remote');
const QCport = DEFSYM(':port');
const QCspeed = DEFSYM(':speed');
const QCprocess = DEFSYM(':process');
const Qinternal_default_process_filter = DEFSYM('internal-default-process-filter');
const Qinternal_default_process_sentinel = DEFSYM('internal-default-process-sentinel');

/** gai_strerror's text for what a name lookup reports. */
const LOOKUP_ERRORS: Record<string, string> = {
  ENOTFOUND: 'Name or service not known', EAI_AGAIN: 'Temporary failure in name resolution',
  EAI_FAIL: 'Non-recoverable failure in name resolution', EAI_ADDRFAMILY: 'Address family for hostname not supported',
  EAI_NODATA: 'No address associated with hostname', EAI_SERVICE: 'Servname not supported for ai_socktype',
};
const ERRNO: Record<string, number> = {
  ECONNREFUSED: 111, ENOENT: 2, EACCES: 13, EADDRINUSE: 98, EADDRNOTAVAIL: 99, ECONNRESET: 104, ETIMEDOUT: 110,
  EHOSTUNREACH: 113, ENETUNREACH: 101, ENOTSOCK: 88, EINVAL: 22, EPERM: 1, ENOTDIR: 20, ECONNABORTED: 103,
};

function hostNet(rt: Runtime): HostNet {
  const net = hostProcesses(rt).net;
  if (!net) return error(rt, 'Network processes are not supported on this host');
  return net;
}

const isNetError = (x: unknown): x is HostNetError => typeof (x as HostNetError).code === 'string';

/** The text of an IP literal's family: 4, 6, or 0 when TEXT is a name. */
function literalFamily(text: string): number {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(text)) return 4;
  if (/^[0-9a-fA-F:.]+$/.test(text) && text.includes(':')) return 6;
  return 0;
}

/** An address as Lisp sees it: [A B C D PORT], nine numbers for IPv6, or a Unix socket's name. */
function lispAddress(rt: Runtime, a: HostNetAddress): number {
  if (a.path !== undefined) return makeString(rt, a.path);
  const six = (a.address ?? '').includes(':');
  const words = addressWords(a.address ?? '0.0.0.0', six ? 'IPv6' : 'IPv4');
  return vectorFromArray(rt, [...words, a.port ?? 0].map(makeFixnum));
}

/**
 * How an accepted connection names its peer: "127.0.0.1:4711", an IPv6 peer in brackets with each
 * group's two bytes swapped (as GNU 28 prints them), a Unix peer by the count of connections
 * accepted so far in the session.
 */
const acceptedCount = defineWorldState(() => ({ n: 0 }));
function peerLabel(rt: Runtime, a: HostNetAddress): string {
  const count = ++acceptedCount(rt).n;
  if (a.path !== undefined) return String(count);
  const text = a.address ?? '';
  if (!text.includes(':')) return `${text}:${a.port}`;
  const swapped = addressWords(text, 'IPv6').map((w) => (((w & 255) << 8) | (w >> 8)).toString(16));
  return `[${swapped.join(':')}]:${a.port}`;
}

/** A port number from SERVICE (a number, or a numeric or /etc/services name), or null when it names none. */
function servicePort(rt: Runtime, service: number): number | null {
  if (isFixnum(service)) return fixnumValue(service) & 0xffff;
  const name = jsString(rt, service);
  if (/^\d+$/.test(name)) return Number(name) & 0xffff;
  const table = rt.host.readFile('/etc/services');
  if (table === null) return null;
  for (const line of new TextDecoder().decode(table).split('\n')) {
    const f = line.replace(/#.*/, '').trim().split(/\s+/);
    if (f.length < 2 || !f[1]!.endsWith('/tcp')) continue;
    if (f[0] === name || f.slice(2).includes(name)) return Number.parseInt(f[1]!, 10);
  }
  return null;
}

/** Plist-put KEY VALUE into the contact plist held in P's slot. */
function contactPut(rt: Runtime, p: number, key: number, value: number): void {
  aset(rt, p, PROC_CONTACT, funcall(rt, intern(rt, 'plist-put'), [aref(rt, p, PROC_CONTACT), key, value]));
}

function contactGet(rt: Runtime, p: number, key: number): number {
  return funcall(rt, intern(rt, 'plist-get'), [aref(rt, p, PROC_CONTACT), key]);
}

function addressFamily(rt: Runtime, family: number): 0 | 4 | 6 | 'local' {
  if (family === Qnil) return 0;
  if (family === Qipv4) return 4;
  if (family === Qipv6) return 6;
  if (family === Qlocal) return 'local';
  return error(rt, 'Unknown address family');
}

/** Resolve HOST for a connection or listener; a failure is GNU's "HOST/SERVICE reason" error. */
function resolveHost(rt: Runtime, host: string, family: number, serviceText: string): { address: string; family: number } {
  const lit = literalFamily(host);
  if (lit !== 0) {
    if (family !== 0 && family !== lit) error(rt, `${host}/${serviceText} ${LOOKUP_ERRORS.EAI_ADDRFAMILY}`);
    return { address: host, family: lit };
  }
  const r = hostNet(rt).lookup(host, family);
  if (isNetError(r) || r.length === 0) {
    const why = isNetError(r) ? LOOKUP_ERRORS[r.code] ?? r.code : LOOKUP_ERRORS.ENOTFOUND!;
    return error(rt, `${host}/${serviceText} ${why}`);
  }
  return r[0]!;
}

DEFUN('make-network-process', 0, MANY, 'Open a network connection, or with :server a listener, as the keyword ARGS describe; give its process.\n:name, :host (a name, an address or `local\'), :service (a port, a service name, t for any free port; a file name for :family `local\'), :family (`ipv4\', `ipv6\', `local\'), :server (t or a backlog), :nowait, :buffer, :coding, :noquery, :filter, :sentinel, :plist, :log (a listener\'s function of SERVER, CONNECTION and MESSAGE, called as it accepts each connection).\nA connection the listener accepts becomes a process of its own that inherits its filter, sentinel, coding and plist.',
  (rt, args: number[]) => {
    const name = plistGet(rt, args, QCname);
    if (!stringp(name)) wrongTypeArgument(rt, Qstringp, name);
    const type = plistGet(rt, args, QCtype);
    if (type !== Qnil && type !== Qstream) error(rt, 'Unsupported connection type');
    const family = addressFamily(rt, plistGet(rt, args, QCfamily));
    const server = plistGet(rt, args, QCserver);
    let service = plistGet(rt, args, QCservice);
    const host = plistGet(rt, args, QChost);
    const nowait = plistGet(rt, args, QCnowait) !== Qnil && server === Qnil;
    const unix = family === 'local';
    if (!(server !== Qnil && service === Qt && !unix) && !isFixnum(service) && !stringp(service)) wrongTypeArgument(rt, Qstringp, service);
    if (unix && !stringp(service)) wrongTypeArgument(rt, Qstringp, service);
    if (host !== Qnil && host !== Qlocal && !stringp(host)) wrongTypeArgument(rt, Qstringp, host);
    const ipFamily = unix ? 0 : family;
    const serviceText = isFixnum(service) ? String(fixnumValue(service)) : service === Qt ? '0' : jsString(rt, service);
    let port = 0;
    if (!unix && service !== Qt) {
      const n = servicePort(rt, service);
      if (n === null) error(rt, `${host === Qnil || !stringp(host) ? '' : jsString(rt, host)}/${serviceText} ${LOOKUP_ERRORS.EAI_SERVICE}`);
      port = n!;
    }
    const net = hostNet(rt);
    const sp = rt.sp;
    const contactArgs = listFromArray(rt, args);
    rt.push(contactArgs);
    let hostText = '';
    let resolved = 0;
    if (!unix) {
      if (host === Qnil || host === Qlocal) {
        hostText = ipFamily === 6 ? '::1' : '127.0.0.1';
        resolved = ipFamily === 6 ? 6 : 4;
      } else {
        const r = resolveHost(rt, jsString(rt, host), ipFamily, serviceText);
        hostText = r.address;
        resolved = r.family;
      }
    }
    const spec = unix ? { path: jsString(rt, service) } : { host: hostText, port, family: resolved };
    let handle: number;
    let local: HostNetAddress | undefined;
    let remote: HostNetAddress | undefined;
    if (server !== Qnil) {
      const r = net.listen({ ...spec, backlog: isFixnum(server) ? fixnumValue(server) : 5 });
      if (isNetError(r)) {
        const why = errnoTexts[r.code] ?? r.code;
        xsignal(why === errnoTexts.ENOENT ? Qfile_missing : Qfile_error, list(rt, makeString(rt, 'Cannot bind server socket'), makeString(rt, why)));
      }
      const ok = r as { id: number; local: HostNetAddress };
      handle = ok.id;
      local = ok.local;
    } else {
      const r = net.connect(spec, nowait);
      if (isNetError(r)) {
        const why = errnoTexts[r.code] ?? r.code;
        xsignal(why === errnoTexts.ENOENT ? Qfile_missing : Qfile_error,
          cons(rt, makeString(rt, 'make client process failed'), cons(rt, makeString(rt, why), contactArgs)));
      }
      const ok = r as { id: number; local?: HostNetAddress; remote?: HostNetAddress };
      handle = ok.id;
      local = ok.local;
      remote = ok.remote;
    }
    const buffer = bufferArg(rt, plistGet(rt, args, QCbuffer));
    rt.push(buffer);
    const p = newProcess(rt, jsString(rt, name), Qnetwork);
    rt.push(p);
    aset(rt, p, PROC_CONTACT, call1(rt, intern(rt, 'copy-sequence'), contactArgs));
    aset(rt, p, PROC_HANDLE, makeFixnum(handle));
    aset(rt, p, PROC_STATUS, server !== Qnil ? Qlisten : nowait ? Qconnect : Qopen);
    aset(rt, p, PROC_NOQUERY, plistGet(rt, args, QCnoquery) === Qnil ? Qnil : Qt);
    aset(rt, p, PROC_PLIST, plistGet(rt, args, QCplist));
    setProcessIo(rt, p, args, buffer);
    if (server !== Qnil) {
      if (!unix) contactPut(rt, p, QCservice, makeFixnum(local!.port ?? 0));
      contactPut(rt, p, QClocal, lispAddress(rt, local!));
    } else if (remote !== undefined && local !== undefined) {
      contactPut(rt, p, QCremote, lispAddress(rt, remote));
      contactPut(rt, p, QClocal, lispAddress(rt, local));
    }
    procState(rt).byHandle.set(handle, p);
    rt.sp = sp;
    return p;
  });

/** A listener's new connection: a process named after the peer, inheriting the listener's settings. */
function acceptConnection(rt: Runtime, srv: number, conn: number, remote: HostNetAddress): void {
  const label = peerLabel(rt, remote);
  const sp = rt.sp;
  const p = newProcess(rt, `${jsString(rt, aref(rt, srv, PROC_NAME))} <${label}>`, Qnetwork);
  rt.push(p);
  for (const slot of [PROC_FILTER, PROC_SENTINEL, PROC_PLIST, PROC_DECODE, PROC_ENCODE]) aset(rt, p, slot, aref(rt, srv, slot));
  aset(rt, p, PROC_CONTACT, call1(rt, intern(rt, 'copy-sequence'), aref(rt, srv, PROC_CONTACT)));
  contactPut(rt, p, QCserver, Qnil);
  if (remote.path !== undefined) contactPut(rt, p, QChost, Qt);
  else {
    contactPut(rt, p, QChost, makeString(rt, remote.address ?? ''));
    contactPut(rt, p, QCservice, makeFixnum(remote.port ?? 0));
  }
  contactPut(rt, p, QCremote, lispAddress(rt, remote));
  // With a filter of its own the listener's connections need no buffer; otherwise each gets one.
  if (aref(rt, srv, PROC_FILTER) === Qinternal_default_process_filter) {
    const base = aref(rt, srv, PROC_BUFFER);
    const stem = base !== Qnil && bufferp(rt, base) ? jsString(rt, call1(rt, intern(rt, 'buffer-name'), base)) : jsString(rt, aref(rt, srv, PROC_NAME));
    const b = call1(rt, intern(rt, 'get-buffer-create'), makeString(rt, `${stem} <${label}>`));
    // The buffer only: GNU leaves a new connection's mark pointing nowhere.
    aset(rt, p, PROC_BUFFER, b);
  }
  aset(rt, p, PROC_HANDLE, makeFixnum(conn));
  aset(rt, p, PROC_STATUS, Qopen);
  procState(rt).byHandle.set(conn, p);
  // The listener's :log function hears of the connection first, as (SERVER CONNECTION MESSAGE).
  const log = contactGet(rt, srv, QClog);
  if (log !== Qnil) {
    const msg = makeString(rt, `accept from ${remote.path !== undefined ? '-' : remote.address}\n`);
    rt.push(msg);
    callHandler(rt, 'log', log, [srv, p, msg]);
  }
  // A sentinel of the listener's own hears of the connection at once, before any of its data
  // reaches the filter; the default one writes nothing for it (GNU's buffer stays empty).
  const sentinel = aref(rt, p, PROC_SENTINEL);
  if (sentinel !== Qinternal_default_process_sentinel && sentinel !== Qnil) {
    const event = makeString(rt, `open from ${remote.path !== undefined ? '-' : remote.address}\n`);
    rt.push(event);
    callHandler(rt, 'sentinel', sentinel, [p, event]);
  }
  rt.sp = sp;
}

netEvents.handler = (rt: Runtime, p: number, ev: HostChildEvent): void => {
  const sp = rt.sp;
  rt.push(p);
  if (ev.kind === 'accept') acceptConnection(rt, p, ev.conn, ev.remote);
  else if (ev.kind === 'connected') {
    contactPut(rt, p, QCremote, lispAddress(rt, ev.remote));
    contactPut(rt, p, QClocal, lispAddress(rt, ev.local));
    setStatus(rt, p, Qopen, 0);
    aset(rt, p, PROC_EVENT, makeString(rt, 'open\n'));
  } else if (ev.kind === 'connfail') {
    const errno = ERRNO[ev.code] ?? ev.errno;
    setStatus(rt, p, Qfailed, errno);
    aset(rt, p, PROC_EVENT, makeString(rt, `failed with code ${errno}\n`));
    aset(rt, p, PROC_HANDLE, Qnil);
    procState(rt).byHandle.delete(ev.id);
  } else if (ev.kind === 'closed') {
    // The peer closed: GNU reports status closed with exit status 256.
    setStatus(rt, p, Qclosed, 256);
    aset(rt, p, PROC_EVENT, makeString(rt, 'connection broken by remote peer\n'));
    aset(rt, p, PROC_HANDLE, Qnil);
    procState(rt).byHandle.delete(ev.id);
  }
  rt.sp = sp;
};

DEFUN('network-lookup-address-info', 1, 2, 'Give the addresses NAME stands for, each a vector of its numbers and port 0, or nil when it stands for none (the reason goes to the echo area).\nFAMILY `ipv4\' or `ipv6\' keeps only that kind; nil takes both.',
  (rt, name: number, family: number) => {
    if (!stringp(name)) wrongTypeArgument(rt, Qstringp, name);
    let fam = 0;
    if (family === Qipv4) fam = 4;
    else if (family === Qipv6) fam = 6;
    else if (family !== Qnil) error(rt, 'Unsupported lookup type');
    const text = jsString(rt, name);
    const say = (why: string): number => {
      funcall(rt, intern(rt, 'message'), [makeString(rt, '%s'), makeString(rt, `${text}/0 ${why}`)]);
      return Qnil;
    };
    const lit = literalFamily(text);
    let found: { address: string; family: number }[];
    if (lit !== 0) {
      if (fam !== 0 && fam !== lit) return say(LOOKUP_ERRORS.EAI_ADDRFAMILY!);
      found = [{ address: text, family: lit }];
    } else {
      const r = hostNet(rt).lookup(text, fam);
      if (isNetError(r)) return say(LOOKUP_ERRORS[r.code] ?? r.code);
      found = r;
    }
    const out: number[] = [];
    const sp = rt.sp;
    for (const a of found) {
      const v = lispAddress(rt, { address: a.address, port: 0 });
      rt.push(v);
      out.push(v);
    }
    const result = listFromArray(rt, out);
    rt.sp = sp;
    return result;
  });

const NETWORK_OPTIONS = [':reuseaddr', ':priority', ':oobinline', ':linger', ':keepalive', ':dontroute', ':broadcast', ':bindtodevice'];

DEFUN('set-network-process-option', 3, 4, 'Set socket OPTION of network PROCESS to VALUE; give t.\nAn option the system does not know signals an error, or with NO-ERROR gives nil.',
  (rt, p: number, option: number, value: number, noError: number) => {
    checkProcess(rt, p);
    void value;
    if (aref(rt, p, PROC_TYPE) !== Qnetwork) error(rt, 'Process is not a network process');
    const known = symbolp(option) && NETWORK_OPTIONS.includes(jsString(rt, call1(rt, intern(rt, 'symbol-name'), option)));
    if (!known) return noError !== Qnil ? Qnil : error(rt, 'Unknown or unsupported option');
    return Qt;
  });

DEFUN('make-serial-process', 0, MANY, 'Open the serial port :port at :speed bits per second as a process, as the keyword ARGS describe.\ntsmacs has no serial line support: a missing port is a `file-missing\' error, any other file one it cannot configure.',
  (rt, args: number[]) => {
    const port = plistGet(rt, args, QCport);
    if (port === Qnil) error(rt, 'No port specified');
    if (!stringp(port)) wrongTypeArgument(rt, Qstringp, port);
    if (plistGet(rt, args, QCspeed) === Qnil) error(rt, ':speed not specified');
    const file = jsString(rt, port);
    const st = rt.host.stat(file);
    if (st === null) xsignal(Qfile_missing, list(rt, makeString(rt, 'Opening serial port'), makeString(rt, 'No such file or directory'), port));
    if (rt.host.access && !rt.host.access(file, 'r')) xsignal(Qfile_error, list(rt, makeString(rt, 'Opening serial port'), makeString(rt, 'Permission denied'), port));
    return xsignal(Qfile_error, list(rt, makeString(rt, 'Failed tcgetattr'), makeString(rt, 'Inappropriate ioctl for device')));
  });

DEFUN('serial-process-configure', 0, MANY, 'Change the speed, byte size, parity, stop bits and flow control of a serial process, as the keyword ARGS describe.\nEvery process tsmacs makes is a child, pipe or network one, so this always signals an error.',
  (rt, args: number[]) => {
    const p = getProcessArg(rt, plistGet(rt, args, QCprocess));
    if (aref(rt, p, PROC_TYPE) !== Qserial) error(rt, 'Not a serial process');
    return Qnil;
  });

