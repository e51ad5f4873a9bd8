/**
 * The scenarios the app knows: the built-in ones, and those opened from files in this session. A
 * scenario file is data (parsed as JSON, validated field by field by the same code as the CLI's
 * `--scenario file.json`); it gets the id `file:<its id>`, kept only in this page: a shared link
 * that names it cannot carry it (the file has to be shared too).
 */
import { BUILT_IN, builtInScenario, parseScenario, scenarioTicks, type Scenario } from '../../scenarios/index';

export const OPENED_PREFIX = 'file:';

const opened = new Map<string, Scenario>();
const listeners = new Set<() => void>();

/** A scenario by the id the app uses (built-in, or `file:...` for one opened this session). */
export function scenarioById(id: string): Scenario | undefined {
  return builtInScenario(id) ?? opened.get(id);
}

/** Every id a link or a picker may name now. */
export function scenarioIds(): string[] {
  return [...BUILT_IN.map((s) => s.id), ...opened.keys()];
}

/** The scenarios opened from files, in the order opened (a file opened again replaces its earlier copy). */
export function openedScenarios(): { readonly id: string; readonly scenario: Scenario }[] {
  return [...opened].map(([id, scenario]) => ({ id, scenario }));
}

/** A scenario's run length by the app's id (the URL codec checks change days against it). */
export function scenarioRunLength(id: string): number | undefined {
  const s = scenarioById(id);
  return s ? scenarioTicks(s) : undefined;
}

/** Parse and validate a scenario file's text; throws the ScenarioError naming the file, the field, the value and what was expected. Returns its app id. */
export function openScenarioText(text: string, fileName: string): string {
  const s = parseScenario(text, fileName);
  const id = `${OPENED_PREFIX}${s.id}`;
  opened.delete(id);
  opened.set(id, s);
  for (const l of listeners) l();
  return id;
}

export function onScenariosOpened(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}
