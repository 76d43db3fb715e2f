// Object layouts: which word of each heap object holds what, and which words the GC and dumper must trace.
//
// All sizes are in 32-bit words; every object starts on a granule (2 words).
//
// cons    [car, cdr]
// float   [float64]                               (no Lisp words)
// symbol  [name, value, function, plist, next, flags]
//           name      Lisp string
//           value     Lisp value, or Qunbound; for a forwarded/alias symbol see flags
//           function  Lisp value (nil when void)
//           plist     Lisp list
//           next      next symbol in the obarray bucket, or the fixnum 0 at the end
//           flags     raw bits: SYM_* below
// string  [nchars, nbytes, data, intervals]
//           nchars    raw count of characters
//           nbytes    raw count of bytes, or -1 for a unibyte string (as GNU's size_byte)
//           data      raw byte address of the contents in the heap (0 when empty);
//                     the contents are a separate DATA object holding nbytes + 1 bytes (NUL ended)
//           intervals Lisp value (text properties; nil)
// vectorlike [header, slot...]
//           header    raw: (pvec type << 26) | size   (size < 2^26)
//           For most types every slot is a Lisp word and size is the slot count.
//           For "raw" types (bool-vector, bignum) slot 0 is a Lisp fixnum and the
//           remaining size-1 words are raw data the GC never reads.
// data    raw bytes owned by one string; traced only through its string.

export const CONS_WORDS = 2;
export const FLOAT_WORDS = 2;

export const SYM_NAME = 0;
export const SYM_VALUE = 1;
export const SYM_FUNCTION = 2;
export const SYM_PLIST = 3;
export const SYM_NEXT = 4;
export const SYM_FLAGS = 5;
export const SYMBOL_WORDS = 6;

// Symbol flags: a compact mirror of GNU's struct Lisp_Symbol bitfields.
export const SYM_REDIRECT_MASK = 3; // 0 plain value, 1 alias (value = target symbol), 2 localized (value = blv cons)
export const SYM_PLAINVAL = 0;
export const SYM_VARALIAS = 1;
export const SYM_LOCALIZED = 2;
export const SYM_TRAPPED_SHIFT = 2; // 2 bits: 0 untrapped, 1 nowrite (constant), 2 trapped write
export const SYM_TRAPPED_MASK = 3 << SYM_TRAPPED_SHIFT;
export const SYM_UNTRAPPED = 0;
export const SYM_NOWRITE = 1;
export const SYM_TRAPWRITE = 2;
export const SYM_INTERNED_SHIFT = 4; // 2 bits: 0 uninterned, 1 interned, 2 interned in the initial obarray
export const SYM_INTERNED_MASK = 3 << SYM_INTERNED_SHIFT;
export const SYM_UNINTERNED = 0;
export const SYM_INTERNED = 1;
export const SYM_INTERNED_IN_INITIAL_OBARRAY = 2;
export const SYM_DECLARED_SPECIAL = 1 << 6;
// 2 bits: the type a built-in variable forwarded to a C int or bool has in GNU (DEFVAR_INT, DEFVAR_BOOL).
export const SYM_FWD_SHIFT = 7;
export const SYM_FWD_MASK = 3 << SYM_FWD_SHIFT;
export const SYM_FWD_LISP = 0;
export const SYM_FWD_BOOL = 1;
export const SYM_FWD_INT = 2;

export const STR_NCHARS = 0;
export const STR_NBYTES = 1;
export const STR_DATA = 2;
export const STR_INTERVALS = 3;
export const STRING_WORDS = 4;

export const PVEC_TYPE_SHIFT = 26;
export const PVEC_SIZE_MASK = (1 << 26) - 1;
export const MAX_VECTOR_SIZE = PVEC_SIZE_MASK;

