/**
 * Reading a sweep file from text: JSON parsing and validation of its shape against the one schema
 * (schema.ts), with errors that name the file, the path inside it, the value found and what was
 * expected. Pure (no file system): the CLI and the app's file import both come through here. The
 * text is data only: JSON.parse, never evaluated.
 */
import { fileIssues, parseJsonText } from '../json-issues';
import { SweepError } from './errors';
import { SWEEP_SCHEMA, type SweepFile } from './schema';

/** Validate parsed JSON as a sweep file (its shape); throws SweepError naming `file`. */
export function validateSweepShape(data: unknown, file: string): SweepFile {
  const r = SWEEP_SCHEMA.safeParse(data);
  if (!r.success) throw new SweepError(file, fileIssues(SWEEP_SCHEMA, data, r.error.issues));
  return r.data;
}

/** Parse sweep JSON text (its shape); throws SweepError naming `file`. */
export function parseSweepText(raw: string, file: string): { readonly data: unknown; readonly sweep: SweepFile } {
  const parsed = parseJsonText(raw);
  if ('issue' in parsed) throw new SweepError(file, [parsed.issue]);
  return { data: parsed.data, sweep: validateSweepShape(parsed.data, file) };
}
