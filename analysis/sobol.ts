/**
 * Sobol' (1967) points in base 2 with Joe and Kuo's (2008) direction numbers, in Gray-code order
 * (Antonov and Saleev 1979), as scipy.stats.qmc.Sobol. Optionally randomised (with an rng) by a
 * linear matrix scramble and a digital shift (Matousek 1998; SciPy's default): each point is then
 * uniform on [0,1)^d, so estimates are unbiased and resampling makes sense, while the points keep
 * the net structure that makes them more even than pseudo-random ones (2^m points put exactly
 * one point in each of 2^m equal slices of every axis).
 */
import { JOE_KUO_D2_TO_256 } from './sobol-directions';

const BITS = 32;
const TWO32 = 4294967296;

const TABLE = JOE_KUO_D2_TO_256.trim()
  .split('\n')
  .map((line) => line.trim().split(/\s+/).map(Number));

/** Dimensions the direction numbers cover. */
export const SOBOL_MAX_DIMENSIONS = TABLE.length + 1;

/** The 32 direction numbers of dimension j (0-based), left-aligned: v_b = m_b * 2^(31-b). */
function directions(j: number): Uint32Array {
  const v = new Uint32Array(BITS);
  if (j === 0) {
    for (let b = 0; b < BITS; b++) v[b] = 2 ** (31 - b);
    return v;
  }
  const [, s, a, ...m] = TABLE[j - 1];
  for (let b = 0; b < Math.min(s, BITS); b++) v[b] = m[b] * 2 ** (31 - b);
  // Bratley and Fox (1988): v_b = v_{b-s} ^ (v_{b-s} >> s) ^ sum over the polynomial's interior terms.
  for (let b = s; b < BITS; b++) {
    let x = v[b - s] ^ (v[b - s] >>> s);
    for (let t = 1; t < s; t++) if ((a >>> (s - 1 - t)) & 1) x ^= v[b - t];
    v[b] = x;
  }
  return v;
}

function parity(x: number): number {
  x ^= x >>> 16;
  x ^= x >>> 8;
  x ^= x >>> 4;
  x ^= x >>> 2;
  x ^= x >>> 1;
  return x & 1;
}

const randomWord = (rng: () => number): number => Math.floor(rng() * TWO32) >>> 0;

/**
 * Scramble: digit r of a coordinate (r = 0 the most significant) becomes itself plus a random
 * combination of the digits above it, i.e. the generating matrix is multiplied on the left by a
 * random lower-triangular matrix with unit diagonal.
 */
function scramble(v: Uint32Array, rng: () => number): Uint32Array {
  const rows = new Uint32Array(BITS);
  for (let r = 0; r < BITS; r++) {
    const above = r === 0 ? 0 : (0xffffffff << (BITS - r)) >>> 0;
    rows[r] = (randomWord(rng) & above) | 2 ** (31 - r);
  }
  const out = new Uint32Array(BITS);
  for (let b = 0; b < BITS; b++) {
    let w = 0;
    for (let r = 0; r < BITS; r++) if (parity(rows[r] & v[b])) w |= 2 ** (31 - r);
    out[b] = w;
  }
  return out;
}

/**
 * The first n points of the d-dimensional Sobol' sequence in [0,1)^d (rows = points). Without
 * rng, the plain sequence (its first point is the origin); with it, scrambled and shifted, the
 * draws taken dimension by dimension (32 for the scramble, then 1 for the shift).
 */
export function sobolPoints(n: number, d: number, rng?: () => number): number[][] {
  if (!Number.isInteger(n) || n < 0 || n > 2 ** 30) throw new RangeError(`sobolPoints: n must be an integer in 0..2^30, got ${n}`);
  if (!Number.isInteger(d) || d < 1 || d > SOBOL_MAX_DIMENSIONS) {
    throw new RangeError(`sobolPoints: d must be an integer in 1..${SOBOL_MAX_DIMENSIONS} (the direction numbers held), got ${d}`);
  }
  const v: Uint32Array[] = [];
  const x = new Uint32Array(d);
  for (let j = 0; j < d; j++) {
    v.push(rng ? scramble(directions(j), rng) : directions(j));
    if (rng) x[j] = randomWord(rng);
  }
  const points: number[][] = [];
  for (let i = 0; i < n; i++) {
    // Gray code: point i differs from point i-1 by the direction number of i's lowest set bit.
    if (i > 0) {
      const c = 31 - Math.clz32(i & -i);
      for (let j = 0; j < d; j++) x[j] ^= v[j][c];
    }
    points.push(Array.from(x, (w) => w / TWO32));
  }
  return points;
}
