// parseAsciiRun (syntax-scan.ts) as WebAssembly over the heap's own memory.
//
// A 1 MB parse-partial-sexp in a fresh process spent most of its CPU on V8 getting the JS loop
// fast: interpreted and baseline code first, then TurboFan compiling it twice on another thread
// (on-stack and as a function, 24 ms of the 90 ms buffer-parse.el's parse takes). The same loop as
// WebAssembly is compiled by V8's baseline wasm compiler in well under a millisecond at the first
// parse and runs at machine speed from the first byte. It needs the heap to be a
// WebAssembly.Memory (heap.ts makes it one under Node); otherwise, or where WebAssembly is
// missing, the JS loop runs, and the two give the same results (test/syntax-kernel.test.ts).
//
// The kernel reads its inputs and leaves its results in a block of words inside the collector's
// mark stack area (heap.ts gcStack), free whenever no collection runs, and a parse runs none:
//   words 0..127    the ASCII chars' syntax (class and flags, as Text.tab)
//   words 128..159  the state block (S_* below)
//   then two stacks of CAP words: the per-level sexp starts (ParseState.levelLast) and the open
//   parens' positions (ParseState.levelstarts). A parse deeper than CAP leaves the kernel at the
//   open paren as at a char that is not ASCII, and the general loop goes on from there.

import type { WasmApi } from '../heap/heap.ts';
import { defineWorldState, type Runtime } from '../core/runtime.ts';
import { Asm, I32, bytesFromBase64, name, section, sleb, uleb, vec } from '../heap/wasm-asm.ts';
import {
  Scharquote, Sclose, Scomment, Scomment_fence, Sendcomment, Sescape, Sinherit, Sopen, Squote, Sstring, Sstring_fence,
  Ssymbol, Sword, SYNTAX_FLAG_B, SYNTAX_FLAG_C, SYNTAX_FLAG_N, SYNTAX_FLAG_P,
} from './syntax.ts';

// The state block's words (byte offsets are 4 times these, from the block's start).
export const S_FROM = 0; // in: where to start; the kernel returns where it stopped
export const S_END = 1;
export const S_GPT = 2;
export const S_BEFORE = 3;
export const S_AFTER = 4;
export const S_FLAGS = 5; // 1 stopbefore, 2 comment enders are plain (no comment-end-can-be-escaped), 4 a target depth
export const S_TARGET = 6;
export const S_COMMENTSTOP = 7;
export const S_PREV = 8; // in: the pending syntax; out: runPrev
export const S_DEPTH = 9;
export const S_MINDEPTH = 10;
export const S_THISLEVEL = 11;
export const S_COMSTR = 12;
export const S_COMSTYLE = 13;
export const S_INCOMMENT = 14;
export const S_INSTRING = 15;
export const S_NL = 16; // levelLast's length
export const S_NS = 17; // levelstarts's length
export const S_EXIT = 18; // out: runExit
export const S_QUOTED = 19; // out: runQuoted
export const TAB_WORDS = 128;
export const STATE_WORDS = 32;
/** Each stack's capacity in words. */
export const CAP = 16384;
/** Words the kernel's area takes. */
export const AREA_WORDS = TAB_WORDS + STATE_WORDS + 2 * CAP;

// Exits, as syntax-scan.ts's RUN_*.
export const RUN_END = 0;
export const RUN_STOP = 1;
export const RUN_OTHER = 2;
export const RUN_ESCAPE_END = 3;
export const RUN_SYMBOL = 4;
export const RUN_STRING = 5;
export const RUN_COMMENT = 6;
/** comstyle of a comment fence (syntax-scan.ts ST_COMMENT_STYLE). */
export const ST_COMMENT_STYLE = 256 + 1;

const GET = 0x20, SET = 0x21, TEE = 0x22;
const ADD = 0x6a, SUB = 0x6b, AND = 0x71, OR = 0x72, SHL = 0x74, EQ = 0x46, NE = 0x47, LT_S = 0x48, GE_S = 0x4e, GT_S = 0x4a;
const LT_U = 0x49, GE_U = 0x4f, EQZ = 0x45, SELECT = 0x1b, RETURN = 0x0f;
const k = (n: number): number[] => [0x41, ...sleb(n | 0)];

