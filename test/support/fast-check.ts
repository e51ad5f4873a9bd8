/**
 * Replaying a failed property. fast-check prints the seed and path of a failure ("seed: 1234,
 * path: "7:1:0""). Rerun with FC_SEED=1234 and the same file: every property of the file draws
 * the same cases again, so the failing one fails again. Add FC_PATH=7:1:0 together with `-t` (that
 * one property only) to start straight from the failing case and its shrinking.
 */
import fc from 'fast-check';

const seed = process.env.FC_SEED;
const path = process.env.FC_PATH;
if (seed !== undefined) {
  if (!/^-?\d+$/.test(seed)) throw new Error(`FC_SEED: got "${seed}", expected the integer seed fast-check printed`);
  fc.configureGlobal({ seed: Number(seed), ...(path !== undefined ? { path } : {}) });
}