// Vectorlike types. Appending is fine; renumbering changes the dump fingerprint.
export const PVEC_NORMAL_VECTOR = 0;
export const PVEC_RECORD = 1;
export const PVEC_HASH_TABLE = 2;
export const PVEC_BOOL_VECTOR = 3; // raw: slot 0 = fixnum bit count, then bits, 32 per word
export const PVEC_CHAR_TABLE = 4;
export const PVEC_SUB_CHAR_TABLE = 5;
export const PVEC_SUBR = 6;
export const PVEC_BIGNUM = 7; // raw: slot 0 = fixnum sign (-1 or 1), then magnitude, 32-bit little-endian digits
export const PVEC_USER_PTR = 8; // slot 0 = fixnum handle into a JS-side table: never dumpable
export const PVEC_FINALIZER = 9; // slot 0 = function (nil once run: "used"), slot 1 = fixnum 0 (reserved)
export const PVEC_COMPILED = 10;
export const PVEC_MARKER = 11;
export const PVEC_BUFFER = 12;
export const PVEC_OVERLAY = 13;
export const PVEC_PROCESS = 14; // slots: see PROC_* in emacs/process.ts; the live child is JS-side, keyed by a fixnum slot
export const PVEC_WINDOW = 15; // slots: see WIN_* in emacs/window.ts
export const PVEC_FRAME = 16; // slots: see FRAME_* in emacs/window.ts
export const PVEC_THREAD = 17; // slots: see TH_* in emacs/thread.ts
export const PVEC_MUTEX = 18; // slots: see MX_* in emacs/thread.ts
export const PVEC_CONDVAR = 19; // slots: see CV_* in emacs/thread.ts
export const PVEC_TYPE_COUNT = 20;
export const WINDOW_SLOTS = 24; // emacs/window.ts WIN_*
export const FRAME_SLOTS = 8; // emacs/window.ts FRAME_*

export const isRawPvec = (type: number): boolean => type === PVEC_BOOL_VECTOR || type === PVEC_BIGNUM;

export const makeHeader = (type: number, size: number): number => ((type << PVEC_TYPE_SHIFT) | size) | 0;
export const headerType = (h: number): number => h >>> PVEC_TYPE_SHIFT;
export const headerSize = (h: number): number => h & PVEC_SIZE_MASK;

// Subr slots (all Lisp words): the static region's "executable code".
export const SUBR_NAME = 0; // symbol
export const SUBR_MIN_ARGS = 1; // fixnum
export const SUBR_MAX_ARGS = 2; // fixnum, or -1 for &rest (MANY), -2 for special forms (UNEVALLED)
export const SUBR_INDEX = 3; // fixnum index into the primitive table
export const SUBR_SLOTS = 4;
export const MANY = -1;
export const UNEVALLED = -2;

// Buffer slots (docs/buffers.md). The text is a gap buffer of bytes in Emacs's internal
// encoding, kept in a private unibyte string (BUF_TEXT) so that GC, dump and load treat it as
// any string; positions are fixnums, 1-based as in Lisp. Slots may be added at the end.
export const BUF_NAME = 0; // string; nil once killed
export const BUF_TEXT = 1; // private unibyte string: the bytes, with a gap, capacity = its length
export const BUF_Z = 2; // fixnum: one past the last char (chars + 1)
export const BUF_Z_BYTE = 3; // fixnum: one past the last byte
export const BUF_GPT = 4; // fixnum: the gap's char position
export const BUF_GPT_BYTE = 5; // fixnum: the gap's byte position
export const BUF_PT = 6; // fixnum: point
export const BUF_PT_BYTE = 7;
export const BUF_BEGV = 8; // fixnum: start of the accessible portion (narrowing)
export const BUF_BEGV_BYTE = 9;
export const BUF_ZV = 10; // fixnum: end of the accessible portion
export const BUF_ZV_BYTE = 11;
export const BUF_MODIFF = 12; // fixnum: buffer-modified-tick
export const BUF_CHARS_MODIFF = 13; // fixnum: buffer-chars-modified-tick
export const BUF_SAVE_MODIFF = 14; // fixnum: MODIFF when last saved (buffer-modified-p compares)
export const BUF_MARKERS = 15; // list of the markers pointing into this buffer (pruned by GC: weak)
export const BUF_INTERVALS = 16; // text properties: nil or the interval structure (as STR_INTERVALS)
export const BUF_OVERLAYS = 17; // list of overlays
export const BUF_LOCAL_VAR_ALIST = 18; // ((SYMBOL . VALUE) ...) of this buffer's local bindings
export const BUF_MULTIBYTE = 19; // t or nil: enable-multibyte-characters
export const BUF_SYNTAX_TABLE = 20; // char-table
export const BUF_CASE_TABLE = 21; // char-table (downcase table, with its extra slots)
export const BUF_MARK = 22; // marker: the mark
export const BUF_LAST_WINDOW_START = 23; // reserved for GNU's slot of the same name (nil)
export const BUF_INHIBIT_HOOKS = 24; // t: made with INHIBIT-BUFFER-HOOKS, so killing it runs no hooks
export const BUF_BASE_BUFFER = 25; // an indirect buffer's base buffer; t in a base that has had indirect buffers; else nil
export const BUF_CATEGORY_TABLE = 26; // category table (emacs/category.ts); nil: the standard one
export const BUF_KEYMAP = 27; // the local keymap (use-local-map), nil for none
export const BUF_AUTOSAVE_MODIFF = 28; // fixnum: MODIFF when this buffer was last auto-saved (0: never); an indirect buffer has its own
export const BUFFER_SLOTS = 29;