// Locals: param 0 is the area's byte address; the rest are the kernel's.
const A = 0, FROM = 1, END = 2, GPT = 3, BEFORE = 4, AFTER = 5, PREV = 6, C = 7, SYN = 8, CODE = 9, PFROM = 10, KK = 11,
  D = 12, S2 = 13, TERM = 14, ENDER = 15, STYLE = 16, L = 17, S = 18, NL = 19, NS = 20, FLAGS = 21, STB = 22;
const NLOCALS = 22;

/** The module's bytes: one function `run(area) -> from` and an imported memory. */
export function syntaxModuleBytes(): number[] {
  const a = new Asm();
  const get = (i: number): number[] => [GET, i];
  const set = (i: number): number[] => [SET, i];
  // The state block's word W: its address is A + 4 * (TAB_WORDS + W).
  const sload = (w: number): number[] => [GET, A, 0x28, 2, ...uleb(4 * (TAB_WORDS + w))];
  const sstore = (w: number, value: number[]): number[] => [GET, A, ...value, 0x36, 2, ...uleb(4 * (TAB_WORDS + w))];
  const tabOf = (ch: number): number[] => [GET, A, GET, ch, ...k(2), SHL, ADD, 0x28, 2, 0];
  /** The byte at position POS (a local): below the gap at BEFORE + pos, above it at AFTER + pos. */
  const byteAt = (pos: number): number[] =>
    [GET, BEFORE, GET, pos, ADD, GET, AFTER, GET, pos, ADD, GET, pos, GET, GPT, LT_S, SELECT, 0x2d, 0, 0];
  const stackStore = (base: number, index: number[], value: number[]): number[] =>
    [GET, base, ...index, ...k(2), SHL, ADD, ...value, 0x36, 2, 0];
  const stackLoad = (base: number, index: number[]): number[] => [GET, base, ...index, ...k(2), SHL, ADD, 0x28, 2, 0];
  const topIndex = [GET, NL, ...k(1), SUB];
  /** Leave with EXIT, FROM as the result; the pending syntax and the stacks' lengths go back in the block. */
  const leave = (exit: number): void => {
    a.op(...sstore(S_EXIT, k(exit)), ...sstore(S_PREV, get(PREV)), ...sstore(S_NL, get(NL)), ...sstore(S_NS, get(NS)));
    a.op(GET, FROM, RETURN);
  };
  const leaveAt = (exit: number, pos: number): void => {
    a.op(GET, pos, SET, FROM);
    leave(exit);
  };
  const isClass = (local: number, classes: number[]): number[] => {
    const o: number[] = [];
    classes.forEach((c, i) => {
      o.push(GET, local, ...k(c), EQ);
      if (i > 0) o.push(OR);
    });
    return o;
  };
  const flag = (bit: number): number[] => [GET, FLAGS, ...k(bit), AND];
  /** commentStyle(s, 0) of the syntax in local L. */
  const styleOf = (l: number): number[] => [
    GET, l, ...k(SYNTAX_FLAG_B), AND, ...k(0), NE, GET, l, ...k(SYNTAX_FLAG_C), AND, ...k(0), NE, ...k(1), SHL, OR,
  ];
  const atTarget = [...flag(4), ...k(0), NE, ...sload(S_DEPTH), ...sload(S_TARGET), EQ, AND];

  // Prologue: the block's inputs into locals.
  a.op(...sload(S_FROM), ...set(FROM), ...sload(S_END), ...set(END), ...sload(S_GPT), ...set(GPT));
  a.op(...sload(S_BEFORE), ...set(BEFORE), ...sload(S_AFTER), ...set(AFTER), ...sload(S_PREV), ...set(PREV));
  a.op(...sload(S_FLAGS), ...set(FLAGS), ...sload(S_NL), ...set(NL), ...sload(S_NS), ...set(NS));
  a.op(GET, A, ...k(4 * (TAB_WORDS + STATE_WORDS)), ADD, ...set(L), GET, L, ...k(4 * CAP), ADD, ...set(S));
  a.block('done', () => a.loop('top', () => {
    a.op(GET, FROM, GET, END, GE_S).brIf('done');
    a.op(GET, FROM, ...set(PFROM), ...byteAt(FROM), TEE, C, ...k(0x80), GE_U).when(() => leave(RUN_OTHER));
    a.op(...tabOf(C), TEE, SYN, ...k(0xffff), AND, ...set(CODE), GET, FROM, ...k(1), ADD, ...set(FROM));
    a.op(GET, SYN, ...k(SYNTAX_FLAG_P), AND).when(() => a.op(GET, SYN, ...set(PREV)).br('top'));

    // A symbol or word, maybe begun by an escape.
    a.op(...isClass(CODE, [Sescape, Scharquote, Sword, Ssymbol])).when(() => {
      a.op(...flag(1)).when(() => leaveAt(RUN_STOP, PFROM));
      a.op(...stackStore(L, topIndex, get(PFROM)));
      a.op(...isClass(CODE, [Sescape, Scharquote])).when(() => {
        a.op(GET, FROM, GET, END, GE_S).when(() => {
          a.op(GET, SYN, ...set(PREV));
          leave(RUN_ESCAPE_END);
        });
        a.op(GET, FROM, ...k(1), ADD, ...set(FROM));
      });
      a.op(...k(Sword), ...set(KK));
      a.block('sbrk', () => a.loop('sym', () => {
        a.op(GET, FROM, GET, END, GE_S).brIf('sbrk');
        a.op(...byteAt(FROM), ...set(D));
        a.op(...tabOf(D), ...k(0xffff), AND, ...k(Sinherit), GET, D, ...k(0x80), LT_U, SELECT, ...set(KK));
        a.op(...isClass(KK, [Sword, Ssymbol, Squote])).when(() => a.op(GET, FROM, ...k(1), ADD, ...set(FROM)).br('sym'));
        a.op(...isClass(KK, [Sescape, Scharquote]), GET, FROM, ...k(1), ADD, GET, END, LT_S, AND).when(() => {
          a.op(GET, FROM, ...k(2), ADD, ...set(FROM), ...k(Sword), ...set(KK)).br('sym');
        });
      }));
      a.op(...isClass(KK, [Sinherit, Sescape, Scharquote])).when(() => leave(RUN_SYMBOL));
      a.op(...sstore(S_THISLEVEL, stackLoad(L, topIndex)), ...k(0), ...set(PREV)).br('top');
    });

    // A comment starter (one char: the scan is `simple').
    a.op(...isClass(CODE, [Scomment_fence, Scomment])).when(() => {
      a.op(...k(ST_COMMENT_STYLE), ...styleOf(SYN), GET, CODE, ...k(Scomment_fence), EQ, SELECT, ...set(STYLE));
      a.op(...sstore(S_COMSTR, get(PFROM)), ...sstore(S_COMSTYLE, get(STYLE)));
      a.op(...sstore(S_INCOMMENT, [...k(1), ...k(-1), GET, CODE, ...k(Scomment), EQ, GET, SYN, ...k(SYNTAX_FLAG_N), AND, ...k(0), NE, AND, SELECT]));
      a.op(...sload(S_COMMENTSTOP)).when(() => leave(RUN_STOP));
      a.op(...sload(S_INCOMMENT), ...k(0), LT_S, ...flag(2), ...k(0), NE, AND).when(() => {
        a.op(...k(Scomment_fence), ...k(Sendcomment), GET, STYLE, ...k(ST_COMMENT_STYLE), EQ, SELECT, ...set(ENDER));
        a.block('cbrk', () => a.loop('cl', () => {
          a.op(GET, FROM, GET, END, GE_S).brIf('cbrk');
          a.op(...byteAt(FROM), TEE, D, ...k(0x80), GE_U).brIf('cbrk');
          a.op(...tabOf(D), ...set(S2), GET, FROM, ...k(1), ADD, ...set(FROM));
          a.op(GET, S2, ...k(0xffff), AND, GET, ENDER, EQ);
          a.op(GET, STYLE, ...k(ST_COMMENT_STYLE), EQ, ...styleOf(S2), GET, STYLE, EQ, GET, S2, ...k(SYNTAX_FLAG_N), AND, EQZ, AND, OR, AND);
          a.when(() => {
            a.op(...sstore(S_INCOMMENT, k(0)), ...sstore(S_COMSTYLE, k(0)), ...sstore(S_COMSTR, k(-1)), ...k(0), ...set(PREV)).br('top');
          });
          a.br('cl');
        }));
      });
      leave(RUN_COMMENT);
    });

    a.op(GET, CODE, ...k(Sopen), EQ).when(() => {
      a.op(...flag(1)).when(() => leaveAt(RUN_STOP, PFROM));
      // No room on a stack: the general loop takes the rest from this paren.
      a.op(GET, NL, ...k(CAP), GE_S, GET, NS, ...k(CAP), GE_S, OR).when(() => leaveAt(RUN_OTHER, PFROM));
      a.op(...sstore(S_DEPTH, [...sload(S_DEPTH), ...k(1), ADD]));
      a.op(...stackStore(L, topIndex, get(PFROM)), ...stackStore(S, get(NS), get(PFROM)), GET, NS, ...k(1), ADD, ...set(NS));
      a.op(...stackStore(L, get(NL), k(-1)), GET, NL, ...k(1), ADD, ...set(NL), ...sstore(S_THISLEVEL, k(-1)));
      a.op(...atTarget).when(() => leave(RUN_STOP));
      a.op(GET, SYN, ...set(PREV)).br('top');
    });

    a.op(GET, CODE, ...k(Sclose), EQ).when(() => {
      a.op(...sstore(S_DEPTH, [...sload(S_DEPTH), ...k(1), SUB]));
      a.op(...sstore(S_MINDEPTH, [...sload(S_MINDEPTH), ...sload(S_DEPTH), ...sload(S_MINDEPTH), ...sload(S_DEPTH), LT_S, SELECT]));
      a.op(GET, NL, ...k(1), GT_S).when(() => a.op(GET, NL, ...k(1), SUB, ...set(NL)));
      a.op(GET, NS, ...k(0), GT_S).when(() => a.op(GET, NS, ...k(1), SUB, ...set(NS)));
      a.op(...sstore(S_THISLEVEL, stackLoad(L, topIndex)));
      a.op(...atTarget).when(() => leave(RUN_STOP));
      a.op(GET, SYN, ...set(PREV)).br('top');
    });

    a.op(...isClass(CODE, [Sstring, Sstring_fence])).when(() => {
      a.op(...flag(1)).when(() => leaveAt(RUN_STOP, PFROM));
      a.op(...stackStore(L, topIndex, get(PFROM)), ...sstore(S_COMSTR, get(PFROM)));
      a.op(GET, C, ...k(-2), GET, CODE, ...k(Sstring), EQ, SELECT, ...set(TERM), ...sstore(S_INSTRING, get(TERM)));
      a.op(...sload(S_COMMENTSTOP), ...k(2), EQ).when(() => leave(RUN_STOP));
      a.op(...k(Sstring_fence), ...k(Sstring), GET, TERM, ...k(-2), EQ, SELECT, ...set(ENDER));
      a.op(...k(-1), ...set(STB));
      a.block('sb', () => a.loop('sl', () => {
        a.op(GET, FROM, GET, END, GE_S).brIf('sb');
        a.op(...byteAt(FROM), TEE, D, ...k(0x80), GE_U).brIf('sb');
        a.op(...tabOf(D), TEE, S2, ...k(0xffff), AND, ...set(KK), GET, FROM, ...k(1), ADD, ...set(FROM));
        a.op(GET, KK, GET, ENDER, EQ, GET, D, GET, TERM, EQ, GET, TERM, ...k(-2), EQ, OR, AND).when(() => {
          a.op(GET, S2, ...set(STB)).br('sb');
        });
        a.op(...isClass(KK, [Sescape, Scharquote])).when(() => {
          a.op(GET, FROM, GET, END, GE_S).when(() => a.op(...sstore(S_QUOTED, k(1))).br('sb'));
          a.op(GET, FROM, ...k(1), ADD, ...set(FROM));
        });
        a.br('sl');
      }));
      a.op(GET, STB, ...k(-1), EQ).when(() => leave(RUN_STRING));
      a.op(...sstore(S_INSTRING, k(-1)), ...sstore(S_COMSTR, k(-1)), ...sstore(S_THISLEVEL, stackLoad(L, topIndex)));
      a.op(GET, STB, ...set(PREV)).br('top');
    });

    a.op(GET, SYN, ...set(PREV)).br('top');
  }));
  leave(RUN_END);
  a.op(0x0b);

  const body = [...uleb(1), ...uleb(NLOCALS), I32, ...a.out];
  return [
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec([[0x60, 1, I32, 1, I32]])),
    // The heap's memory, shared under Node: imported with the limits it was made with.
    ...section(2, vec([[...name('e'), ...name('m'), 0x02, 0x03, ...uleb(0), ...uleb(65536)]])),
    ...section(3, vec([uleb(0)])),
    ...section(7, vec([[...name('run'), 0x00, 0]])),
    ...section(10, vec([[...uleb(body.length), ...body]])),
  ];
}

