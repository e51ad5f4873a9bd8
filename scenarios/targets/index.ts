/**
 * The documented patterns of the built-in cases (calibration and validation targets), read from
 * the JSON files beside this module and validated like any user file. They are what the model is
 * compared with, never an input: nothing in sim/ or in the mapping (scenarios/mapping.ts,
 * features.ts, timeline.ts, schema.ts) imports this folder, and test/targets.test.ts checks it.
 */
import * as z from 'zod';
import { FileError, fileIssues, parseJsonText, type FileIssue } from '../../analysis/json-issues';
import burundi2015 from './burundi-2015.json';
import eastTimor1999 from './east-timor-1999.json';
import iraqSinjar2014 from './iraq-sinjar-2014.json';
import kenya2008 from './kenya-2008.json';
import kenya2013 from './kenya-2013.json';
import kyrgyzstan2010 from './kyrgyzstan-2010.json';
import libya2011 from './libya-2011.json';
import mali2013 from './mali-2013.json';
import myanmar2017 from './myanmar-2017.json';
import rwanda1994 from './rwanda-1994.json';
import southSudan2013 from './south-sudan-2013.json';
import srebrenica1995 from './srebrenica-1995.json';
import sriLanka2009 from './sri-lanka-2009.json';
import syria2011 from './syria-2011.json';
import zimbabwe2008 from './zimbabwe-2008.json';
import { TARGETS_SCHEMA, type CaseTargets } from './schema';

/** A targets file that cannot be used (every problem, with its path, value and what was expected). */
export class TargetsError extends FileError {
  constructor(file: string, issues: readonly FileIssue[]) {
    super(file, issues);
    this.name = 'TargetsError';
  }
}

/** The case id a file's name gives ("scenarios/targets/rwanda-1994.json" -> "rwanda-1994"); undefined for a name that is not a .json file. */
function idOfFile(file: string): string | undefined {
  const m = /([^/\\]+)\.json$/.exec(file);
  return m ? m[1] : undefined;
}

/**
 * Validate parsed JSON as a case's targets; throws TargetsError naming `file`. The file must be
 * named after its case, so that a targets file copied for a new case cannot keep the old id and
 * quietly stand in for the wrong profile.
 */
export function validateTargets(data: unknown, file: string): CaseTargets {
  const r = TARGETS_SCHEMA.safeParse(data);
  if (!r.success) throw new TargetsError(file, fileIssues(TARGETS_SCHEMA, data, r.error.issues));
  const id = idOfFile(file);
  if (id !== undefined && r.data.case !== id) {
    throw new TargetsError(file, [{ path: 'case', value: r.data.case, expected: `"${id}", the id in the file's name` }]);
  }
  return r.data as CaseTargets;
}

/** Parse targets JSON text; throws TargetsError naming `file`. */
export function parseTargets(raw: string, file: string): CaseTargets {
  const parsed = parseJsonText(raw);
  if ('issue' in parsed) throw new TargetsError(file, [parsed.issue]);
  return validateTargets(parsed.data, file);
}

/**
 * Each built-in targets file with the path it is reported under, cases in chronological order.
 * A new case adds one import above and one line here; the test checks that every JSON file in
 * this folder is listed and that every case profile has one.
 */
const FILES: readonly (readonly [string, unknown])[] = [
  ['scenarios/targets/rwanda-1994.json', rwanda1994],
  ['scenarios/targets/srebrenica-1995.json', srebrenica1995],
  ['scenarios/targets/east-timor-1999.json', eastTimor1999],
  ['scenarios/targets/kenya-2008.json', kenya2008],
  ['scenarios/targets/zimbabwe-2008.json', zimbabwe2008],
  ['scenarios/targets/sri-lanka-2009.json', sriLanka2009],
  ['scenarios/targets/kyrgyzstan-2010.json', kyrgyzstan2010],
  ['scenarios/targets/libya-2011.json', libya2011],
  ['scenarios/targets/syria-2011.json', syria2011],
  ['scenarios/targets/mali-2013.json', mali2013],
  ['scenarios/targets/kenya-2013.json', kenya2013],
  ['scenarios/targets/south-sudan-2013.json', southSudan2013],
  ['scenarios/targets/iraq-sinjar-2014.json', iraqSinjar2014],
  ['scenarios/targets/burundi-2015.json', burundi2015],
  ['scenarios/targets/myanmar-2017.json', myanmar2017],
];

export const BUILT_IN_TARGET_FILES: readonly string[] = FILES.map(([f]) => f);

export const BUILT_IN_TARGETS: readonly CaseTargets[] = FILES.map(([file, data]) => validateTargets(data, file));

/** The documented patterns of a built-in case, or undefined where none are filed. */
export function targetsFor(caseId: string): CaseTargets | undefined {
  return BUILT_IN_TARGETS.find((t) => t.case === caseId);
}

/**
 * The JSON Schema for targets files, generated from TARGETS_SCHEMA (committed as
 * scenarios/targets/targets.schema.json, so editors can check a file as it is written). Two rules
 * have no JSON Schema form and are checked only by validateTargets: low <= high, and the case id
 * matching the file's name.
 */
export function targetsJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(TARGETS_SCHEMA, { target: 'draft-2020-12' }),
    $id: 'https://r2p-sim.invalid/targets.schema.json',
    title: 'r2p-sim case targets',
  };
}

export { PATTERNS, PATTERN_NAMES, TARGETS_SCHEMA, type CaseTargets, type PatternName, type PatternRange } from './schema';
