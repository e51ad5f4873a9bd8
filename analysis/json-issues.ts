/**
 * Validation messages for JSON data files read against a zod schema (scenario files, sweep
 * files): each issue as the path inside the file, the value found there and what was expected,
 * with "did you mean" for a misspelt field; and where a JSON syntax error is, in words. Browser
 * safe and pure: the CLI and the app's file imports share it.
 */
import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type * as z from 'zod';
import { ParamError, closestName, showValue } from '../sim/index';

export interface FileIssue {
  /** Where in the file, e.g. "features.armedConflict.value", "factors[0].min". */
  readonly path: string;
  readonly value: unknown;
  readonly expected: string;
}

/**
 * A data file that cannot be used. Its field is "FILE: PATH" (like every ParamError, so the CLI
 * reports it the same way, in one line); `issues` holds every problem found, the first one in the
 * message and up to seven more listed under it.
 */
export class FileError extends ParamError {
  constructor(
    readonly file: string,
    readonly issues: readonly FileIssue[],
  ) {
    const first = issues[0];
    super(`${file}: ${first.path || '(top level)'}`, first.value, first.expected);
    this.name = 'FileError';
    if (issues.length > 1) {
      const more = issues.slice(1, 8).map((i) => `\n  ${i.path || '(top level)'}: got ${showValue(i.value, 80)}, expected ${i.expected}`);
      const rest = issues.length > 8 ? `\n  ... and ${issues.length - 8} more` : '';
      this.message += `\n  (${issues.length - 1} more problem${issues.length > 2 ? 's' : ''} in ${file})${more.join('')}${rest}`;
    }
  }
}

/** "features.armedConflict.value", "suggestedComparison.set[0]". */
export function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const k of path) out += typeof k === 'number' ? `[${k}]` : out === '' ? String(k) : `.${String(k)}`;
  return out;
}

/** The value at a path in parsed JSON (undefined where there is none). */
export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v = data;
  for (const k of path) {
    if (v === null || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, k)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

type Def = { def: { innerType?: z.ZodType; shape?: Record<string, z.ZodType>; element?: z.ZodType; options?: z.ZodType[] } };

/** The object schemas a (possibly optional, possibly union) schema stands for. */
function objectsOf(s: z.ZodType | undefined): Def[] {
  if (!s) return [];
  let d = s as unknown as Def;
  while (d.def.innerType) d = d.def.innerType as unknown as Def;
  if (d.def.options) return d.def.options.flatMap(objectsOf);
  return [d];
}

/** The field names the schema allows at an object path (over every branch of a union). */
export function knownKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let level: Def[] = objectsOf(schema);
  for (const k of path) {
    // An index steps into a list's items (timeline.events[2]); a name into an object's field.
    level = level.flatMap((d) => objectsOf(typeof k === 'number' ? d.def.element : d.def.shape?.[String(k)]));
  }
  return [...new Set(level.flatMap((d) => Object.keys(d.def.shape ?? {})))];
}

/** zod's issues as file issues: a field not allowed names the allowed ones and the nearest. */
export function fileIssues(schema: z.ZodType, data: unknown, zIssues: readonly z.core.$ZodIssue[]): FileIssue[] {
  const out: FileIssue[] = [];
  for (const i of zIssues) {
    if (i.code === 'unrecognized_keys') {
      const allowed = knownKeys(schema, i.path);
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

/** Where and what the first JSON syntax error is, in words ("line 3, column 11: value expected"). */
export function jsonProblem(text: string, fallback: string): string {
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

/**
 * JSON text parsed as data (JSON.parse, never evaluated; a leading byte-order mark, which some
 * editors save, dropped), or the issue that says where its syntax fails.
 */
export function parseJsonText(raw: string): { readonly data: unknown } | { readonly issue: FileIssue } {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  try {
    return { data: JSON.parse(text) };
  } catch (e) {
    // JSON.parse decides; jsonc-parser only locates the problem for the message.
    const where = jsonProblem(text, (e as Error).message);
    return { issue: { path: '', value: text.length > 40 ? `${text.slice(0, 37)}...` : text, expected: `valid JSON (${where})` } };
  }
}
