/**
 * The choice of a scenario, grouped by kind (the run and compare views both offer it), with the
 * scenarios opened from files in their own group, kept current as files are opened.
 */
import { BUILT_IN } from '../../scenarios/index';
import { el } from '../app/dom';
import { onScenariosOpened, openedScenarios } from '../app/scenarios';

const GROUPS: readonly (readonly [string, string])[] = [
  ['generic', 'Generic'],
  ['teaching', 'Teaching'],
  ['case', 'Documented cases'],
];

export function scenarioPicker(): HTMLSelectElement {
  const select = el('select');
  for (const [kind, title] of GROUPS) {
    const og = el('optgroup', { attrs: { label: title } });
    for (const s of BUILT_IN.filter((x) => x.kind === kind)) og.append(new Option(s.title, s.id));
    if (og.children.length) select.append(og);
  }
  const fromFiles = el('optgroup', { attrs: { label: 'Opened from files' } });
  const refresh = () => {
    const value = select.value;
    // new Option(text, value) sets the text as text: a title with markup stays text.
    fromFiles.replaceChildren(...openedScenarios().map(({ id, scenario }) => new Option(`${scenario.title} (from a file)`, id)));
    if (fromFiles.children.length && !fromFiles.isConnected) select.append(fromFiles);
    select.value = value;
  };
  onScenariosOpened(refresh);
  refresh();
  return select;
}
