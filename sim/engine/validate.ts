/**
 * Validation of parameter sets and schedules against a model's parameter definitions. Every
 * refusal names the parameter, the value given and what is allowed; nothing invalid reaches the
 * engine.
 */
import type { ParamDef, ParamValue } from './params';

export class ParamError extends Error {
  constructor(
    readonly field: string,
    readonly value: unknown,
    readonly expected: string,
  ) {
    super(`${field.length > SHOWN_CHARS ? `${field.slice(0, SHOWN_CHARS)}...` : field}: got ${showValue(value)}, expected ${expected}`);
    this.name = 'ParamError';
  }
}

/** One scheduled change: parameter `name` takes `value` from the start of tick `tick`. */
export interface ScheduledChange {
  readonly tick: number;
  readonly name: string;
  readonly value: ParamValue;
}

/** A schedule entry as given (any model's parameter names); validateSchedule checks it. */
export interface ScheduleEntry {
  readonly tick: number;
  readonly name: string;
  readonly value: unknown;
}

export const MAX_TICKS = 36_500;

/** The most of an offending value an error message shows (a 50 MB file must not echo back). */
export const SHOWN_CHARS = 200;

/**
 * A value as an error message shows it: JSON when short; otherwise its start and its size
 * ("an array of 50,000 items: [1,2,3,...]"); never "[object Object]" and never more than about
 * SHOWN_CHARS characters.
 */
export function showValue(v: unknown, max = SHOWN_CHARS): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  if (typeof v === 'string') {
    if (v.length <= max) return JSON.stringify(v);
    return `${JSON.stringify(v.slice(0, max))}... (${v.length.toLocaleString('en-US')} characters)`;
  }
  if (typeof v !== 'object') return `a ${typeof v}`;
  let json: string | undefined;
  try {
    json = JSON.stringify(v);
  } catch {
    json = undefined; // cycles, BigInt
  }
  if (json !== undefined && json.length <= max) return json;
  const head = json === undefined ? '' : `: ${json.slice(0, Math.max(0, max - 40))}...`;
  if (Array.isArray(v)) return `an array of ${v.length.toLocaleString('en-US')} item${v.length === 1 ? '' : 's'}${head}`;
  const keys = Object.keys(v);
  return `an object with ${keys.length.toLocaleString('en-US')} key${keys.length === 1 ? '' : 's'}${head}`;
}

/** What a definition allows, in words, for error messages and `r2p-sim params`. */
export function allowedText(d: ParamDef): string {
  switch (d.kind) {
    case 'boolean':
      return 'true or false';
    case 'enum':
      return `one of ${d.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'integer':
      return `an integer from ${d.min} to ${d.max}`;
    case 'number':
      return `a number from ${d.min} to ${d.max}`;
  }
}

function editDistance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0];
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j];
      dp[j] = Math.min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length];
}

/** The known name nearest to a misspelt one, if it is near enough to suggest. */
export function closestName(name: string, names: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const n of names) {
    const dist = editDistance(name.toLowerCase(), n.toLowerCase());
    if (dist < bestD) [best, bestD] = [n, dist];
  }
  return bestD <= 3 ? best : undefined;
}

/** A model's parameter definitions (each model has its own). */
export type ParamDefs = readonly ParamDef[];

const BY_NAME = new WeakMap<ParamDefs, ReadonlyMap<string, ParamDef>>();

function byName(defs: ParamDefs): ReadonlyMap<string, ParamDef> {
  let m = BY_NAME.get(defs);
  if (!m) BY_NAME.set(defs, (m = new Map(defs.map((d) => [d.name, d]))));
  return m;
}

/** Every default of a set of definitions. */
export function defaultsOf(defs: ParamDefs): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  for (const d of defs) out[d.name] = d.default;
  return out;
}

export function lookupParam(name: string, field: string, defs: ParamDefs): ParamDef {
  const d = byName(defs).get(name);
  if (d) return d;
  const best = closestName(name, defs.map((p) => p.name));
  const hint = best ? ` (did you mean "${best}"?)` : '';
  throw new ParamError(field, name, `a known parameter name${hint}; \`r2p-sim params\` lists them`);
}

/** Check one value of the right JS type against its definition; returns it unchanged. */
export function checkValue(d: ParamDef, value: unknown, field: string = d.name): ParamValue {
  switch (d.kind) {
    case 'boolean':
      if (typeof value !== 'boolean') throw new ParamError(field, value, allowedText(d));
      return value;
    case 'enum':
      if (typeof value !== 'string' || !d.values.includes(value)) throw new ParamError(field, value, allowedText(d));
      return value;
    case 'integer':
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new ParamError(field, value, allowedText(d));
      if (d.kind === 'integer' && !Number.isInteger(value)) throw new ParamError(field, value, allowedText(d));
      if (value < d.min || value > d.max) throw new ParamError(field, value, allowedText(d));
      // -0 is a valid zero but JSON (run files) writes it as 0: store +0 so that a run replays.
      return value === 0 ? 0 : value;
  }
}

/** Parse a value written as text (CLI, URL) into the definition's type, then check it. */
export function parseValue(d: ParamDef, raw: string, field: string = d.name): ParamValue {
  const text = raw.trim();
  switch (d.kind) {
    case 'boolean':
      if (text === 'true' || text === '1') return true;
      if (text === 'false' || text === '0') return false;
      throw new ParamError(field, raw, allowedText(d));
    case 'enum':
      return checkValue(d, text, field);
    case 'integer':
    case 'number': {
      const n = text === '' ? NaN : Number(text);
      // Name the text that was given, not the NaN it parses to.
      if (Number.isNaN(n)) throw new ParamError(field, raw, allowedText(d));
      return checkValue(d, n, field);
    }
  }
}

