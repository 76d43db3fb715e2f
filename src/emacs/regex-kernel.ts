// The regexp matcher's search loop and backtracking engine (regex-emacs.ts Matcher.search and run) as
// WebAssembly, over an all-ASCII buffer's bytes where they lie in the heap's memory.
//
// In a fresh process most of a search's CPU went to V8 getting the JS matcher fast: the first
// thousands of searches ran interpreted and baseline code (15-20 us each for a one-line match),
// and TurboFan compiled Matcher.search, run, findLiteral and the rest on another thread. This
// kernel is compiled by V8's baseline wasm compiler once, in well under a millisecond, and runs at
// machine speed from the first search. It reads the gap buffer's bytes directly (in an all-ASCII
// buffer a position is a byte offset), so the text is not decoded into characters first.
//
// It takes the patterns whose every operation it knows (chars, folded chars, `.', bracket
// expressions whose members do not depend on the tables in force, groups, alternatives, loops,
// back references, ^ $ \` \' \=), in buffers whose text is all ASCII, outside POSIX matching and
// where no `syntax-table' property can count; regex-emacs.ts kernelImage decides and lays out the
// program. Everything else, and any search that runs out of the kernel's stack or of the step
// budget, goes to the JS matcher, which gives the same answers (test/regex-kernel.test.ts).
//
// The kernel reads its inputs and leaves its results in a block of words in the collector's mark
// stack area (heap.ts gcStack: free whenever no collection runs, and a search runs none), after
// the syntax kernel's (so that a parse leaves a pattern's image there; a collection does not):
//   words 0..31       the state block (K_* below)
//   words 32..127     the registers (at most REGS_CAP)
//   words 128..255    the loop registers (at most LOOPS_CAP)
//   words 256..383    FOLD: canon(c) for c < 128 (folding patterns)
//   words 384..511    START: 1 where char c < 128 may begin a match (when K_FLAGS has F_FIRST)
//   words 512..       the image's program (PROG_CAP words), then its sets (128 words each)
//   STACK..           the backtrack stack, 4 words an entry, to the end of the area

import type { WasmApi } from '../heap/heap.ts';
import { Asm, I32, bytesFromBase64, name, section, sleb, uleb, vec } from '../heap/wasm-asm.ts';
import { AREA_WORDS as SYNTAX_AREA_WORDS, defineKernelSlot } from './syntax-kernel.ts';

// The state block's words.
export const K_FROM = 0;
export const K_LIMIT = 1;
/** Where a match must end by (the matcher's readEnd). */
export const K_END = 2;
export const K_BEGV = 3;
export const K_ZV = 4;
export const K_POINT = 5;
/** The gap's position and the text's two byte addresses (below and above the gap). */
export const K_GPT = 6;
export const K_BEFORE = 7;
export const K_AFTER = 8;
export const K_NREGS = 9;
export const K_FLAGS = 10;
/** The backtrack stack's capacity in words. */
export const K_CAP = 11;
/** Steps taken by the search so far (as the matcher's `steps'). */
export const K_STEPS = 12;
export const K_MAXSTEPS = 13;
export const K_SETS = 14; // word offset of the sets (from the area's start)
/** With F_TWO: the (one or two) chars below 128 that may begin a match. */
export const K_C1 = 15;
export const K_C2 = 16;

export const F_BOL = 1;
export const F_ANCHORED = 2;
export const F_FIRST = 4;
export const F_FOLD = 8;
/** The start table has one or two members, K_C1 and K_C2: the scan for them takes 8 bytes a step. */
export const F_TWO = 16;

export const REGS = 32;
export const REGS_CAP = 96;
export const LOOPS = 128;
export const LOOPS_CAP = 128;
export const FOLD = 256;
export const START = 384;
export const PROG = 512;
export const PROG_CAP = 4096;
export const SETS_CAP = 32;
export const STACK = PROG + PROG_CAP + 128 * SETS_CAP;
/** Where the kernel's area starts in the collector's, in words: after the syntax kernel's. */
export const AREA_OFFSET = SYNTAX_AREA_WORDS;
/** Words of the collector's area the kernels take at least (the stack has what is left of it). */
export const AREA_MIN_WORDS = AREA_OFFSET + STACK + 4096;

/** What the search gives besides a match start or -1: the kernel gave up, the JS matcher must do it. */
export const GAVE_UP = -2;

// The matcher's opcodes, backtrack entry types and assertion kinds (regex-emacs.ts), as far as the kernel knows them.
export const OP_CHAR = 0, OP_CHARF = 1, OP_ANY = 2, OP_SET = 3, OP_SPLIT = 8, OP_JMP = 9, OP_SAVE = 10, OP_BACKREF = 11,
  OP_ASSERT = 12, OP_LOOP_INIT = 13, OP_LOOP = 14, OP_REPEAT = 15, OP_MATCH = 16;
export const A_BOL = 0, A_EOL = 1, A_BUFBEG = 2, A_BUFEND = 3, A_POINT = 10;
const B_ALT = 0, B_REG = 1, B_LOOPREG = 2, B_GREEDY = 3;
/** In the image's copy of a REPEAT, its greedy word: 1 greedy, 3 greedy and no backtrack entry needed (cannotContinue). */
export const REPEAT_NO_BACKTRACK = 2;

