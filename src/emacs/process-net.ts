// The network-interface queries of GNU process.c: network-interface-list and network-interface-info.
//
// The host reports the interfaces (Host.networkInterfaces: node:os) and, on Linux, their link
// facts (Host.interfaceDetails: /sys/class/net). Network processes themselves
// (make-network-process) are not here: see docs/processes.md.

import { cons, list, makeString, sbytes, sdata, stringp, vectorFromArray } from '../core/object.ts';
import { intern } from '../core/obarray.ts';
import type { Runtime } from '../core/runtime.ts';
import { error, wrongTypeArgument } from '../core/signal.ts';
import { DEFUN } from '../core/subr.ts';
import { DEFSYM, Qnil, Qstringp } from '../core/symbols.ts';
import { makeFixnum } from '../heap/tags.ts';
import type { HostNetworkInterface } from '../host/host.ts';

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
