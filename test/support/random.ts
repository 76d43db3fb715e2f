// Test support: a deterministic generator (xorshift32), so a failing random case runs again the same way.

/** A function returning integers in [0, n), from SEED. */
export function seededRandom(seed: number): (n: number) => number {
  let s = seed | 0;
  return (n: number): number => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) % n;
  };
}
