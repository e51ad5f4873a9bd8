/**
 * What the sweep runner needs from the file system and the layers above analysis/: the sweep
 * file's bytes and hash, and its scenario, mapped to parameters by scenarios/ exactly as `run`
 * maps it (scenarioParams, scenarioTicks). A scenario path in a sweep file is read relative to the
 * sweep file. Every output folder keeps a copy of the sweep file (sweep.json) and of the scenario
 * (scenario.json), so that a shard merged elsewhere is read with the same inputs.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { canonicalJson } from '../../sim/index';
import { FEATURE_DEFS, builtInScenario, scenarioParams, scenarioTicks, validateScenario, type Scenario } from '../../scenarios/index';
import { documentedFigures as figuresOf, loadSweep, type ResolvedSweep, type ScenarioInfo, type SweepEnv } from '../../analysis/sweep/index';
import { UsageError } from '../errors';
import { loadScenario } from '../spec';

export const sha256Hex = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** A scenario's documented figures: count features in the units the mapping reads (people, shares), level features as text. */
export function documentedFigures(s: Scenario): Record<string, number | string> {
  return figuresOf(s.features, FEATURE_DEFS);
}

export function scenarioInfo(s: Scenario): ScenarioInfo {
  return {
    id: s.id,
    params: (agents?: number) => ({ ...scenarioParams(s, s.id, agents) }),
    ticks: scenarioTicks(s),
    figures: documentedFigures(s),
  };
}

/** Scenarios by built-in id, or by path relative to the sweep file; `used` receives the scenario read. */
export function fileEnv(sweepFile: string, used?: (s: Scenario) => void): SweepEnv {
  return {
    scenario(ref) {
      const s = builtInScenario(ref) ?? loadScenario(isAbsolute(ref) || !/\.json$/i.test(ref) ? ref : join(dirname(sweepFile), ref), 'scenario');
      used?.(s);
      return scenarioInfo(s);
    },
  };
}

/** The scenario kept in an output folder (scenario.json), whatever the sweep file names. */
export function savedEnv(scenario: Scenario | null, used?: (s: Scenario) => void): SweepEnv {
  return {
    scenario(ref) {
      if (!scenario) throw new Error(`the output folder keeps no scenario.json for "${ref}"`);
      used?.(scenario);
      return scenarioInfo(scenario);
    },
  };
}

export interface LoadedSweep {
  readonly text: string;
  readonly bytes: Uint8Array;
  /** SHA-256 of the sweep file's bytes. */
  readonly hash: string;
  readonly resolved: ResolvedSweep;
  readonly scenario: Scenario | null;
  /** SHA-256 of the scenario's canonical JSON (null without one). */
  readonly scenarioHash: string | null;
}

function finish(text: string, bytes: Uint8Array, file: string, env: (used: (s: Scenario) => void) => SweepEnv): LoadedSweep {
  let scenario: Scenario | null = null;
  const resolved = loadSweep(text, file, env((s) => (scenario = s)));
  const sc = scenario as Scenario | null;
  return { text, bytes, hash: sha256Hex(bytes), resolved, scenario: sc, scenarioHash: sc ? sha256Hex(canonicalJson(sc)) : null };
}

/** Read, validate and resolve a sweep file. */
export function readSweepFile(path: string): LoadedSweep {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`${path}: cannot read the sweep file: ${code === 'ENOENT' ? 'no such file (ENOENT)' : code === 'EISDIR' ? 'it is a folder (EISDIR)' : (code ?? (e as Error).message)}`);
  }
  return finish(bytes.toString('utf8'), bytes, path, (used) => fileEnv(path, used));
}

/** The sweep kept in an output folder: its sweep.json and scenario.json. */
export function readSavedSweep(dir: string): LoadedSweep {
  const path = join(dir, 'sweep.json');
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new UsageError(`${dir}: no sweep.json: not the output folder of a sweep`);
  }
  let saved: Scenario | null = null;
  try {
    saved = validateScenario(JSON.parse(readFileSync(join(dir, 'scenario.json'), 'utf8')), join(dir, 'scenario.json'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  return finish(bytes.toString('utf8'), bytes, path, (used) => savedEnv(saved, used));
}
