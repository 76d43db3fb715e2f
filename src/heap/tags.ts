// The Lisp word: how a 32-bit value encodes every Lisp object (the one place the layout is drawn).
//
//   31                                                 3  2  1  0
//  +----------------------------------------------------+--------+
//  |  granule index (8-byte units) or symbol offset      |  tag   |
//  +----------------------------------------------------+--------+
//  |  30-bit two's complement integer                       | 1  0 |   fixnum (tags 2 and 6)
//  +-------------------------------------------------------+------+
//
//   tag 0  symbol      payload = granule offset of the symbol from the static
//                      region's base, modulo 2^29, so nil is the word 0 and every
//                      builtin symbol is a constant however the regions move
//                      (GNU's `make_lisp_symbol` trick with `lispsym`).
//   tag 1  (unused)    never a valid object; freed cells are poisoned with it
//   tag 2  fixnum      even half
//   tag 3  cons        2 words: car, cdr
//   tag 4  string      4 words: see STRING_* in layout.ts
//   tag 5  vectorlike  header word, then slots: see layout.ts
//   tag 6  fixnum      odd half
//   tag 7  float       2 words holding one float64
//
// Pointers are granule indices into the single heap ArrayBuffer, never JS
// references: the dumper copies words and relocates them by adding a delta.
// Word index of a pointer = (word & ~7) >>> 2.

export const Lisp_Symbol = 0;
export const Lisp_Unused = 1;
export const Lisp_Int0 = 2;
export const Lisp_Cons = 3;
export const Lisp_String = 4;
export const Lisp_Vectorlike = 5;
export const Lisp_Int1 = 6;
export const Lisp_Float = 7;

export const FIXNUM_BITS = 30;
export const MOST_POSITIVE_FIXNUM = 536870911;
export const MOST_NEGATIVE_FIXNUM = -536870912;

/** The word every freed cell is filled with: tag 1, so any use of it trips a type check. */
export const POISON = 0xdeadbee9 | 0;

export const tagOf = (w: number): number => w & 7;
export const isFixnum = (w: number): boolean => (w & 3) === 2;
export const isCons = (w: number): boolean => (w & 7) === Lisp_Cons;
export const isString = (w: number): boolean => (w & 7) === Lisp_String;
export const isVectorlike = (w: number): boolean => (w & 7) === Lisp_Vectorlike;
export const isFloat = (w: number): boolean => (w & 7) === Lisp_Float;
export const isSymbol = (w: number): boolean => (w & 7) === Lisp_Symbol;

export const makeFixnum = (n: number): number => (n << 2) | 2;
export const fixnumValue = (w: number): number => w >> 2;
export const fixnumInRange = (n: number): boolean =>
  Number.isInteger(n) && n >= MOST_NEGATIVE_FIXNUM && n <= MOST_POSITIVE_FIXNUM;

/** Word index in the heap of a pointer word (any tag but symbol). */
export const wordIndex = (w: number): number => (w & -8) >>> 2;
/** Pointer word for an object at word index `wi` (which must be even). */
export const makePtr = (wi: number, tag: number): number => ((wi << 2) | tag) | 0;

/** The word 0 is nil: the first symbol of the static region. */
export const Qnil = 0;