// Marker slots. A marker in no buffer has BUFFER nil.
export const MARKER_BUFFER = 0; // buffer or nil
export const MARKER_CHARPOS = 1; // fixnum
export const MARKER_BYTEPOS = 2; // fixnum
export const MARKER_INSERTION_TYPE = 3; // nil: stays before text inserted at it; t: advances
export const MARKER_SLOTS = 4;

// Overlay slots (emacs/overlay.ts). Its ends are markers of its buffer (chained there, so they move
// with insertions and deletions as markers do); an overlay in no buffer has START and END nil.
export const OVERLAY_START = 0; // marker or nil; insertion type t: front-advance
export const OVERLAY_END = 1; // marker or nil; insertion type t: rear-advance
export const OVERLAY_PLIST = 2; // property list
export const OVERLAY_SLOTS = 3;

// Hash table slots (all Lisp words). Buckets are chained through NEXT;
// INDEX maps hash % size to the first entry, -1 when empty.
export const HT_TEST = 0; // symbol: eq, eql, equal, or a user test name
export const HT_WEAK = 1; // nil, key, value, key-and-value, key-or-value: HT_KV then traced by the GC's weak phase
export const HT_COUNT = 2; // fixnum
export const HT_KV = 3; // vector of 2*size: key, value (Qunbound marks a free entry)
export const HT_HASH = 4; // vector of size: fixnum hash codes
export const HT_NEXT = 5; // vector of size: fixnum next entry or -1
export const HT_INDEX = 6; // vector of bucket count: fixnum first entry or -1
export const HT_NEXT_FREE = 7; // fixnum: first free entry or -1
export const HT_USER = 8; // nil, or (NAME EQUAL-FN HASH-FN) for define-hash-table-test tests
export const HT_REHASH_SIZE = 9; // float or fixnum, as given to make-hash-table
export const HT_REHASH_THRESHOLD = 10; // float
export const HT_STALE = 11; // t when keys' addresses changed (after a dump load): rehash before use
export const HT_PURE = 12;
export const HASH_TABLE_SLOTS = 13;

// Char tables mirror GNU's three-level trie so that they print the same.
export const CHARTAB_DEFALT = 0;
export const CHARTAB_PARENT = 1;
export const CHARTAB_PURPOSE = 2;
export const CHARTAB_ASCII = 3;
export const CHARTAB_CONTENTS = 4; // 64 slots: chars 0x10000 * i .. (level 0 covers 2^16 chars each)
export const CHARTAB_STANDARD_SLOTS = 4 + 64;
export const SUB_CHARTAB_DEPTH = 0; // fixnum 1..3
export const SUB_CHARTAB_MIN_CHAR = 1; // fixnum
export const SUB_CHARTAB_CONTENTS = 2;
