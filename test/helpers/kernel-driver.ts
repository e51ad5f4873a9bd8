/**
 * A tiny driver for tests that run a ModelKernel directly (before and apart from the engine's
 * runModel): resolve defaults (or a preset) plus overrides against the kernel's own parameters,
 * seed the named streams with `new Streams(String(seed))`, create the world, apply scheduled
 * changes at the start of their tick (tick-0 changes before set-up, as the engine does), step
 * `ticks` times into one Float64Array per series, and return the series, the summary and the
 * world. Not a test file itself (vitest only collects *.test.ts).
 */
import type { KernelParams, ModelKernel } from '../../sim/kernel';
import type { ParamValue } from '../../sim/params/schema';
import { defaultsOf, resolveParams } from '../../sim/params/validate';
import { Streams } from '../../sim/rng';

export interface DriverChange {
  readonly tick: number;
  readonly name: string;
  readonly value: ParamValue;
}

export interface DriverSpec {
  /** A preset of the kernel to start from instead of its defaults. */
  readonly preset?: string;
  readonly params?: Readonly<Record<string, unknown>>;
  readonly seed: number | string;
  readonly ticks?: number;
  /** Parameter `name` takes `value` from the start of tick `tick`. */
  readonly schedule?: readonly DriverChange[];
}

export interface DriverResult<W, S> {
  readonly params: KernelParams;
  readonly series: Record<string, Float64Array>;
  readonly summary: S;
  readonly world: W;
  readonly ticks: number;
}

export function driveKernel<W, S extends object>(kernel: ModelKernel<W, S>, spec: DriverSpec): DriverResult<W, S> {
  const defs = kernel.params;
  let base: Record<string, ParamValue> = defaultsOf(defs);
  if (spec.preset !== undefined) {
    const preset = kernel.presets?.[spec.preset];
    if (!preset) throw new Error(`${kernel.id} has no preset "${spec.preset}"`);
    base = resolveParams(preset.values, base, defs);
  }
  const initial: KernelParams = resolveParams(spec.params ?? {}, base, defs);
  const ticks = spec.ticks ?? kernel.defaultTicks;
  const schedule = [...(spec.schedule ?? [])].sort((a, b) => a.tick - b.tick);
  const apply = (p: KernelParams, t: number): KernelParams => {
    const changes = schedule.filter((c) => c.tick === t);
    return changes.length ? resolveParams(Object.fromEntries(changes.map((c) => [c.name, c.value])), p, defs) : p;
  };
  let params = apply(initial, 0);
  const streams = new Streams(String(spec.seed));
  const world = kernel.create(params, streams);
  const series: Record<string, Float64Array> = {};
  for (const s of kernel.series) series[s.name] = new Float64Array(ticks);
  const out = new Float64Array(kernel.series.length);
  for (let t = 0; t < ticks; t++) {
    if (t > 0) params = apply(params, t);
    out.fill(0);
    kernel.step(world, params, t, streams, out);
    kernel.series.forEach((s, k) => (series[s.name][t] = out[k]));
  }
  return { params: initial, series, summary: kernel.summarise(world, series, ticks, params), world, ticks };
}