const GET = 0x20, SET = 0x21, TEE = 0x22;
const ADD = 0x6a, SUB = 0x6b, AND = 0x71, OR = 0x72, SHL = 0x74, SHR_U = 0x76, EQ = 0x46, NE = 0x47, LT_S = 0x48, GT_S = 0x4a;
const LE_S = 0x4c, GE_S = 0x4e, EQZ = 0x45, SELECT = 0x1b, RETURN = 0x0f, CALL = 0x10;
const k = (n: number): number[] => [0x41, ...sleb(n | 0)];
const load = (off: number): number[] => [0x28, 2, ...uleb(off)];
const store = (off: number): number[] => [0x36, 2, ...uleb(off)];
const I64 = 0x7e;
/** i64.const N, signed LEB128 of a 64-bit N. */
const k64 = (n: bigint): number[] => {
  const o: number[] = [0x42];
  for (;;) {
    const b = Number(n & 0x7fn);
    n >>= 7n;
    if ((n === 0n && (b & 0x40) === 0) || (n === -1n && (b & 0x40) !== 0)) return [...o, b];
    o.push(b | 0x80);
  }
};
const LOW_BITS = 0x0101010101010101n;
const HIGH_BITS = -0x7f7f7f7f7f7f7f80n; // 0x8080808080808080 as a signed 64-bit value
const I64_LOAD = 0x29, I64_XOR = 0x85, I64_SUB = 0x7d, I64_AND = 0x83, I64_OR = 0x84, I64_MUL = 0x7e, I64_EQZ = 0x50, I64_EXTEND_U = 0xad;
/** Whether some byte of the i64 in local X equals the byte the i64 local M repeats: (y - 0x01..) & ~y & 0x80.. with y = x ^ m. */
const hasByte = (x: number, m: number): number[] => [
  GET, x, GET, m, I64_XOR, ...k64(LOW_BITS), I64_SUB, GET, x, GET, m, I64_XOR, ...k64(-1n), I64_XOR, I64_AND, ...k64(HIGH_BITS), I64_AND,
];

// The search function's locals (param 0 is the area's byte address).
const A = 0;
// Shared local numbering for both functions' own locals (each declares as many as it uses).
const FROM = 1, LIMIT = 2, END = 3, BEGV = 4, GPT = 5, BEFORE = 6, AFTER = 7, FLAGS = 8, POS = 9, Q = 10, R = 11, LOWEST = 12, SEG = 13;
const SEARCH_LOCALS = 13;
// Its i64 locals: 8 bytes of text, and K_C1 and K_C2 in each byte.
const V = 14, M1 = 15, M2 = 16;
const SEARCH_I64_LOCALS = 3;
// run(area, start)'s locals.
const START_ = 1, PC = 2, P = 3, SP = 4, ZV = 5, RGPT = 6, RBEFORE = 7, RAFTER = 8, OPW = 9, X = 10, Y = 11, N = 12, LIM = 13,
  STEPS = 14, PB = 15, SB = 16, CAPW = 17, KIND = 18, ARG = 19, C = 20, RBEGV = 21, RZV = 22, RFLAGS = 23, SETB = 24, P0 = 25, SX = 26;
const RUN_LOCALS = 25;

/** The byte at the position in local POS: below the gap at BEFORE + pos, above it at AFTER + pos. */
const byteAt = (pos: number, gpt: number, before: number, after: number): number[] =>
  [GET, before, GET, pos, ADD, GET, after, GET, pos, ADD, GET, pos, GET, gpt, LT_S, SELECT, 0x2d, 0, 0];

