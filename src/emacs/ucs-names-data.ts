// Unicode 14.0 character names as GNU Emacs 28.2 knows them, packed; made by scripts/gen-ucs-names.mjs from unicode-data 15.0.0: do not edit.
// The names themselves are in etc/ucs-names.txt (the words, then the records), read on first use.

/** Names in the table. */
export const UCS_NAME_COUNT = 34204;

/** Hangul syllable name parts: the leading, vowel and trailing jamo short names. */
export const HANGUL_PARTS: readonly (readonly string[])[] = [["G","GG","N","D","DD","R","M","B","BB","S","SS","","J","JJ","C","K","T","P","H"],["A","AE","YA","YAE","EO","E","YEO","YE","O","WA","WAE","OE","YO","U","WEO","WE","WI","YU","EU","YI","I"],["","G","GG","GS","N","NJ","NH","D","L","LG","LM","LB","LS","LT","LP","LH","M","B","BS","S","SS","NG","J","C","K","T","P","H"]];

/** Characters named PREFIX-HEX that char-from-name computes: FROM, TO, PREFIX. */
export const COMPUTED_NAMES: readonly (readonly [number, number, string])[] = [
  [0x3400, 0x4dbf, "CJK IDEOGRAPH-"],
  [0x4e00, 0x9fff, "CJK IDEOGRAPH-"],
  [0xd800, 0xdbff, "HIGH SURROGATE-"],
  [0xdc00, 0xdfff, "LOW SURROGATE-"],
  [0xf900, 0xfad9, "CJK COMPATIBILITY IDEOGRAPH-"],
  [0x17000, 0x187f7, "TANGUT IDEOGRAPH-"],
  [0x18b00, 0x18cd5, "KHITAN SMALL SCRIPT CHARACTER-"],
  [0x18d00, 0x18d08, "TANGUT IDEOGRAPH-"],
  [0x20000, 0x2a6df, "CJK IDEOGRAPH-"],
  [0x2a700, 0x2b738, "CJK IDEOGRAPH-"],
  [0x2b740, 0x2b81d, "CJK IDEOGRAPH-"],
  [0x2b820, 0x2cea1, "CJK IDEOGRAPH-"],
  [0x2ceb0, 0x2ebe0, "CJK IDEOGRAPH-"],
  [0x2f800, 0x2fa1d, "CJK COMPATIBILITY IDEOGRAPH-"],
  [0x30000, 0x3134a, "CJK IDEOGRAPH-"],
];