export interface SyntaxKernel {
  /** parseAsciiRun over the area at byte address AREA (see the top of this file). */
  run(area: number): number;
}

/**
 * syntaxModuleBytes() in base64: assembling the module is some 20 ms of cold JS (spread arrays,
 * closures), which a program's first parse paid; decoding this costs nothing.
 * test/syntax-kernel.test.ts checks that the two agree.
 */
export const SYNTAX_MODULE_BASE64 =
  'AGFzbQEAAAABBgFgAX8BfwILAQFlAW0CAwCAgAQDAgEABwcBA3J1bgAACowOAYkOARZ/IAAoAoAEIQEgACgChAQhAiAAKAKIBCEDIAAoAowEIQQgACgCkAQhBSAAKAKgBCEGIAAoApQEIRUgACgCwAQhEyAAKALEBCEUIABBgAVqIREgEUGAgARqIRICQANAIAEgAk4NASABIQogBCABaiAFIAFqIAEgA0gbLQAAIgdBgAFPBEAgAEECNgLIBCAAIAY2AqAEIAAgEzYCwAQgACAUNgLEBCABDwsgACAHQQJ0aigCACIIQf//A3EhCSABQQFqIQEgCEGAgMAAcQRAIAghBgwBCyAJQQlGIAlBCkZyIAlBAkZyIAlBA0ZyBEAgFUEBcQRAIAohASAAQQE2AsgEIAAgBjYCoAQgACATNgLABCAAIBQ2AsQEIAEPCyARIBNBAWtBAnRqIAo2AgAgCUEJRiAJQQpGcgRAIAEgAk4EQCAIIQYgAEEDNgLIBCAAIAY2AqAEIAAgEzYCwAQgACAUNgLEBCABDwsgAUEBaiEBC0ECIQsCQANAIAEgAk4NASAEIAFqIAUgAWogASADSBstAAAhDCAAIAxBAnRqKAIAQf//A3FBDSAMQYABSRshCyALQQJGIAtBA0ZyIAtBBkZyBEAgAUEBaiEBDAELIAtBCUYgC0EKRnIgAUEBaiACSHEEQCABQQJqIQFBAiELDAELCwsgC0ENRiALQQlGciALQQpGcgRAIABBBDYCyAQgACAGNgKgBCAAIBM2AsAEIAAgFDYCxAQgAQ8LIAAgESATQQFrQQJ0aigCADYCrARBACEGDAELIAlBDkYgCUELRnIEQEGBAiAIQYCAgAFxQQBHIAhBgICABHFBAEdBAXRyIAlBDkYbIRAgACAKNgKwBCAAIBA2ArQEIABBAUF/IAlBC0YgCEGAgIACcUEAR3EbNgK4BCAAKAKcBARAIABBATYCyAQgACAGNgKgBCAAIBM2AsAEIAAgFDYCxAQgAQ8LIAAoArgEQQBIIBVBAnFBAEdxBEBBDkEMIBBBgQJGGyEPAkADQCABIAJODQEgBCABaiAFIAFqIAEgA0gbLQAAIgxBgAFPDQEgACAMQQJ0aigCACENIAFBAWohASANQf//A3EgD0YgEEGBAkYgDUGAgIABcUEARyANQYCAgARxQQBHQQF0ciAQRiANQYCAgAJxRXFycQRAIABBADYCuAQgAEEANgK0BCAAQX82ArAEQQAhBgwFCwwACwsLIABBBjYCyAQgACAGNgKgBCAAIBM2AsAEIAAgFDYCxAQgAQ8LIAlBBEYEQCAVQQFxBEAgCiEBIABBATYCyAQgACAGNgKgBCAAIBM2AsAEIAAgFDYCxAQgAQ8LIBNBgIABTiAUQYCAAU5yBEAgCiEBIABBAjYCyAQgACAGNgKgBCAAIBM2AsAEIAAgFDYCxAQgAQ8LIAAgACgCpARBAWo2AqQEIBEgE0EBa0ECdGogCjYCACASIBRBAnRqIAo2AgAgFEEBaiEUIBEgE0ECdGpBfzYCACATQQFqIRMgAEF/NgKsBCAVQQRxQQBHIAAoAqQEIAAoApgERnEEQCAAQQE2AsgEIAAgBjYCoAQgACATNgLABCAAIBQ2AsQEIAEPCyAIIQYMAQsgCUEFRgRAIAAgACgCpARBAWs2AqQEIAAgACgCqAQgACgCpAQgACgCqAQgACgCpARIGzYCqAQgE0EBSgRAIBNBAWshEwsgFEEASgRAIBRBAWshFAsgACARIBNBAWtBAnRqKAIANgKsBCAVQQRxQQBHIAAoAqQEIAAoApgERnEEQCAAQQE2AsgEIAAgBjYCoAQgACATNgLABCAAIBQ2AsQEIAEPCyAIIQYMAQsgCUEHRiAJQQ9GcgRAIBVBAXEEQCAKIQEgAEEBNgLIBCAAIAY2AqAEIAAgEzYCwAQgACAUNgLEBCABDwsgESATQQFrQQJ0aiAKNgIAIAAgCjYCsAQgB0F+IAlBB0YbIQ4gACAONgK8BCAAKAKcBEECRgRAIABBATYCyAQgACAGNgKgBCAAIBM2AsAEIAAgFDYCxAQgAQ8LQQ9BByAOQX5GGyEPQX8hFgJAA0AgASACTg0BIAQgAWogBSABaiABIANIGy0AACIMQYABTw0BIAAgDEECdGooAgAiDUH//wNxIQsgAUEBaiEBIAsgD0YgDCAORiAOQX5GcnEEQCANIRYMAgsgC0EJRiALQQpGcgRAIAEgAk4EQCAAQQE2AswEDAMLIAFBAWohAQsMAAsLIBZBf0YEQCAAQQU2AsgEIAAgBjYCoAQgACATNgLABCAAIBQ2AsQEIAEPCyAAQX82ArwEIABBfzYCsAQgACARIBNBAWtBAnRqKAIANgKsBCAWIQYMAQsgCCEGDAALCyAAQQA2AsgEIAAgBjYCoAQgACATNgLABCAAIBQ2AsQEIAEPCw==';

