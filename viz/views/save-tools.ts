/**
 * "Save: SVG PNG" under a chart: the chart as a standalone SVG file, or as a PNG drawn from it.
 * A chart not drawn yet saves nothing; a PNG that cannot be made says why.
 */
import type { Chart } from '../charts/types';
import { download, svgText, svgToPngBlob } from '../charts/export';
import { notify } from '../app/notices';
import { el } from '../app/dom';

export function saveTools(title: string, chart: () => { readonly element: Chart<unknown>['element'] } | null, fileName: () => string, cls = 'save-tools'): HTMLElement {
  const tools = el('div', { cls, attrs: { role: 'group', 'aria-label': `Save the chart "${title}"` } });
  const svgBtn = el('button', { text: 'SVG', attrs: { type: 'button', 'aria-label': `Save "${title}" as SVG` } });
  const pngBtn = el('button', { text: 'PNG', attrs: { type: 'button', 'aria-label': `Save "${title}" as PNG` } });
  svgBtn.addEventListener('click', () => {
    const c = chart();
    if (c) download(new Blob([svgText(c.element)], { type: 'image/svg+xml' }), `${fileName()}.svg`);
  });
  pngBtn.addEventListener('click', () => {
    const c = chart();
    if (!c) return;
    svgToPngBlob(c.element).then(
      (b) => download(b, `${fileName()}.png`),
      (e: unknown) => notify('error', `The PNG could not be made: ${e instanceof Error ? e.message : String(e)}`, 'png'),
    );
  });
  tools.append(el('span', { text: 'Save:', cls: 'muted' }), svgBtn, pngBtn);
  return tools;
}
