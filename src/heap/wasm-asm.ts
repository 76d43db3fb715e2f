// The byte-level pieces of a WebAssembly module, shared by the module assemblers (the dump loader's
// kernels in dump/kernels.ts, the collector's in core/gc-kernel.ts): LEB128 numbers, sections,
// names and vectors. Each assembler keeps its own instruction helpers.

/** The value type i32. */
export const I32 = 0x7f;

/** N (non-negative) as unsigned LEB128. */
export const uleb = (n: number): number[] => {
  const o: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    o.push(b);
  } while (n !== 0);
  return o;
};

/** N (a 32-bit integer) as signed LEB128. */
export const sleb = (n: number): number[] => {
  const o: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
      o.push(b);
      return o;
    }
    o.push(b | 0x80);
  }
};

/** A section: its id, its body's length, its body. */
export const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
/** An ASCII name, length first. */
export const name = (s: string): number[] => [s.length, ...Array.from(s, (c) => c.charCodeAt(0))];
/** A vector of ITEMS, count first. */
export const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];

/** A module's bytes from the base64 text a kernel file stores them as (decoding costs nothing at start-up, assembling does). */
export function bytesFromBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** A structured assembler for a function body: labels by name, so that branch depths are computed. */
export class Asm {
  readonly out: number[] = [];
  private labels: string[] = [];
  op(...b: number[]): this {
    this.out.push(...b);
    return this;
  }
  private nest(code: number, label: string, body: () => void): this {
    this.out.push(code, 0x40);
    this.labels.push(label);
    body();
    this.labels.pop();
    this.out.push(0x0b);
    return this;
  }
  block(label: string, body: () => void): this {
    return this.nest(0x02, label, body);
  }
  loop(label: string, body: () => void): this {
    return this.nest(0x03, label, body);
  }
  /** if (the i32 on the stack) BODY */
  when(body: () => void): this {
    return this.nest(0x04, '', body);
  }
  private depth(label: string): number {
    const i = this.labels.lastIndexOf(label);
    if (i < 0) throw new Error(`no label ${label}`);
    return this.labels.length - 1 - i;
  }
  br(label: string): this {
    return this.op(0x0c, this.depth(label));
  }
  brIf(label: string): this {
    return this.op(0x0d, this.depth(label));
  }
  /** br_table: to LABELS[i] for the i32 i on the stack, to DEFAULT for any other. */
  brTable(labels: string[], fallback: string): this {
    return this.op(0x0e, ...uleb(labels.length), ...labels.flatMap((l) => uleb(this.depth(l))), ...uleb(this.depth(fallback)));
  }
}
