/** The choice of a built-in scenario, grouped by kind (the run and compare views both offer it). */
import { BUILT_IN } from '../../scenarios/index';
import { el } from '../app/dom';

const GROUPS: readonly (readonly [string, string])[] = [
  ['generic', 'Generic'],
  ['teaching', 'Teaching'],
  ['case', 'Documented cases'],
];

export function builtInScenarioSelect(): HTMLSelectElement {
  const select = el('select');
  for (const [kind, title] of GROUPS) {
    const og = el('optgroup', { attrs: { label: title } });
    for (const s of BUILT_IN.filter((x) => x.kind === kind)) og.append(new Option(s.title, s.id));
    if (og.children.length) select.append(og);
  }
  return select;
}
