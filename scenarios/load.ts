/**
 * Reading a scenario from text: JSON parsing and validation against the one schema, with errors
 * that name the file, the path inside it, the value found and what was expected. Pure (no file
 * system): the CLI, the browser's file import and URL state all come through here. The text is
 * data only: JSON.parse, never evaluated.
 */
import { FileError, fileIssues, parseJsonText, type FileIssue } from '../analysis/json-issues';
import { SCENARIO_SCHEMA } from './schema';
import type { Scenario } from './types';

/** One problem in a scenario file. */
export type ScenarioIssue = FileIssue;

/** A scenario file that cannot be used (every problem, with its path, value and what was expected). */
export class ScenarioError extends FileError {
  constructor(file: string, issues: readonly ScenarioIssue[]) {
    super(file, issues);
    this.name = 'ScenarioError';
  }
}

/** Validate parsed JSON as a scenario; throws ScenarioError naming `file`. */
export function validateScenario(data: unknown, file: string): Scenario {
  const r = SCENARIO_SCHEMA.safeParse(data);
  if (!r.success) throw new ScenarioError(file, fileIssues(SCENARIO_SCHEMA, data, r.error.issues));
  return r.data as Scenario;
}

/** Parse scenario JSON text; throws ScenarioError naming `file`. */
export function parseScenario(raw: string, file: string): Scenario {
  const parsed = parseJsonText(raw);
  if ('issue' in parsed) throw new ScenarioError(file, [parsed.issue]);
  return validateScenario(parsed.data, file);
}
