/**
 * A sweep file read against its model: parameter names and ranges from the model's schema, the
 * scenario's parameters and run length, schedule changes whose value or tick is a factor, the
 * design's levels, the seed policy and the outcomes. Every problem is reported with the file, the
 * path, the value and what was expected (SweepError), all at once.
 *
 * Scenarios come in through `SweepEnv` (the caller maps a scenario to parameters with
 * scenarios/, as `run` does), so that analysis/ stays free of the layers above it.
 */
import {
  DEFAULT_MODEL,
  ParamError,
  allowedText,
  checkValue,
  closestName,
  modelKernel,
  presetValues,
  runModel,
  type ModelKernel,
  type ParamDef,
  type ParamValue,
} from '../../sim/index';
import { SALTELLI_MAX_FACTORS } from '../designs';
import { SweepError, type SweepIssue } from './errors';
import { parseSweepText, validateSweepShape } from './load';
import { planOutcomes, type FieldKind, type OutcomeSet } from './outcomes';
import { IDENTIFIER, MAX_RUNS, type DesignSpec, type SweepFile } from './schema';

/** A scenario as the sweep needs it; the CLI and the app build it with scenarios/. */
export interface ScenarioInfo {
  readonly id: string;
  /** The parameters the scenario maps to; `agents` given: a resolution (its population spread over them). */
  params(agents?: number): Record<string, ParamValue>;
  /** Its run length in days. */
  readonly ticks: number;
  /** Its documented figures, for outcome expressions (`scenario.NAME`). */
  readonly figures: Readonly<Record<string, number | string>>;
}

export interface SweepEnv {
  /** The scenario `ref` names (built-in id or file); throws an Error saying why when it cannot. */
  scenario(ref: string): ScenarioInfo;
}

/** Where a factor's value goes. */
export type FactorTarget = { readonly kind: 'param'; readonly param: string } | { readonly kind: 'value' } | { readonly kind: 'tick' };

export interface ResolvedFactor {
  /** Its column name. */
  readonly name: string;
  readonly target: FactorTarget;
  /** The value kind: a parameter's kind, or 'integer' for a tick. */
  readonly kind: ParamDef['kind'];
  /** The values it takes, when it is a list (levels, a grid's steps, an enum's or boolean's values). */
  readonly levels: readonly ParamValue[] | null;
  /** Its range, when it is continuous. */
  readonly min: number | null;
  readonly max: number | null;
}

/** One scheduled change of the sweep: its value and tick fixed or taken from a factor (by index). */
export interface ScheduleTemplate {
  readonly param: string;
  readonly value: { readonly fixed: ParamValue } | { readonly factor: number };
  readonly tick: { readonly fixed: number } | { readonly factor: number };
}

export interface ResolvedSweep {
  readonly file: string;
  readonly sweep: SweepFile;
  readonly kernel: ModelKernel<unknown, object>;
  readonly model: { readonly id: string; readonly version: string };
  readonly scenario: ScenarioInfo | null;
  readonly preset: string | null;
  readonly ticks: number;
  readonly replicates: number;
  readonly seeds: { readonly policy: 'common' | 'independent'; readonly base: number };
  readonly design: DesignSpec;
  readonly factors: readonly ResolvedFactor[];
  readonly schedule: readonly ScheduleTemplate[];
  readonly outcomes: OutcomeSet;
  /** The parameters every run starts from (scenario, preset, base params); `agents` when a factor sets it. */
  baseParams(agents?: number): Record<string, ParamValue>;
  /** Design points (before replicates) and runs. */
  readonly points: number;
  readonly runs: number;
}

/** The columns every runs table has besides the factors and outcomes. */
export const FIXED_COLUMNS = ['run', 'point', 'replicate', 'seed', 'hash', 'error'] as const;

const PLACEHOLDER = /^\{([A-Za-z_][A-Za-z0-9_]*)\}$/;
const SETTING = /^\s*([A-Za-z][A-Za-z0-9-]*)\s*=\s*([^@]*?)\s*(?:@\s*(.*?))?\s*$/;

