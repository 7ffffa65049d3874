/**
 * A tiny seeded PRNG (mulberry32) and the two distributions the simulation draws from, so a
 * simulation is reproducible from its seed on every platform.
 */

/** A source of numbers in [0, 1). */
export type Random = () => number;

/**
 * mulberry32: 32-bit state, period 2^32, good enough for synthetic dossiers.
 *
 * @example
 * const random = seededRandom(42);
 * random(); // the same number on every run
 */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A draw from the triangular distribution on [min, max] with the given mode (inverse CDF).
 *
 * @example
 * triangular(seededRandom(1), 0.2, 0.5, 1); // somewhere in [0.2, 1], most often near 0.5
 */
export function triangular(random: Random, min: number, mode: number, max: number): number {
  if (max <= min) return min;
  const u = random();
  const cut = (mode - min) / (max - min);
  return u < cut ? min + Math.sqrt(u * (max - min) * (mode - min)) : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
}

/** A draw from the exponential distribution with the given mean (Poisson arrivals). */
export function exponential(random: Random, mean: number): number {
  return -Math.log(1 - random()) * mean;
}