/** The module's bytes: `search(area) -> start, -1 or GAVE_UP' and its `run(area, start) -> end', over an imported memory. */
export function regexModuleBytes(): number[] {
  const sload = (w: number): number[] => [GET, A, ...load(4 * w)];
  const sstore = (w: number, value: number[]): number[] => [GET, A, ...value, ...store(4 * w)];

  // ---- run(area, start): the end of a match at START, -1, or GAVE_UP ----
  const r = new Asm();
  const rb = (pos: number): number[] => byteAt(pos, RGPT, RBEFORE, RAFTER);
  /** prog[pc + I] */
  const pw = (i: number): number[] => [GET, PB, GET, PC, ...k(2), SHL, ADD, ...load(4 * i)];
  const regAddr = (slot: number[]): number[] => [GET, A, ...slot, ...k(2), SHL, ADD];
  /** Leaves on the stack whether char C (a local) matches one-char op KIND with ARG (locals); the sets' tables are at SETB. */
  const singleOf = (kind: number, arg: number, c: number): void => {
    r.block('s', () => {
      r.block('set', () => {
        r.block('any', () => {
          r.block('charf', () => {
            r.block('char', () => {
              r.op(GET, kind).brTable(['char', 'charf', 'any', 'set'], 'set');
            });
            r.op(GET, c, GET, arg, EQ, SET, SX).br('s');
          });
          r.op(GET, c, GET, arg, EQ, GET, A, GET, c, ...k(2), SHL, ADD, ...load(4 * FOLD), GET, arg, EQ, OR, SET, SX).br('s');
        });
        r.op(GET, c, ...k(10), NE, SET, SX).br('s');
      });
      r.op(GET, SETB, GET, arg, ...k(7), SHL, GET, c, ADD, ...k(2), SHL, ADD, ...load(0), SET, SX);
    });
    r.op(GET, SX);
  };
  const push4 = (t: number, a1: number[], a2: number[], a3: number[] | null): void => {
    // Room for the entry, else the JS matcher takes the search.
    r.op(GET, SP, ...k(4), ADD, GET, CAPW, GT_S).when(() => r.op(...k(GAVE_UP), RETURN));
    const at = [GET, SB, GET, SP, ...k(2), SHL, ADD];
    r.op(...at, ...k(t), ...store(0), ...at, ...a1, ...store(4), ...at, ...a2, ...store(8));
    if (a3 !== null) r.op(...at, ...a3, ...store(12));
    r.op(GET, SP, ...k(4), ADD, SET, SP);
  };
  const stepOrGiveUp = (): void => {
    r.op(GET, STEPS, ...k(1), ADD, TEE, STEPS, ...sload(K_MAXSTEPS), GT_S).when(() => r.op(...k(GAVE_UP), RETURN));
  };
  const sw = (i: number): number[] => [GET, SB, GET, SP, ...k(2), SHL, ADD, ...load(4 * i)];

  r.op(...sload(K_END), SET, ZV, ...sload(K_GPT), SET, RGPT, ...sload(K_BEFORE), SET, RBEFORE, ...sload(K_AFTER), SET, RAFTER);
  r.op(...sload(K_STEPS), SET, STEPS, ...sload(K_CAP), SET, CAPW, ...sload(K_BEGV), SET, RBEGV, ...sload(K_ZV), SET, RZV);
  r.op(...sload(K_FLAGS), SET, RFLAGS);
  r.op(GET, A, ...k(4 * PROG), ADD, SET, PB, GET, A, ...k(4 * STACK), ADD, SET, SB);
  r.op(GET, A, ...sload(K_SETS), ...k(2), SHL, ADD, SET, SETB);
  // The registers unset.
  r.op(...k(0), SET, N);
  r.block('rf', () => r.loop('rl', () => {
    r.op(GET, N, ...sload(K_NREGS), GE_S).brIf('rf');
    r.op(...regAddr([GET, N]), ...k(-1), ...store(4 * REGS), GET, N, ...k(1), ADD, SET, N).br('rl');
  }));
  r.op(...k(0), SET, SP, ...k(0), SET, PC, GET, START_, SET, P);
  r.loop('next', () => {
    r.block('fail', () => {
      const cases = ['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9', 'c10', 'c11', 'c12', 'c13', 'c14', 'c15', 'c16'];
      // Nested blocks, case I's code after the end of block cI: block c16 { block c15 { ... block c0 { dispatch } case 0 } case 1 ... } case 16.
      const open = (i: number): void => {
        if (i < 0) {
          r.op(...pw(0), TEE, OPW).brTable(cases, 'fail');
          return;
        }
        r.block(cases[i]!, () => open(i - 1));
        caseCode(i);
      };
      // The one-character instructions: fail at the end of the text or when MISMATCH (code that
      // leaves a flag) holds for the byte at P, else step over it and over the instruction.
      const oneChar = (...mismatch: number[]): void => {
        r.op(GET, P, GET, ZV, GE_S).brIf('fail');
        r.op(...mismatch).brIf('fail');
        r.op(GET, P, ...k(1), ADD, SET, P, GET, PC, ...k(2), ADD, SET, PC).br('next');
      };
      const caseCode = (op: number): void => {
        switch (op) {
          case OP_CHAR:
            oneChar(...rb(P), ...pw(1), NE);
            return;
          case OP_CHARF:
            oneChar(...rb(P), TEE, C, ...pw(1), NE, GET, A, GET, C, ...k(2), SHL, ADD, ...load(4 * FOLD), ...pw(1), NE, AND);
            return;
          case OP_ANY:
            oneChar(...rb(P), ...k(10), EQ);
            return;
          case OP_SET:
            oneChar(GET, SETB, ...pw(1), ...k(7), SHL, ...rb(P), ADD, ...k(2), SHL, ADD, ...load(0), EQZ);
            return;
          case OP_SPLIT:
            push4(B_ALT, pw(2), [GET, P], null);
            r.op(...pw(1), SET, PC).br('next');
            return;
          case OP_JMP:
            r.op(...pw(1), SET, PC).br('next');
            return;
          case OP_SAVE:
            r.op(...pw(1), SET, N);
            push4(B_REG, [GET, N], [...regAddr([GET, N]), ...load(4 * REGS)], null);
            r.op(...regAddr([GET, N]), GET, P, ...store(4 * REGS), GET, PC, ...k(2), ADD, SET, PC).br('next');
            return;
          case OP_BACKREF:
            // X, Y: the group's start and end; N its length.
            r.op(...pw(1), ...k(1), SHL, SET, N);
            r.op(...regAddr([GET, N]), ...load(4 * REGS), SET, X, ...regAddr([GET, N]), ...load(4 * REGS + 4), SET, Y);
            r.op(GET, X, ...k(0), LT_S, GET, Y, ...k(0), LT_S, OR).brIf('fail');
            r.op(GET, Y, GET, X, SUB, SET, N);
            r.op(GET, P, GET, N, ADD, GET, ZV, GT_S).brIf('fail');
            // Compare, with LIM counting up.
            r.op(...k(0), SET, LIM);
            r.block('bd', () => r.loop('bl', () => {
              r.op(GET, LIM, GET, N, GE_S).brIf('bd');
              r.op(GET, X, GET, LIM, ADD, SET, KIND, GET, P, GET, LIM, ADD, SET, ARG);
              r.op(...rb(KIND), SET, C, ...rb(ARG), SET, KIND);
              r.op(GET, C, GET, KIND, NE).when(() => {
                // Different chars: equal only folded.
                r.op(GET, RFLAGS, ...k(F_FOLD), AND, EQZ).brIf('fail');
                r.op(GET, A, GET, C, ...k(2), SHL, ADD, ...load(4 * FOLD), GET, A, GET, KIND, ...k(2), SHL, ADD, ...load(4 * FOLD), NE).brIf('fail');
              });
              r.op(GET, LIM, ...k(1), ADD, SET, LIM).br('bl');
            }));
            r.op(GET, P, GET, N, ADD, SET, P, GET, PC, ...k(2), ADD, SET, PC).br('next');
            return;
          case OP_ASSERT:
            r.block('yes', () => {
              r.block('no', () => {
                r.op(...pw(1), SET, N);
                // BOL
                r.op(GET, N, ...k(A_BOL), EQ).when(() => {
                  r.op(GET, P, GET, RBEGV, LE_S).brIf('yes');
                  r.op(GET, P, ...k(1), SUB, SET, X, ...rb(X), ...k(10), EQ).brIf('yes').br('no');
                });
                r.op(GET, N, ...k(A_EOL), EQ).when(() => {
                  r.op(GET, P, GET, RZV, GE_S).brIf('yes');
                  r.op(...rb(P), ...k(10), EQ).brIf('yes').br('no');
                });
                r.op(GET, N, ...k(A_BUFBEG), EQ).when(() => r.op(GET, P, GET, RBEGV, LE_S).brIf('yes').br('no'));
                r.op(GET, N, ...k(A_BUFEND), EQ).when(() => r.op(GET, P, GET, RZV, GE_S).brIf('yes').br('no'));
                r.op(GET, N, ...k(A_POINT), EQ).when(() => r.op(GET, P, ...sload(K_POINT), EQ).brIf('yes').br('no'));
              });
              r.br('fail');
            });
            r.op(GET, PC, ...k(2), ADD, SET, PC).br('next');
            return;
          case OP_LOOP_INIT:
            r.op(...pw(1), SET, N);
            push4(B_LOOPREG, [GET, N], [GET, A, GET, N, ...k(2), SHL, ADD, ...load(4 * LOOPS)], null);
            r.op(GET, A, GET, N, ...k(2), SHL, ADD, ...k(-1), ...store(4 * LOOPS), GET, PC, ...k(2), ADD, SET, PC).br('next');
            return;
          case OP_LOOP:
            r.op(...pw(1), SET, N);
            // An iteration that matched nothing ends the loop.
            r.op(GET, A, GET, N, ...k(2), SHL, ADD, ...load(4 * LOOPS), GET, P, EQ).when(() => r.op(...pw(3), SET, PC).br('next'));
            stepOrGiveUp();
            push4(B_LOOPREG, [GET, N], [GET, A, GET, N, ...k(2), SHL, ADD, ...load(4 * LOOPS)], null);
            r.op(GET, A, GET, N, ...k(2), SHL, ADD, GET, P, ...store(4 * LOOPS));
            // The other way: after the body when greedy, else the body.
            push4(B_ALT, [...pw(3), ...pw(2), ...pw(4), SELECT], [GET, P], null);
            r.op(...pw(2), ...pw(3), ...pw(4), SELECT, SET, PC).br('next');
            return;
          case OP_REPEAT:
            r.op(...pw(1), SET, KIND, ...pw(2), SET, ARG);
            // LIM: max < 0 or fewer than max chars left ? zv : pos + max
            r.op(GET, ZV, GET, P, ...pw(4), ADD, ...pw(4), ...k(0), LT_S, GET, ZV, GET, P, SUB, ...pw(4), LT_S, OR, SELECT, SET, LIM);
            r.op(GET, P, SET, P0);
            r.op(...pw(5)).when(() => {
              // Greedy: as far as it goes.
              r.op(GET, P, SET, Y);
              r.block('gd', () => r.loop('gl', () => {
                r.op(GET, Y, GET, LIM, GE_S).brIf('gd');
                r.op(...rb(Y), SET, C);
                singleOf(KIND, ARG, C);
                r.op(EQZ).brIf('gd');
                r.op(GET, Y, ...k(1), ADD, SET, Y).br('gl');
              }));
              r.op(GET, Y, GET, P0, SUB, SET, N);
              r.op(GET, STEPS, GET, N, ...k(3), SHR_U, ADD, SET, STEPS);
              r.op(GET, N, ...pw(3), LT_S).brIf('fail');
              r.op(GET, Y, SET, P);
              r.op(GET, N, ...pw(3), GT_S, ...pw(5), ...k(REPEAT_NO_BACKTRACK), AND, EQZ, AND).when(() => {
                push4(B_GREEDY, [GET, PC, ...k(6), ADD], [GET, P0, ...pw(3), ADD], [GET, P]);
              });
              r.op(GET, PC, ...k(6), ADD, SET, PC).br('next');
            });
            // Lazy: the fewest it must.
            r.op(GET, P, SET, Y, ...k(0), SET, N);
            r.block('ld', () => r.loop('ll', () => {
              r.op(GET, N, ...pw(3), GE_S).brIf('ld');
              r.op(GET, Y, GET, LIM, GE_S).brIf('ld');
              r.op(...rb(Y), SET, C);
              singleOf(KIND, ARG, C);
              r.op(EQZ).brIf('ld');
              r.op(GET, Y, ...k(1), ADD, SET, Y, GET, N, ...k(1), ADD, SET, N).br('ll');
            }));
            r.op(GET, N, ...pw(3), LT_S).brIf('fail');
            r.op(GET, Y, GET, LIM, LT_S).when(() => push4(4, [GET, PC], [GET, Y], [GET, LIM]));
            r.op(GET, Y, SET, P, GET, PC, ...k(6), ADD, SET, PC).br('next');
            return;
          case OP_MATCH:
            r.op(...sstore(K_STEPS, [GET, STEPS]));
            r.op(GET, A, GET, START_, ...store(4 * REGS), GET, A, GET, P, ...store(4 * REGS + 4), GET, P, RETURN);
            return;
          default:
            // Opcodes the kernel does not take (kernelImage keeps them out).
            r.br('fail');
        }
      };
      open(cases.length - 1);
    });
    // Backtrack.
    r.loop('back', () => {
      r.op(GET, SP, EQZ).when(() => r.op(...sstore(K_STEPS, [GET, STEPS]), ...k(-1), RETURN));
      r.op(GET, SP, ...k(4), SUB, SET, SP, ...sw(0), SET, N);
      r.op(GET, N, ...k(B_GREEDY), GE_S, GET, N, ...k(B_ALT), EQ, OR).when(() => stepOrGiveUp());
      r.op(GET, N, ...k(B_ALT), EQ).when(() => r.op(...sw(1), SET, PC, ...sw(2), SET, P).br('next'));
      r.op(GET, N, ...k(B_REG), EQ).when(() => r.op(...regAddr(sw(1)), ...sw(2), ...store(4 * REGS)).br('back'));
      r.op(GET, N, ...k(B_LOOPREG), EQ).when(() => r.op(GET, A, ...sw(1), ...k(2), SHL, ADD, ...sw(2), ...store(4 * LOOPS)).br('back'));
      r.op(GET, N, ...k(B_GREEDY), EQ).when(() => {
        r.op(...sw(3), ...k(1), SUB, SET, Y, ...sw(1), SET, PC, GET, Y, SET, P);
        r.op(GET, Y, ...sw(2), GT_S).when(() => {
          r.op(GET, SB, GET, SP, ...k(2), SHL, ADD, GET, Y, ...store(12), GET, SP, ...k(4), ADD, SET, SP);
        });
        r.br('next');
      });
      // B_LAZY: one more char if it matches.
      r.op(...sw(1), SET, X, ...sw(2), SET, Y, ...sw(3), SET, LIM);
      r.op(GET, PB, GET, X, ...k(2), SHL, ADD, ...load(4), SET, KIND, GET, PB, GET, X, ...k(2), SHL, ADD, ...load(8), SET, ARG);
      r.op(...rb(Y), SET, C);
      singleOf(KIND, ARG, C);
      r.op(EQZ).brIf('back');
      r.op(GET, Y, ...k(1), ADD, SET, P, GET, X, ...k(6), ADD, SET, PC);
      r.op(GET, P, GET, LIM, LT_S).when(() => {
        r.op(GET, SB, GET, SP, ...k(2), SHL, ADD, GET, P, ...store(8), GET, SP, ...k(4), ADD, SET, SP);
      });
      r.br('next');
    });
  });
  r.op(...k(-1));

  // ---- search(area): the first start from FROM towards LIMIT where run matches ----
  const s = new Asm();
  const sb = (pos: number): number[] => byteAt(pos, GPT, BEFORE, AFTER);
  const startOk = (pos: number): number[] => [GET, A, ...sb(pos), ...k(2), SHL, ADD, ...load(4 * START)];
  const tryAt = (): void => {
    s.op(GET, A, GET, POS, CALL, 1, TEE, R, ...k(0), GE_S).when(() => s.op(GET, POS, RETURN));
    s.op(GET, R, ...k(GAVE_UP), EQ).when(() => s.op(...k(GAVE_UP), RETURN));
  };
  s.op(...sload(K_FROM), SET, FROM, ...sload(K_LIMIT), SET, LIMIT, ...sload(K_END), SET, END, ...sload(K_BEGV), SET, BEGV);
  s.op(...sload(K_GPT), SET, GPT, ...sload(K_BEFORE), SET, BEFORE, ...sload(K_AFTER), SET, AFTER, ...sload(K_FLAGS), SET, FLAGS);
  s.op(...sload(K_C1), I64_EXTEND_U, ...k64(LOW_BITS), I64_MUL, SET, M1, ...sload(K_C2), I64_EXTEND_U, ...k64(LOW_BITS), I64_MUL, SET, M2);
  s.op(GET, LIMIT, GET, FROM, GE_S).when(() => {
    // Forward.
    s.op(GET, FLAGS, ...k(F_ANCHORED), AND, GET, FROM, GET, BEGV, GT_S, AND).when(() => s.op(...k(-1), RETURN));
    s.op(GET, FROM, SET, POS);
    s.block('fd', () => s.loop('fl', () => {
      s.op(GET, POS, GET, LIMIT, GT_S).brIf('fd');
      // ^: only just after a newline.
      s.op(GET, FLAGS, ...k(F_BOL), AND, GET, POS, GET, BEGV, GT_S, AND).when(() => {
        s.op(GET, POS, ...k(1), SUB, SET, Q, ...sb(Q), ...k(10), NE).when(() => {
          s.op(GET, POS, SET, Q);
          s.block('nd', () => s.loop('nl', () => {
            s.op(GET, Q, GET, END, GE_S).when(() => s.op(...k(-1), RETURN));
            s.op(...sb(Q), ...k(10), EQ).brIf('nd');
            s.op(GET, Q, ...k(1), ADD, SET, Q).br('nl');
          }));
          s.op(GET, Q, ...k(1), ADD, TEE, POS, GET, LIMIT, GT_S).when(() => s.op(...k(-1), RETURN));
        });
      });
      s.op(GET, FLAGS, ...k(F_FIRST), AND).when(() => {
        s.block('sd', () => s.loop('sl', () => {
          s.op(GET, POS, GET, END, GE_S).brIf('sd');
          s.op(GET, FLAGS, ...k(F_TWO), AND).when(() => s.block('wd', () => s.loop('wl', () => {
            // Eight bytes a step while none is K_C1 or K_C2, within the side of the gap POS is on.
            s.op(GET, GPT, GET, END, GET, GPT, GET, END, LT_S, SELECT, GET, END, GET, POS, GET, GPT, LT_S, SELECT, SET, SEG);
            s.op(GET, POS, ...k(8), ADD, GET, SEG, GT_S).brIf('wd');
            s.op(GET, BEFORE, GET, AFTER, GET, POS, GET, GPT, LT_S, SELECT, GET, POS, ADD, I64_LOAD, 0, 0, SET, V);
            s.op(...hasByte(V, M1), ...hasByte(V, M2), I64_OR, I64_EQZ, EQZ).brIf('wd');
            s.op(GET, POS, ...k(8), ADD, SET, POS).br('wl');
          })));
          s.op(GET, POS, GET, END, GE_S).brIf('sd');
          s.op(...startOk(POS)).brIf('sd');
          s.op(GET, POS, ...k(1), ADD, SET, POS).br('sl');
        }));
        s.op(GET, POS, GET, END, GE_S, GET, POS, GET, LIMIT, GT_S, OR).when(() => s.op(...k(-1), RETURN));
      });
      tryAt();
      s.op(GET, FLAGS, ...k(F_ANCHORED), AND).when(() => s.op(...k(-1), RETURN));
      s.op(GET, POS, ...k(1), ADD, SET, POS).br('fl');
    }));
    s.op(...k(-1), RETURN);
  });
  // Backward, from FROM down to LOWEST.
  s.op(GET, LIMIT, ...k(0), GET, LIMIT, ...k(0), GT_S, SELECT, SET, LOWEST, GET, FROM, SET, POS);
  s.block('bd', () => s.loop('bl', () => {
    s.block('skip', () => {
      s.op(GET, POS, GET, LOWEST, LT_S).brIf('bd');
      s.op(GET, FLAGS, ...k(F_BOL), AND, GET, POS, GET, BEGV, GT_S, AND).when(() => {
        s.op(GET, POS, ...k(1), SUB, SET, Q, ...sb(Q), ...k(10), NE).when(() => {
          // Back to the last line beginning at or before POS.
          s.op(...k(-1), SET, R);
          s.op(GET, POS, ...k(1), SUB, GET, LOWEST, GT_S).when(() => {
            s.op(GET, POS, ...k(2), SUB, SET, Q);
            s.block('qd', () => s.loop('ql', () => {
              s.op(GET, Q, GET, LOWEST, LT_S).brIf('qd');
              s.op(...sb(Q), ...k(10), EQ).when(() => s.op(GET, Q, SET, R).br('qd'));
              s.op(GET, Q, ...k(1), SUB, SET, Q).br('ql');
            }));
          });
          s.op(GET, R, ...k(0), LT_S).when(() => {
            s.op(GET, LOWEST, SET, POS);
            // Unless LOWEST is itself a line beginning, no start is left.
            s.op(GET, POS, GET, BEGV, GT_S).when(() => {
              s.op(GET, POS, ...k(1), LT_S).brIf('bd');
              s.op(GET, POS, ...k(1), SUB, SET, Q, ...sb(Q), ...k(10), NE).brIf('bd');
            });
            s.br('skip');
          });
          s.op(GET, R, ...k(1), ADD, SET, POS);
        });
      });
    });
    s.op(GET, FLAGS, ...k(F_FIRST), AND).when(() => {
      s.op(GET, POS, GET, END, GE_S).when(() => s.op(GET, END, ...k(1), SUB, SET, POS));
      s.block('td', () => s.loop('tl', () => {
        s.op(GET, POS, GET, LOWEST, LT_S).brIf('td');
        s.op(GET, FLAGS, ...k(F_TWO), AND).when(() => s.block('vd', () => s.loop('vl', () => {
          // Eight bytes a step, POS the last of them, all on POS's side of the gap and not below LOWEST.
          s.op(GET, GPT, GET, LOWEST, GET, GPT, GET, LOWEST, GT_S, SELECT, GET, LOWEST, GET, POS, GET, GPT, GE_S, SELECT, SET, SEG);
          s.op(GET, POS, ...k(7), SUB, GET, SEG, LT_S).brIf('vd');
          s.op(GET, BEFORE, GET, AFTER, GET, POS, GET, GPT, LT_S, SELECT, GET, POS, ADD, ...k(7), SUB, I64_LOAD, 0, 0, SET, V);
          s.op(...hasByte(V, M1), ...hasByte(V, M2), I64_OR, I64_EQZ, EQZ).brIf('vd');
          s.op(GET, POS, ...k(8), SUB, SET, POS).br('vl');
        })));
        s.op(GET, POS, GET, LOWEST, LT_S).brIf('td');
        s.op(...startOk(POS)).brIf('td');
        s.op(GET, POS, ...k(1), SUB, SET, POS).br('tl');
      }));
      s.op(GET, POS, GET, LOWEST, LT_S).brIf('bd');
    });
    tryAt();
    s.op(GET, POS, ...k(1), SUB, SET, POS).br('bl');
  }));
  s.op(...k(-1));

  const searchBody = [...uleb(2), ...uleb(SEARCH_LOCALS), I32, ...uleb(SEARCH_I64_LOCALS), I64, ...s.out, 0x0b];
  const runBody = [...uleb(1), ...uleb(RUN_LOCALS), I32, ...r.out, 0x0b];
  return [
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec([[0x60, 1, I32, 1, I32], [0x60, 2, I32, I32, 1, I32]])),
    // The heap's memory, shared under Node: imported with the limits it was made with.
    ...section(2, vec([[...name('e'), ...name('m'), 0x02, 0x03, ...uleb(0), ...uleb(65536)]])),
    ...section(3, vec([uleb(0), uleb(1)])),
    ...section(7, vec([[...name('search'), 0x00, 0]])),
    ...section(10, vec([[...uleb(searchBody.length), ...searchBody], [...uleb(runBody.length), ...runBody]])),
  ];
}