const summaryProbe = new Map<string, ReadonlyMap<string, FieldKind>>();

/** The summary fields of a model and what each holds, from a one-tick probe run (cached). */
export function summaryFields(kernel: ModelKernel<unknown, object>): ReadonlyMap<string, FieldKind> {
  let m = summaryProbe.get(kernel.id);
  if (m) return m;
  const small = kernel.id === DEFAULT_MODEL ? { agents: 100, peoplePerAgent: 1 } : {};
  const summary = runModel({ model: kernel.id, seed: 1, ticks: 1, params: small }).summary as unknown as Record<string, unknown>;
  const kinds = new Map<string, FieldKind>();
  for (const [k, v] of Object.entries(summary)) {
    kinds.set(k, v === null ? 'nullable' : typeof v === 'boolean' ? 'boolean' : typeof v === 'string' ? 'text' : Array.isArray(v) || typeof v === 'object' ? 'list' : 'number');
  }
  summaryProbe.set(kernel.id, (m = kinds));
  return m;
}

/** Round to 12 significant digits: evenly spaced steps print as 0.6, not 0.6000000000000001. */
const tidy = (x: number) => (x === 0 ? 0 : Number(x.toPrecision(12)));

/** The number of values of a grid factor. */
export function levelCount(f: ResolvedFactor): number {
  return f.levels ? f.levels.length : 0;
}

/**
 * The factor's value at unit coordinate u in [0, 1]: a list's level floor(u L) (the last for
 * u = 1); an integer's min + floor(u (max - min + 1)), so each whole value is equally likely (u = 1
 * gives max); a number's min + u (max - min).
 */
export function factorValue(f: ResolvedFactor, u: number): ParamValue {
  if (f.levels) return f.levels[Math.min(f.levels.length - 1, Math.floor(u * f.levels.length))];
  const min = f.min!;
  const max = f.max!;
  if (f.kind === 'integer') return Math.min(max, min + Math.floor(u * (max - min + 1)));
  return Math.min(max, min + u * (max - min));
}

/** Parse, validate and resolve a sweep file's text; throws SweepError naming `file`. */
export function loadSweep(text: string, file: string, env: SweepEnv): ResolvedSweep {
  const { sweep } = parseSweepText(text, file);
  return resolveSweep(sweep, file, env);
}

/** Validate parsed JSON and resolve it; throws SweepError naming `file`. */
export function resolveSweepData(data: unknown, file: string, env: SweepEnv): ResolvedSweep {
  return resolveSweep(validateSweepShape(data, file), file, env);
}

