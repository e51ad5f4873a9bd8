/**
 * Reading a scenario from text: JSON parsing and validation against the one schema, with errors
 * that name the file, the path inside it, the value found and what was expected. Pure (no file
 * system): the CLI, the browser's file import and URL state all come through here. The text is
 * data only: JSON.parse, never evaluated.
 */
import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type * as z from 'zod';
import { ParamError, closestName, showValue } from '../sim/index';
import { SCENARIO_SCHEMA } from './schema';
import type { Scenario } from './types';

/** One problem in a scenario file. */
export interface ScenarioIssue {
  readonly path: string;
  readonly value: unknown;
  readonly expected: string;
}

/**
 * A scenario file that cannot be used. Its field is "FILE: PATH" (like every ParamError, so the
 * CLI reports it the same way); `issues` holds every problem found, the first one in the message.
 */
export class ScenarioError extends ParamError {
  constructor(
    readonly file: string,
    readonly issues: readonly ScenarioIssue[],
  ) {
    const first = issues[0];
    super(`${file}: ${first.path || '(top level)'}`, first.value, first.expected);
    this.name = 'ScenarioError';
    if (issues.length > 1) {
      const more = issues.slice(1, 8).map((i) => `\n  ${i.path || '(top level)'}: got ${showValue(i.value, 80)}, expected ${i.expected}`);
      const rest = issues.length > 8 ? `\n  ... and ${issues.length - 8} more` : '';
      this.message += `\n  (${issues.length - 1} more problem${issues.length > 2 ? 's' : ''} in ${file})${more.join('')}${rest}`;
    }
  }
}

/** "features.armedConflict.value", "suggestedComparison.set[0]". */
function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const k of path) out += typeof k === 'number' ? `[${k}]` : out === '' ? String(k) : `.${String(k)}`;
  return out;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v = data;
  for (const k of path) {
    if (v === null || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, k)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

type Def = { def: { innerType?: z.ZodType; shape?: Record<string, z.ZodType>; element?: z.ZodType } };

/** The schema under optional() and the like. */
function unwrap(s: z.ZodType): Def {
  let d = s as unknown as Def;
  while (d.def.innerType) d = d.def.innerType as unknown as Def;
  return d;
}

/** The keys the schema allows at an object path (over every kind of scenario). */
function knownKeys(path: readonly PropertyKey[]): string[] {
  const keys = new Set<string>();
  for (const branch of SCENARIO_SCHEMA.options) {
    let d: Def | undefined = unwrap(branch);
    for (const k of path) {
      // An index steps into a list's items (timeline.events[2]); a name into an object's field.
      const next: z.ZodType | undefined = typeof k === 'number' ? d?.def.element : d?.def.shape?.[String(k)];
      d = next ? unwrap(next) : undefined;
    }
    for (const k of Object.keys(d?.def.shape ?? {})) keys.add(k);
  }
  return [...keys];
}

function toIssues(data: unknown, zIssues: readonly z.core.$ZodIssue[]): ScenarioIssue[] {
  const out: ScenarioIssue[] = [];
  for (const i of zIssues) {
    if (i.code === 'unrecognized_keys') {
      const allowed = knownKeys(i.path);
      for (const key of i.keys) {
        const near = closestName(key, allowed);
        out.push({
          path: pathText([...i.path, key]),
          value: valueAt(data, [...i.path, key]),
          expected: `no field "${key}" here${near ? ` (did you mean "${near}"?)` : ''}; allowed: ${allowed.join(', ')}`,
        });
      }
      continue;
    }
    const value = valueAt(data, i.path);
    const missing = value === undefined && i.code === 'invalid_type';
    out.push({ path: pathText(i.path), value, expected: missing ? `a required field: ${i.message}` : i.message });
  }
  return out;
}

/** Where and what the first syntax error is, in words ("line 3, column 11: value expected"). */
function jsonProblem(text: string, fallback: string): string {
  const errors: ParseError[] = [];
  parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length === 0) return fallback;
  const { offset, error } = errors[0];
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  const what = printParseErrorCode(error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return `line ${line}, column ${column}: ${what}`;
}

/** Validate parsed JSON as a scenario; throws ScenarioError naming `file`. */
export function validateScenario(data: unknown, file: string): Scenario {
  const r = SCENARIO_SCHEMA.safeParse(data);
  if (!r.success) throw new ScenarioError(file, toIssues(data, r.error.issues));
  return r.data as Scenario;
}

/** Parse scenario JSON text; throws ScenarioError naming `file`. */
export function parseScenario(raw: string, file: string): Scenario {
  // A byte-order mark is how some editors save UTF-8; it is not part of the JSON.
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    // JSON.parse decides; jsonc-parser only locates the problem for the message.
    const where = jsonProblem(text, (e as Error).message);
    throw new ScenarioError(file, [{ path: '', value: text.length > 40 ? `${text.slice(0, 37)}...` : text, expected: `valid JSON (${where})` }]);
  }
  return validateScenario(data, file);
}