export interface RegexKernel {
  /** A search over the area at byte address AREA (see the top of this file). */
  search(area: number): number;
}

let compiled: object | null | undefined;

/** The kernel over MEMORY (the heap's shared WebAssembly.Memory), or null where it cannot run. */
export function makeRegexKernel(memory: object | null, bytes: Uint8Array = storedRegexModuleBytes()): RegexKernel | null {
  if (memory === null) return null;
  const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (wasm === undefined) return null;
  try {
    compiled ??= new wasm.Module(bytes);
    const x = new wasm.Instance(compiled, { e: { m: memory } }).exports as Record<string, unknown>;
    return { search: x.search as RegexKernel['search'] };
  } catch {
    compiled = null;
    return null;
  }
}

/** regexModuleBytes() in base64 (assembling costs cold JS at a program's first search); test/regex-kernel.test.ts checks they agree. */
export const REGEX_MODULE_BASE64 =
  'AGFzbQEAAAABDAJgAX8Bf2ACf38BfwILAQFlAW0CAwCAgAQDAwIAAQcKAQZzZWFyY2gAAAqSHQKWCAINfwN+IAAoAgAhASAAKAIEIQIgACgCCCEDIAAoAgwhBCAAKAIYIQUgACgCHCEGIAAoAiAhByAAKAIoIQggACgCPK1CgYKEiJCgwIABfiEPIAAoAkCtQoGChIiQoMCAAX4hECACIAFOBEAgCEECcSABIARKcQRAQX8PCyABIQkCQANAIAkgAkoNASAIQQFxIAkgBEpxBEAgCUEBayEKIAYgCmogByAKaiAKIAVIGy0AAEEKRwRAIAkhCgJAA0AgCiADTgRAQX8PCyAGIApqIAcgCmogCiAFSBstAABBCkYNASAKQQFqIQoMAAsLIApBAWoiCSACSgRAQX8PCwsLIAhBBHEEQAJAA0AgCSADTg0BIAhBEHEEQAJAA0AgBSADIAUgA0gbIAMgCSAFSBshDSAJQQhqIA1KDQEgBiAHIAkgBUgbIAlqKQAAIQ4gDiAPhUKBgoSIkKDAgAF9IA4gD4VCf4WDQoCBgoSIkKDAgH+DIA4gEIVCgYKEiJCgwIABfSAOIBCFQn+Fg0KAgYKEiJCgwIB/g4RQRQ0BIAlBCGohCQwACwsLIAkgA04NASAAIAYgCWogByAJaiAJIAVIGy0AAEECdGooAoAMDQEgCUEBaiEJDAALCyAJIANOIAkgAkpyBEBBfw8LCyAAIAkQASILQQBOBEAgCQ8LIAtBfkYEQEF+DwsgCEECcQRAQX8PCyAJQQFqIQkMAAsLQX8PCyACQQAgAkEAShshDCABIQkCQANAAkAgCSAMSA0CIAhBAXEgCSAESnEEQCAJQQFrIQogBiAKaiAHIApqIAogBUgbLQAAQQpHBEBBfyELIAlBAWsgDEoEQCAJQQJrIQoCQANAIAogDEgNASAGIApqIAcgCmogCiAFSBstAABBCkYEQCAKIQsMAgsgCkEBayEKDAALCwsgC0EASARAIAwhCSAJIARKBEAgCUEBSA0GIAlBAWshCiAGIApqIAcgCmogCiAFSBstAABBCkcNBgsMAwsgC0EBaiEJCwsLIAhBBHEEQCAJIANOBEAgA0EBayEJCwJAA0AgCSAMSA0BIAhBEHEEQAJAA0AgBSAMIAUgDEobIAwgCSAFThshDSAJQQdrIA1IDQEgBiAHIAkgBUgbIAlqQQdrKQAAIQ4gDiAPhUKBgoSIkKDAgAF9IA4gD4VCf4WDQoCBgoSIkKDAgH+DIA4gEIVCgYKEiJCgwIABfSAOIBCFQn+Fg0KAgYKEiJCgwIB/g4RQRQ0BIAlBCGshCQwACwsLIAkgDEgNASAAIAYgCWogByAJaiAJIAVIGy0AAEECdGooAoAMDQEgCUEBayEJDAALCyAJIAxIDQILIAAgCRABIgtBAE4EQCAJDwsgC0F+RgRAQX4PCyAJQQFrIQkMAAsLQX8L9xQBGX8gACgCCCEFIAAoAhghBiAAKAIcIQcgACgCICEIIAAoAjAhDiAAKAIsIREgACgCDCEVIAAoAhAhFiAAKAIoIRcgAEGAEGohDyAAQYCQAmohECAAIAAoAjhBAnRqIRhBACEMAkADQCAMIAAoAiRODQEgACAMQQJ0akF/NgKAASAMQQFqIQwMAAsLQQAhBEEAIQIgASEDA0ACQAJAAkACQAJAAkACQAJAAkACQAJAAkACQAJAAkACQAJAAkAgDyACQQJ0aigCACIJDhEAAQIDBAUGBwgJCgsMDQ4PEBELIAMgBU4NECAHIANqIAggA2ogAyAGSBstAAAgDyACQQJ0aigCBEcNECADQQFqIQMgAkECaiECDBELIAMgBU4NDyAHIANqIAggA2ogAyAGSBstAAAiFCAPIAJBAnRqKAIERyAAIBRBAnRqKAKACCAPIAJBAnRqKAIER3ENDyADQQFqIQMgAkECaiECDBALIAMgBU4NDiAHIANqIAggA2ogAyAGSBstAABBCkYNDiADQQFqIQMgAkECaiECDA8LIAMgBU4NDSAYIA8gAkECdGooAgRBB3QgByADaiAIIANqIAMgBkgbLQAAakECdGooAgBFDQ0gA0EBaiEDIAJBAmohAgwOCwwMCwwLCwwKCwwJCyAEQQRqIBFKBEBBfg8LIBAgBEECdGpBADYCACAQIARBAnRqIA8gAkECdGooAgg2AgQgECAEQQJ0aiADNgIIIARBBGohBCAPIAJBAnRqKAIEIQIMCQsgDyACQQJ0aigCBCECDAgLIA8gAkECdGooAgQhDCAEQQRqIBFKBEBBfg8LIBAgBEECdGpBATYCACAQIARBAnRqIAw2AgQgECAEQQJ0aiAAIAxBAnRqKAKAATYCCCAEQQRqIQQgACAMQQJ0aiADNgKAASACQQJqIQIMBwsgDyACQQJ0aigCBEEBdCEMIAAgDEECdGooAoABIQogACAMQQJ0aigChAEhCyAKQQBIIAtBAEhyDQUgCyAKayEMIAMgDGogBUoNBUEAIQ0CQANAIA0gDE4NASAKIA1qIRIgAyANaiETIAcgEmogCCASaiASIAZIGy0AACEUIAcgE2ogCCATaiATIAZIGy0AACESIBQgEkcEQCAXQQhxRQ0IIAAgFEECdGooAoAIIAAgEkECdGooAoAIRw0ICyANQQFqIQ0MAAsLIAMgDGohAyACQQJqIQIMBgsCQAJAIA8gAkECdGooAgQhDCAMQQBGBEAgAyAVTA0CIANBAWshCiAHIApqIAggCmogCiAGSBstAABBCkYNAgwBCyAMQQFGBEAgAyAWTg0CIAcgA2ogCCADaiADIAZIGy0AAEEKRg0CDAELIAxBAkYEQCADIBVMDQIMAQsgDEEDRgRAIAMgFk4NAgwBCyAMQQpGBEAgAyAAKAIURg0CDAELCwwFCyACQQJqIQIMBQsgDyACQQJ0aigCBCEMIARBBGogEUoEQEF+DwsgECAEQQJ0akECNgIAIBAgBEECdGogDDYCBCAQIARBAnRqIAAgDEECdGooAoAENgIIIARBBGohBCAAIAxBAnRqQX82AoAEIAJBAmohAgwECyAPIAJBAnRqKAIEIQwgACAMQQJ0aigCgAQgA0YEQCAPIAJBAnRqKAIMIQIMBAsgDkEBaiIOIAAoAjRKBEBBfg8LIARBBGogEUoEQEF+DwsgECAEQQJ0akECNgIAIBAgBEECdGogDDYCBCAQIARBAnRqIAAgDEECdGooAoAENgIIIARBBGohBCAAIAxBAnRqIAM2AoAEIARBBGogEUoEQEF+DwsgECAEQQJ0akEANgIAIBAgBEECdGogDyACQQJ0aigCDCAPIAJBAnRqKAIIIA8gAkECdGooAhAbNgIEIBAgBEECdGogAzYCCCAEQQRqIQQgDyACQQJ0aigCCCAPIAJBAnRqKAIMIA8gAkECdGooAhAbIQIMAwsgDyACQQJ0aigCBCESIA8gAkECdGooAgghEyAFIAMgDyACQQJ0aigCEGogDyACQQJ0aigCEEEASCAFIANrIA8gAkECdGooAhBIchshDSADIRkgDyACQQJ0aigCFARAIAMhCwJAA0AgCyANTg0BIAcgC2ogCCALaiALIAZIGy0AACEUAkACQAJAAkACQCASDgQAAQIDAwsgFCATRiEaDAMLIBQgE0YgACAUQQJ0aigCgAggE0ZyIRoMAgsgFEEKRyEaDAELIBggE0EHdCAUakECdGooAgAhGgsgGkUNASALQQFqIQsMAAsLIAsgGWshDCAOIAxBA3ZqIQ4gDCAPIAJBAnRqKAIMSA0CIAshAyAMIA8gAkECdGooAgxKIA8gAkECdGooAhRBAnFFcQRAIARBBGogEUoEQEF+DwsgECAEQQJ0akEDNgIAIBAgBEECdGogAkEGajYCBCAQIARBAnRqIBkgDyACQQJ0aigCDGo2AgggECAEQQJ0aiADNgIMIARBBGohBAsgAkEGaiECDAMLIAMhC0EAIQwCQANAIAwgDyACQQJ0aigCDE4NASALIA1ODQEgByALaiAIIAtqIAsgBkgbLQAAIRQCQAJAAkACQAJAIBIOBAABAgMDCyAUIBNGIRoMAwsgFCATRiAAIBRBAnRqKAKACCATRnIhGgwCCyAUQQpHIRoMAQsgGCATQQd0IBRqQQJ0aigCACEaCyAaRQ0BIAtBAWohCyAMQQFqIQwMAAsLIAwgDyACQQJ0aigCDEgNASALIA1IBEAgBEEEaiARSgRAQX4PCyAQIARBAnRqQQQ2AgAgECAEQQJ0aiACNgIEIBAgBEECdGogCzYCCCAQIARBAnRqIA02AgwgBEEEaiEECyALIQMgAkEGaiECDAILIAAgDjYCMCAAIAE2AoABIAAgAzYChAEgAw8LA0AgBEUEQCAAIA42AjBBfw8LIARBBGshBCAQIARBAnRqKAIAIQwgDEEDTiAMQQBGcgRAIA5BAWoiDiAAKAI0SgRAQX4PCwsgDEEARgRAIBAgBEECdGooAgQhAiAQIARBAnRqKAIIIQMMAgsgDEEBRgRAIAAgECAEQQJ0aigCBEECdGogECAEQQJ0aigCCDYCgAEMAQsgDEECRgRAIAAgECAEQQJ0aigCBEECdGogECAEQQJ0aigCCDYCgAQMAQsgDEEDRgRAIBAgBEECdGooAgxBAWshCyAQIARBAnRqKAIEIQIgCyEDIAsgECAEQQJ0aigCCEoEQCAQIARBAnRqIAs2AgwgBEEEaiEECwwCCyAQIARBAnRqKAIEIQogECAEQQJ0aigCCCELIBAgBEECdGooAgwhDSAPIApBAnRqKAIEIRIgDyAKQQJ0aigCCCETIAcgC2ogCCALaiALIAZIGy0AACEUAkACQAJAAkACQCASDgQAAQIDAwsgFCATRiEaDAMLIBQgE0YgACAUQQJ0aigCgAggE0ZyIRoMAgsgFEEKRyEaDAELIBggE0EHdCAUakECdGooAgAhGgsgGkUNACALQQFqIQMgCkEGaiECIAMgDUgEQCAQIARBAnRqIAM2AgggBEEEaiEECwwBCwtBfws=';

/** The module's bytes from REGEX_MODULE_BASE64. */
export function storedRegexModuleBytes(): Uint8Array {
  return bytesFromBase64(REGEX_MODULE_BASE64);
}

const regexKernel = defineKernelSlot(AREA_MIN_WORDS, makeRegexKernel);

/** Let regexKernelOf give the kernel (ON) or null; returns the previous setting (tests compare it with the JS matcher). */
export const useRegexKernel = regexKernel.use;

/** RT's kernel, made at the first call; null where the heap is no WebAssembly.Memory, or while useRegexKernel(false) holds. */
export const regexKernelOf = regexKernel.of;