export function resolveSweep(sweep: SweepFile, file: string, env: SweepEnv): ResolvedSweep {
  const issues: SweepIssue[] = [];
  const fail = (path: string, value: unknown, expected: string) => issues.push({ path, value, expected });
  const kernel = modelKernel(sweep.model ?? DEFAULT_MODEL);
  const defs = kernel.params;
  const defOf = (name: string) => defs.find((d) => d.name === name);
  const isMain = kernel.id === DEFAULT_MODEL;
  const paramNames = defs.map((d) => d.name);
  const unknownParam = (name: string) => {
    const near = closestName(name, paramNames);
    return `a parameter of model ${kernel.id}${near ? ` (did you mean "${near}"?)` : ''}; \`r2p-sim params${isMain ? '' : ` --model ${kernel.id}`}\` lists them`;
  };

  // ---- model, scenario, preset, ticks -------------------------------------------------------
  let scenario: ScenarioInfo | null = null;
  if (!isMain && sweep.scenario !== undefined) fail('scenario', sweep.scenario, `no scenario: scenarios describe situations for the model ${DEFAULT_MODEL}; model ${kernel.id} takes "preset" and "params"`);
  if (isMain) {
    try {
      scenario = env.scenario(sweep.scenario ?? 'default');
    } catch (e) {
      fail('scenario', sweep.scenario ?? 'default', `a scenario that can be read: ${(e as Error).message}`);
    }
  }
  let preset: Record<string, ParamValue> = {};
  if (sweep.preset !== undefined) {
    try {
      preset = { ...presetValues(kernel, sweep.preset, 'preset') };
    } catch (e) {
      if (!(e instanceof ParamError)) throw e;
      fail('preset', sweep.preset, e.expected);
    }
  }
  const ticks = sweep.ticks ?? scenario?.ticks ?? kernel.defaultTicks;

  // ---- base parameters ---------------------------------------------------------------------
  const base: Record<string, ParamValue> = {};
  for (const [name, value] of Object.entries(sweep.params ?? {})) {
    const d = defOf(name);
    if (!d) {
      fail(`params.${name}`, name, unknownParam(name));
      continue;
    }
    try {
      base[name] = checkValue(d, value, `params.${name}`);
    } catch (e) {
      if (!(e instanceof ParamError)) throw e;
      fail(`params.${name}`, value, e.expected);
    }
  }

  // ---- factors (first pass: names and targets) ---------------------------------------------
  const factorSpecs = sweep.factors;
  const names = factorSpecs.map((f) => f.name ?? f.param ?? '');
  const factorIndex = new Map<string, number>();
  names.forEach((n, i) => {
    if (factorIndex.has(n)) fail(`factors[${i}]${factorSpecs[i].name ? '.name' : '.param'}`, n, `a name no other factor has (factors[${factorIndex.get(n)}] is also "${n}"; give "name")`);
    else factorIndex.set(n, i);
  });
  factorSpecs.forEach((f, i) => {
    if (f.param !== undefined && f.name === undefined && !IDENTIFIER.test(f.param)) fail(`factors[${i}].param`, f.param, 'a parameter name (letters and digits)');
  });

  // ---- the schedule ------------------------------------------------------------------------
  const schedule: ScheduleTemplate[] = [];
  /** For each factor used in the schedule: where (value of which parameter, or tick). */
  const uses = new Map<number, { kind: 'value' | 'tick'; param: string; at: number }[]>();
  const use = (factor: number, kind: 'value' | 'tick', param: string, at: number) => {
    const list = uses.get(factor) ?? [];
    list.push({ kind, param, at });
    uses.set(factor, list);
  };
  (sweep.schedule ?? []).forEach((textRaw, j) => {
    const path = `schedule[${j}]`;
    const m = SETTING.exec(textRaw);
    if (!m) {
      fail(path, textRaw, 'a change "name=value@tick" ({factor} may stand for the value or the tick)');
      return;
    }
    const [, written, rawValue, rawTick] = m;
    const name = written.replace(/-+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase());
    const d = defOf(name);
    if (!d) {
      fail(path, textRaw, `a change of ${unknownParam(written)}`);
      return;
    }
    let value: ScheduleTemplate['value'];
    const vp = PLACEHOLDER.exec(rawValue);
    if (vp) {
      const fi = factorIndex.get(vp[1]);
      if (fi === undefined) {
        fail(path, textRaw, `a placeholder {${vp[1]}} naming a factor (factors: ${names.join(', ') || 'none'})`);
        return;
      }
      value = { factor: fi };
      use(fi, 'value', d.name, j);
    } else {
      const text = rawValue.trim();
      let v: ParamValue;
      try {
        if (d.kind === 'boolean') {
          if (text !== 'true' && text !== 'false') throw new ParamError(path, rawValue, allowedText(d));
          v = text === 'true';
        } else if (d.kind === 'enum') v = checkValue(d, text, path);
        else v = checkValue(d, text === '' ? NaN : Number(text), path);
      } catch (e) {
        if (!(e instanceof ParamError)) throw e;
        fail(path, textRaw, `a value of ${d.name}: ${e.expected}`);
        return;
      }
      value = { fixed: v };
    }
    let tick: ScheduleTemplate['tick'];
    const tp = rawTick === undefined ? null : PLACEHOLDER.exec(rawTick);
    if (tp) {
      const fi = factorIndex.get(tp[1]);
      if (fi === undefined) {
        fail(path, textRaw, `a placeholder {${tp[1]}} naming a factor (factors: ${names.join(', ') || 'none'})`);
        return;
      }
      if (d.structural) {
        fail(path, textRaw, `a fixed tick 0: ${d.name} shapes the world at set-up and cannot change mid-run, so its day cannot be a factor`);
        return;
      }
      tick = { factor: fi };
      use(fi, 'tick', d.name, j);
    } else {
      const t = rawTick === undefined ? 0 : rawTick.trim() === '' ? NaN : Number(rawTick);
      if (!Number.isInteger(t) || t < 0 || t >= ticks) {
        fail(path, textRaw, `a tick, an integer from 0 to ${ticks - 1} (runs last ${ticks} days)`);
        return;
      }
      if (d.structural && t > 0) {
        fail(path, textRaw, `tick 0: ${d.name} shapes the world at set-up and cannot change mid-run`);
        return;
      }
      tick = { fixed: t };
    }
    schedule.push({ param: d.name, value, tick });
  });

  // ---- factors (second pass: kinds, ranges, levels) -----------------------------------------
  const grid = sweep.design.kind === 'grid';
  const factors: ResolvedFactor[] = [];
  const paramFactors = new Map<string, number>();
  factorSpecs.forEach((f, i) => {
    const at = `factors[${i}]`;
    const name = names[i];
    const used = uses.get(i) ?? [];
    let target: FactorTarget;
    let d: ParamDef | undefined;
    if (f.param !== undefined) {
      d = defOf(f.param);
      if (!d) {
        fail(`${at}.param`, f.param, unknownParam(f.param));
        return;
      }
      if (paramFactors.has(d.name)) {
        fail(`${at}.param`, f.param, `a parameter no other factor varies (factors[${paramFactors.get(d.name)}] does)`);
        return;
      }
      paramFactors.set(d.name, i);
      if (used.length) {
        fail(`${at}.param`, f.param, `a factor either sets a parameter from day 0 ("param") or stands in the schedule ({${name}}), not both; drop "param" to use it in schedule[${used[0].at}]`);
        return;
      }
      target = { kind: 'param', param: d.name };
    } else {
      if (used.length === 0) {
        const near = defOf(name) ? `; to vary parameter ${name} from day 0, write "param": "${name}"` : '';
        fail(`${at}.name`, name, `a placeholder {${name}} used in "schedule" (a factor without "param" is the value or tick of a scheduled change)${near}`);
        return;
      }
      const kinds = new Set(used.map((u) => u.kind));
      if (kinds.size > 1) {
        fail(`${at}.name`, name, `one role: {${name}} stands for a value in schedule[${used.find((u) => u.kind === 'value')!.at}] and for a tick in schedule[${used.find((u) => u.kind === 'tick')!.at}]`);
        return;
      }
      if (used[0].kind === 'tick') target = { kind: 'tick' };
      else {
        target = { kind: 'value' };
        d = defOf(used[0].param)!;
        const other = used.find((u) => defOf(u.param)!.kind !== d!.kind);
        if (other) {
          fail(`${at}.name`, name, `values of one kind: {${name}} is a ${d.kind} for ${d.name} and a ${defOf(other.param)!.kind} for ${other.param}`);
          return;
        }
      }
    }
    const kind: ParamDef['kind'] = target.kind === 'tick' ? 'integer' : d!.kind;
    // What the values must lie in: the parameter's range (every parameter it sets), or the run's days.
    const ranges: { lo: number; hi: number; what: string }[] =
      target.kind === 'tick'
        ? [{ lo: 0, hi: ticks - 1, what: `a day of the run, an integer from 0 to ${ticks - 1} (runs last ${ticks} days)` }]
        : (target.kind === 'param' ? [d!] : used.map((u) => defOf(u.param)!))
            .filter((x): x is ParamDef & { kind: 'number' | 'integer' } => x.kind === 'number' || x.kind === 'integer')
            .map((x) => ({ lo: x.min, hi: x.max, what: `${allowedText(x)} (the range of parameter ${x.name})` }));
    const checkOne = (path: string, v: unknown): boolean => {
      if (kind === 'enum' || kind === 'boolean') {
        const defsToCheck = target.kind === 'param' ? [d!] : used.map((u) => defOf(u.param)!);
        for (const x of defsToCheck) {
          try {
            checkValue(x, v, path);
          } catch (e) {
            if (!(e instanceof ParamError)) throw e;
            fail(path, v, `${e.expected} (parameter ${x.name})`);
            return false;
          }
        }
        return true;
      }
      if (typeof v !== 'number' || !Number.isFinite(v) || (kind === 'integer' && !Number.isInteger(v))) {
        fail(path, v, kind === 'integer' ? `an integer${target.kind === 'tick' ? ' (a day)' : ''}` : 'a number');
        return false;
      }
      for (const r of ranges) {
        if (v < r.lo || v > r.hi) {
          fail(path, v, r.what);
          return false;
        }
      }
      return true;
    };
    let levels: ParamValue[] | null = null;
    let min: number | null = null;
    let max: number | null = null;
    if (kind === 'enum' || kind === 'boolean') {
      if (f.min !== undefined) {
        fail(`${at}.min`, f.min, `no range: ${name} takes ${allowedText(d!)}; give "levels" (default: every value)`);
        return;
      }
      levels = f.levels ? [...f.levels] : d!.kind === 'enum' ? [...d!.values] : [false, true];
      if (!levels.every((v, k) => checkOne(`${at}.levels[${k}]`, v))) return;
    } else if (f.levels) {
      if (!f.levels.every((v, k) => checkOne(`${at}.levels[${k}]`, v))) return;
      levels = [...f.levels];
    } else if (f.min !== undefined && f.max !== undefined) {
      if (!checkOne(`${at}.min`, f.min) || !checkOne(`${at}.max`, f.max)) return;
      min = f.min;
      max = f.max;
      if (f.steps !== undefined) {
        if (!grid) {
          fail(`${at}.steps`, f.steps, `no steps: they apply to a grid design (this design, ${sweep.design.kind}, samples the range min..max)`);
          return;
        }
        const values: number[] = [];
        for (let s = 0; s < f.steps; s++) {
          const x = s === f.steps - 1 ? max : min + (s * (max - min)) / (f.steps - 1);
          values.push(kind === 'integer' ? Math.round(x) : tidy(x));
        }
        if (new Set(values).size < values.length) {
          fail(`${at}.steps`, f.steps, `at most ${max - min + 1} steps: the integers from ${min} to ${max} have no more values`);
          return;
        }
        levels = values;
      }
    } else {
      fail(at, f, target.kind === 'tick' ? 'min and max days, or levels (a list of days)' : `a range (min and max) or levels: ${name} takes ${allowedText(d!)}`);
      return;
    }
    if (levels && new Set(levels).size < levels.length) {
      fail(`${at}.levels`, levels, 'levels without repeats');
      return;
    }
    if (grid && !levels) {
      fail(at, f, `levels or steps: a grid design takes each factor at a list of values ("levels": [...], or "min", "max" and "steps")`);
      return;
    }
    factors.push({ name, target, kind, levels, min: levels ? null : min, max: levels ? null : max });
  });

  // ---- design ------------------------------------------------------------------------------
  const k = factorSpecs.length;
  const design = sweep.design;
  let points = 0;
  if (design.kind !== 'grid' && k === 0) fail('factors', [], `at least one factor for a ${design.kind} design`);
  if (design.kind === 'sobol' && k > SALTELLI_MAX_FACTORS) fail('factors', `${k} factors`, `at most ${SALTELLI_MAX_FACTORS} factors for a Sobol design`);
  switch (design.kind) {
    case 'grid':
      points = factors.reduce((n, f) => n * levelCount(f), 1);
      break;
    case 'lhs':
      points = design.samples;
      break;
    case 'morris':
      points = design.trajectories * (k + 1);
      break;
    case 'sobol':
      points = design.samples * (k + 2);
      break;
  }
  const replicates = sweep.replicates ?? 1;
  const runs = points * replicates;
  if (issues.length === 0 && runs > MAX_RUNS) fail('replicates', replicates, `fewer runs: ${points.toLocaleString('en-US')} design points x ${replicates} replicates is more than ${MAX_RUNS.toLocaleString('en-US')} runs`);

  // ---- outcomes ----------------------------------------------------------------------------
  const { set: outcomes, issues: outcomeIssues } = planOutcomes(sweep.outcomes, {
    summaryFields: summaryFields(kernel),
    series: kernel.series.map((s) => s.name),
    params: paramNames,
    figures: Object.keys(scenario?.figures ?? {}),
    population: Boolean(defOf('agents') && defOf('peoplePerAgent')),
  });
  for (const o of outcomeIssues) fail(`outcomes[${o.index}]${o.field ? `.${o.field}` : ''}`, o.value, o.expected);

  // ---- column names ------------------------------------------------------------------------
  const taken = new Map<string, string>(FIXED_COLUMNS.map((c) => [c, 'a fixed column']));
  factorSpecs.forEach((f, i) => {
    const n = names[i];
    if ((FIXED_COLUMNS as readonly string[]).includes(n)) fail(`factors[${i}]`, n, `another name: "${n}" is a fixed column (${FIXED_COLUMNS.join(', ')}); give "name"`);
    taken.set(n, `factors[${i}]`);
  });
  sweep.outcomes.forEach((o, i) => {
    const n = typeof o === 'string' ? o : 'expr' in o ? o.name : (o.name ?? `${o.series}_${o.stat}`);
    const owner = taken.get(n);
    if (owner) fail(`outcomes[${i}]`, n, `a column name not already used (${owner} is "${n}")`);
    else taken.set(n, `outcomes[${i}]`);
  });

  // ---- the parameters every run starts from ------------------------------------------------
  const scaleGiven = 'peoplePerAgent' in base || paramFactors.has('peoplePerAgent') || schedule.some((c) => c.param === 'peoplePerAgent' && 'fixed' in c.tick && c.tick.fixed === 0);
  const cache = new Map<number | undefined, Record<string, ParamValue>>();
  const baseParams = (agents?: number): Record<string, ParamValue> => {
    // Agents are a resolution, as for `run --agents`: the scenario's population is spread over them,
    // unless peoplePerAgent is given (then it is a scale, kept).
    const key = scenario && !scaleGiven ? (agents ?? (base.agents as number | undefined)) : undefined;
    let p = cache.get(key);
    if (!p) {
      p = { ...(scenario ? scenario.params(key) : {}), ...preset, ...base };
      cache.set(key, p);
    }
    return p;
  };
  if (issues.length === 0 && scenario && !paramFactors.has('agents')) {
    try {
      baseParams();
    } catch (e) {
      fail('params.agents', base.agents, `an agent count the scenario can be spread over: ${(e as Error).message}`);
    }
  }

  if (issues.length) throw new SweepError(file, issues);
  return {
    file,
    sweep,
    kernel,
    model: { id: kernel.id, version: kernel.version },
    scenario,
    preset: sweep.preset ?? null,
    ticks,
    replicates,
    seeds: { policy: sweep.seeds?.policy ?? 'common', base: sweep.seeds?.base ?? 1 },
    design,
    factors,
    schedule,
    outcomes,
    baseParams,
    points,
    runs,
  };
}
