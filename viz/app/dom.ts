/**
 * The views' DOM helpers: an element with its text, class and attributes, and a form field (a
 * control with its label and an optional hint). Text is always set with textContent, never parsed
 * as markup.
 */

export interface ElProps {
  readonly text?: string;
  readonly cls?: string;
  readonly attrs?: Readonly<Record<string, string>>;
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: ElProps = {}): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (props.text !== undefined) e.textContent = props.text;
  if (props.cls) e.className = props.cls;
  for (const [k, v] of Object.entries(props.attrs ?? {})) e.setAttribute(k, v);
  return e;
}

/** Counts 1, 2, 3, ...: ids unique in the page and the same on every load. */
export function counter(): () => number {
  let n = 0;
  return () => ++n;
}

/** Wraps a control in a field: `text` its label, `hint` a note the control is described by. */
export type Labelled = (text: string, control: HTMLElement, hint?: string) => HTMLElement;

/**
 * A field maker whose controls get the ids `${prefix}-1`, `${prefix}-2`, ... in the order they
 * are made (unique in the page for a prefix only one module uses), and their hints `${id}-hint`.
 * A module that numbers other elements from the same counter passes it as `next`.
 */
export function labeller(prefix: string, next: () => number = counter()): Labelled {
  return (text, control, hint) => {
    const wrap = el('div', { cls: 'field' });
    const id = `${prefix}-${next()}`;
    control.id = id;
    wrap.append(el('label', { text, attrs: { for: id } }), control);
    if (hint) {
      const h = el('small', { text: hint, cls: 'hint' });
      h.id = `${id}-hint`;
      control.setAttribute('aria-describedby', h.id);
      wrap.append(h);
    }
    return wrap;
  };
}
