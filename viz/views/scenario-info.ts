/**
 * A scenario's documented basis, a click away: its summary, period, the article's reading, and
 * each feature with its level, source and note. All text from the scenario file is set as text.
 */
import type { Scenario } from '../../scenarios/index';
import { el } from '../app/dom';

export function scenarioInfo(scenario: Scenario): HTMLElement {
  const box = el('details', { cls: 'scenario-info' });
  box.append(el('summary', { text: `About "${scenario.title}": documented features and sources` }));
  box.append(el('p', { text: scenario.summary }));
  if (scenario.period) box.append(el('p', { text: `Period: ${scenario.period}`, cls: 'muted' }));
  const reading = scenario.articleReading;
  if (reading) {
    const p = el('p');
    p.append(el('strong', { text: 'Reading: ' }), document.createTextNode(`${reading.verdict} (${reading.explicit ? 'the article' : 'the literature'}: ${reading.source}). ${reading.note ?? ''}`));
    box.append(p);
  }
  const features = Object.entries(scenario.features);
  if (features.length > 0) {
    const table = el('table', { cls: 'features' });
    const caption = el('caption', { text: 'Documented features (a feature left out takes its neutral level)' });
    const head = el('tr');
    for (const h of ['feature', 'level', 'source and note']) head.append(el('th', { text: h }));
    table.append(caption, el('thead'), el('tbody'));
    table.tHead!.append(head);
    for (const [name, f] of features) {
      const tr = el('tr');
      tr.append(el('th', { text: name }), el('td', { text: String(f.value) }));
      const td = el('td');
      td.append(el('span', { text: f.source }));
      if (f.note) td.append(el('span', { text: ` ${f.note}`, cls: 'muted' }));
      tr.append(td);
      table.tBodies[0].append(tr);
    }
    box.append(table);
  }
  return box;
}
