// The Node host's ciphers and network interfaces: node:crypto and node:os, loaded at first use.
//
// Loaded through process.getBuiltinModule so that a start-up that never encrypts pays nothing;
// a runtime without it (an old Node) gets neither capability.

import type * as Crypto from 'node:crypto';
import type * as Os from 'node:os';
import type * as Fs from 'node:fs';
import type { HostCipherJob, HostCiphers, HostInterfaceDetails, HostNetworkInterface } from './host.ts';

type Loader = (id: string) => unknown;

const loader = (): Loader | undefined => (process as unknown as { getBuiltinModule?: Loader }).getBuiltinModule;

/** node:crypto's ciphers, or undefined where the module cannot be had. */
export function nodeCiphers(): HostCiphers | undefined {
  const get = loader();
  if (get === undefined) return undefined;
  let crypto: typeof Crypto | null = null;
  let known: Set<string> | null = null;
  const lib = (): typeof Crypto => (crypto ??= get('node:crypto') as typeof Crypto);
  return {
    has(name) {
      known ??= new Set(lib().getCiphers());
      return known.has(name);
    },
    run(job: HostCipherJob) {
      const c = lib();
      const aead = job.tagLength !== undefined;
      const options = aead ? { authTagLength: job.tagLength! } : undefined;
      const iv = job.iv === null ? null : Buffer.from(job.iv);
      if (job.decrypt) {
        const d = c.createDecipheriv(job.name, Buffer.from(job.key), iv, options as Crypto.CipherCCMOptions) as Crypto.DecipherCCM;
        if (!aead) d.setAutoPadding(false);
        if (aead) {
          d.setAuthTag(Buffer.from(job.tag!));
          d.setAAD(Buffer.from(job.aad ?? new Uint8Array(0)), { plaintextLength: job.data.length });
        }
        const head = d.update(Buffer.from(job.data));
        try {
          return new Uint8Array(Buffer.concat([head, d.final()]));
        } catch {
          // Only a tag that does not verify makes final() throw here: the lengths were checked before.
          return null;
        }
      }
      const e = c.createCipheriv(job.name, Buffer.from(job.key), iv, options as Crypto.CipherCCMOptions) as Crypto.CipherCCM;
      if (!aead) e.setAutoPadding(false);
      if (aead) e.setAAD(Buffer.from(job.aad ?? new Uint8Array(0)), { plaintextLength: job.data.length });
      const parts = [e.update(Buffer.from(job.data)), e.final()];
      if (aead) parts.push(e.getAuthTag());
      return new Uint8Array(Buffer.concat(parts));
    },
  };
}

/** node:os's interface list, flattened to one entry per address. */
export function nodeNetworkInterfaces(): (() => HostNetworkInterface[]) | undefined {
  const get = loader();
  if (get === undefined) return undefined;
  return () => {
    const os = get('node:os') as typeof Os;
    const out: HostNetworkInterface[] = [];
    for (const [name, addrs] of Object.entries(os.networkInterfaces())) {
      for (const a of addrs ?? []) {
        const entry: HostNetworkInterface = { name, family: a.family, address: a.address, netmask: a.netmask, mac: a.mac, internal: a.internal };
        if (a.family === 'IPv6') entry.scopeid = a.scopeid;
        out.push(entry);
      }
    }
    return out;
  };
}

/** IFF_RUNNING, which /sys's flags file leaves out: the kernel derives it from the carrier. */
const IFF_RUNNING = 0x40;

/** Linux's /sys/class/net view of an interface, or undefined off Linux. */
export function nodeInterfaceDetails(): ((name: string) => HostInterfaceDetails | null) | undefined {
  const get = loader();
  if (get === undefined || process.platform !== 'linux') return undefined;
  return (name) => {
    const fs = get('node:fs') as typeof Fs;
    const dir = `/sys/class/net/${name}`;
    const read = (file: string): string | null => {
      try {
        return fs.readFileSync(`${dir}/${file}`, 'latin1').trim();
      } catch {
        return null;
      }
    };
    if (name === '' || name.includes('/') || name === '.' || name === '..') return null;
    const flagsText = read('flags');
    if (flagsText === null) return null;
    let flags = Number.parseInt(flagsText, 16);
    if (read('operstate') !== 'down' && read('carrier') === '1') flags |= IFF_RUNNING;
    const address = (read('address') ?? '').split(':').filter((x) => x !== '').map((x) => Number.parseInt(x, 16));
    return { hardwareType: Number.parseInt(read('type') ?? '0', 10), hardwareAddress: address, flags };
  };
}