/** The module's bytes from SYNTAX_MODULE_BASE64. */
export function storedSyntaxModuleBytes(): Uint8Array {
  return bytesFromBase64(SYNTAX_MODULE_BASE64);
}

let compiled: object | null | undefined;

/** The kernel over MEMORY (the heap's shared WebAssembly.Memory), or null where they cannot run. */
export function makeSyntaxKernel(memory: object | null): SyntaxKernel | null {
  if (memory === null) return null;
  const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (wasm === undefined) return null;
  try {
    compiled ??= new wasm.Module(storedSyntaxModuleBytes());
    const x = new wasm.Instance(compiled, { e: { m: memory } }).exports as Record<string, unknown>;
    return { run: x.run as SyntaxKernel['run'] };
  } catch {
    compiled = null;
    return null;
  }
}

/**
 * A WebAssembly kernel per world, made from its heap memory at the first call (MAKE), or null where
 * the heap is no WebAssembly.Memory or its mark stack area has fewer than MIN_WORDS words. `use`
 * switches every world's kernel off or on (tests compare kernels with the JS loops) and returns the
 * previous setting. The syntax scanner's and the regexp matcher's kernels both come from here.
 */
export function defineKernelSlot<K>(minWords: number, make: (memory: object | null) => K | null): {
  of: (rt: Runtime) => K | null;
  use: (on: boolean) => boolean;
} {
  const state = defineWorldState<{ k: K | null | undefined }>(() => ({ k: undefined }));
  let allowed = true;
  return {
    of(rt) {
      if (!allowed) return null;
      const ks = state(rt);
      if (ks.k === undefined) ks.k = rt.heap.gcStackWords >= minWords ? make(rt.heap.memory) : null;
      return ks.k;
    },
    use(on) {
      const was = allowed;
      allowed = on;
      return was;
    },
  };
}

const syntaxKernel = defineKernelSlot(AREA_WORDS, makeSyntaxKernel);

/** Let kernelOf give the kernels (ON) or null; returns the previous setting. */
export const useSyntaxKernel = syntaxKernel.use;

/** RT's kernels, made at the first call; null where there are none, or while useSyntaxKernel(false) holds. */
export const kernelOf = syntaxKernel.of;
