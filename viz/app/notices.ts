/**
 * Messages to the user: errors from bad input (a URL, a file) and short confirmations. Text only,
 * never markup; each can be dismissed; the region is announced to screen readers.
 */
export type NoticeKind = 'error' | 'info';

let region: HTMLElement | null = null;

export function initNotices(el: HTMLElement): void {
  region = el;
}

/** Show a notice; `key` replaces an earlier notice with the same key (so a repeated error shows once). */
export function notify(kind: NoticeKind, text: string, key?: string): void {
  if (!region) return;
  if (key) region.querySelector(`[data-key="${CSS.escape(key)}"]`)?.remove();
  const item = document.createElement('div');
  item.className = `notice notice-${kind}`;
  if (key) item.dataset.key = key;
  const p = document.createElement('p');
  p.textContent = text;
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'notice-close';
  close.textContent = 'Dismiss';
  close.setAttribute('aria-label', `Dismiss: ${text.slice(0, 80)}`);
  close.addEventListener('click', () => item.remove());
  item.append(p, close);
  region.append(item);
}

export function clearNotices(key?: string): void {
  if (!region) return;
  if (key) region.querySelector(`[data-key="${CSS.escape(key)}"]`)?.remove();
  else region.replaceChildren();
}
