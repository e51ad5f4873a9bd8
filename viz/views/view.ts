/**
 * What a view is (main.ts shows one at a time), and the frame the run, compare and sweep views are
 * laid out in: a section titled for screen readers, its controls at the side, then its outputs.
 */
import { el } from '../app/dom';

export interface View {
  readonly element: HTMLElement;
  show(): void;
  hide(): void;
}

export interface ViewFrame {
  readonly root: HTMLElement;
  /** The controls. */
  readonly side: HTMLElement;
  readonly out: HTMLElement;
}

/**
 * The section `view ID-view` titled `title` (as #ID-title, visually hidden), with the controls
 * (named `controlsLabel`) and the outputs; `cls` adds the classes CLS-controls and CLS-outputs.
 */
export function viewFrame(id: string, title: string, controlsLabel: string, cls?: string): ViewFrame {
  const root = el('section', { cls: `view ${id}-view`, attrs: { 'aria-labelledby': `${id}-title` } });
  root.append(el('h2', { text: title, attrs: { id: `${id}-title` }, cls: 'visually-hidden' }));
  const side = el('aside', { cls: cls ? `controls ${cls}-controls` : 'controls', attrs: { 'aria-label': controlsLabel } });
  const out = el('div', { cls: cls ? `outputs ${cls}-outputs` : 'outputs' });
  root.append(side, out);
  return { root, side, out };
}
