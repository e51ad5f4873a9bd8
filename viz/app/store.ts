/**
 * The app's state and its one copy in the URL: every change goes through set(), which writes the
 * URL (replaceState, or pushState for a change of view) and tells the views. Opening a shared
 * link decodes the URL once; anything in it that is not valid is reported and left out.
 */
import { decodeState, encodeState } from './url-state';
import { notify } from './notices';
import type { AppState } from './state';

type Listener = (state: AppState, previous: AppState) => void;

export class Store {
  private current: AppState;
  private readonly listeners = new Set<Listener>();

  constructor(initial: AppState) {
    this.current = initial;
  }

  /** The state in the page's URL, its problems shown as notices. */
  static fromLocation(): Store {
    const { state, errors } = decodeState(location.search.replace(/^\?/, ''));
    for (const e of errors) notify('error', `The link's ${e.message}`, `url-${e.field}`);
    return new Store(state);
  }

  get state(): AppState {
    return this.current;
  }

  set(patch: Partial<AppState>, opts: { push?: boolean } = {}): void {
    const previous = this.current;
    this.current = { ...previous, ...patch };
    const query = encodeState(this.current);
    const url = `${location.pathname}${query ? `?${query}` : ''}`;
    if (opts.push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
    for (const l of this.listeners) l(this.current, previous);
  }

  /** Replace the whole state (back/forward). */
  reset(state: AppState): void {
    const previous = this.current;
    this.current = state;
    for (const l of this.listeners) l(this.current, previous);
  }

  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
}
