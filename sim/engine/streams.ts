/**
 * Named, seeded random streams. Every draw in a model comes from a stream identified by
 * (run seed, stream name, tick): a fresh seedrandom Alea generator per (name, tick). Because a
 * stream's numbers depend on nothing but its name and tick, twin runs share them: a change that
 * alters what one agent does cannot shift the numbers any other agent, or any later tick, sees.
 * That is what makes counterfactual arms comparable draw for draw (common random numbers).
 */
import seedrandom from 'seedrandom';
import { cos, ln } from './portable-math';

export type Uniform = () => number;

/** Observer for tests and audits: sees every draw with its stream, tick and position. */
export type DrawObserver = (stream: string, tick: number, index: number, value: number) => void;

export class Streams {
  private observer: DrawObserver | undefined;

  constructor(readonly seed: string, observer?: DrawObserver) {
    this.observer = observer;
  }

  /** The generator for `name` at `tick` (use -1 for set-up). Same inputs, same numbers. */
  at(name: string, tick: number): Uniform {
    const prng = seedrandom.alea(`${this.seed}|${name}|${tick}`);
    const obs = this.observer;
    if (!obs) return prng;
    let i = 0;
    return () => {
      const v = prng();
      obs(name, tick, i++, v);
      return v;
    };
  }

  /** Fill `out` with uniforms from stream `name` at `tick`: slot k always gets the k-th draw. */
  fill(name: string, tick: number, out: Float64Array): void {
    const prng = seedrandom.alea(`${this.seed}|${name}|${tick}`);
    for (let k = 0; k < out.length; k++) out[k] = prng();
    const obs = this.observer;
    if (obs) for (let k = 0; k < out.length; k++) obs(name, tick, k, out[k]);
  }
}

/**
 * Standard normal from two uniforms (Box-Muller). ln and cos are the fdlibm ports of
 * ./portable-math, not Math.log and Math.cos, so the result is the same in every JS engine.
 */
export function normal(u: Uniform): number {
  const u1 = 1 - u(); // (0, 1]
  const u2 = u();
  return Math.sqrt(-2 * ln(u1)) * cos(2 * Math.PI * u2);
}

/** Canonical text form of a run seed: integers and strings are both accepted. */
export function seedText(seed: number | string): string {
  return typeof seed === 'number' ? String(seed) : seed;
}