/** A full parameter set from `base` (defaults or a preset) and overrides; unknown names are refused. */
export function resolveParams(
  overrides: Readonly<Record<string, unknown>>,
  base: Readonly<Record<string, ParamValue>>,
  defs: ParamDefs,
): Record<string, ParamValue> {
  if (overrides === null || typeof overrides !== 'object' || Array.isArray(overrides)) {
    throw new ParamError('params', overrides, 'an object of parameter names to values');
  }
  const out: Record<string, ParamValue> = { ...base };
  for (const [name, value] of Object.entries(overrides)) {
    const d = lookupParam(name, `params.${name}`, defs);
    out[name] = checkValue(d, value, `params.${name}`);
  }
  return out;
}

/** Parse `name=value` or `name=value@tick` (a CLI `--set`); `name` in camelCase or kebab-case. */
export function parseSetting(text: string, defs: ParamDefs): ScheduledChange {
  const m = /^\s*([A-Za-z][A-Za-z0-9-]*)\s*=\s*([^@]*?)\s*(?:@\s*(.*?))?\s*$/.exec(text);
  if (!m) throw new ParamError('--set', text, 'name=value or name=value@tick');
  const [, written, rawValue, rawTick] = m;
  // The name as flags write it (kebab-case) or as the schema does (camelCase).
  const name = written.replace(/-+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase());
  let d: ParamDef;
  try {
    d = lookupParam(name, `--set ${written}`, defs);
  } catch (e) {
    if (e instanceof ParamError) throw new ParamError(e.field, written, e.expected);
    throw e;
  }
  const value = parseValue(d, rawValue, `--set ${written}`);
  let tick = 0;
  if (rawTick !== undefined) {
    tick = rawTick === '' ? NaN : Number(rawTick);
    if (!Number.isInteger(tick) || tick < 0) throw new ParamError(`--set ${written}@tick`, rawTick, 'a whole tick from 0');
  }
  return { tick, name: d.name, value };
}

/** Check a schedule against the run length; structural parameters cannot change mid-run. */
export function validateSchedule(schedule: readonly ScheduleEntry[], ticks: number, defs: ParamDefs): ScheduledChange[] {
  if (!Array.isArray(schedule)) throw new ParamError('schedule', schedule, 'a list of {tick, name, value}');
  return schedule.map((c, i) => {
    const field = `schedule[${i}]`;
    if (c === null || typeof c !== 'object') throw new ParamError(field, c, 'an object {tick, name, value}');
    const d = lookupParam(String(c.name), `${field}.name`, defs);
    const value = checkValue(d, c.value, `${field}.value (${d.name})`);
    if (typeof c.tick !== 'number' || !Number.isInteger(c.tick) || c.tick < 0 || c.tick >= ticks) {
      throw new ParamError(`${field}.tick (${d.name})`, c.tick, `an integer tick from 0 to ${ticks - 1} (the run has ${ticks} ticks)`);
    }
    if (d.structural && c.tick > 0) {
      throw new ParamError(`${field}.tick (${d.name})`, c.tick, `0: ${d.name} shapes the world at set-up and cannot change mid-run`);
    }
    return { tick: c.tick, name: d.name, value };
  });
}

export function validateTicks(ticks: unknown, field = 'ticks'): number {
  if (typeof ticks !== 'number' || !Number.isInteger(ticks) || ticks < 1 || ticks > MAX_TICKS) {
    throw new ParamError(field, ticks, `an integer from 1 to ${MAX_TICKS}`);
  }
  return ticks;
}

/**
 * A seed written as text (CLI, URL, form), by one rule:
 * - an integer (optional sign, decimal digits: `7`, `07`, `+7`, `-3`) is that integer seed, so
 *   `7`, `07` and `+7` are the same seed, and the same as the number 7 given to the API;
 * - anything else that reads as a number (`1.5`, `1e30`, `0x7`, `NaN`, `Infinity`, an integer
 *   beyond 2^53 - 1) is refused, since it is neither an integer seed nor clearly text;
 * - any other text (`alpha`, `run-7`) is a text seed, used as given (after trimming spaces).
 */
export function parseSeed(text: string, field = 'seed'): number | string {
  const t = text.trim();
  if (/^[+-]?\d+$/.test(t)) {
    const n = Number(t);
    if (!Number.isSafeInteger(n)) throw new ParamError(field, text, `an integer seed from ${-Number.MAX_SAFE_INTEGER} to ${Number.MAX_SAFE_INTEGER}, or a text seed`);
    return n === 0 ? 0 : n; // -0 is 0
  }
  if (NUMBER_LIKE.test(t)) {
    throw new ParamError(field, text, 'an integer seed (digits, with an optional sign) or a text seed that does not read as a number');
  }
  return validateSeed(t, field);
}

/** Texts JavaScript would read as a number that is not a plain integer. */
const NUMBER_LIKE = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?|0x[0-9a-f]+|0o[0-7]+|0b[01]+|infinity|nan)$/i;

/** A seed given to the API: a safe integer, or a non-empty text of at most 200 characters. */
export function validateSeed(seed: unknown, field = 'seed'): number | string {
  if (typeof seed === 'number' && Number.isSafeInteger(seed)) return seed === 0 ? 0 : seed;
  if (typeof seed === 'string' && seed.length > 0 && seed.length <= 200) return seed;
  throw new ParamError(field, seed, 'a safe integer or a non-empty string of at most 200 characters');
}
