/**
 * The app: one page, three views (run, compare, sweep), the state in the URL. The engine runs
 * in Web Workers; the page only draws.
 */
import './app/zod-jitless'; // first: before any zod schema is built
import { initNotices } from './app/notices';
import { decodeState } from './app/url-state';
import { Store } from './app/store';
import type { ViewName } from './app/state';
import { runView } from './views/run-view';
import type { View } from './views/view';
import { sweepView } from './views/sweep-view';
import { compareView } from './views/compare-view';

initNotices(document.querySelector<HTMLElement>('#notices')!);
const main = document.querySelector<HTMLElement>('#main')!;
const store = Store.fromLocation();

const views: Record<ViewName, View> = {
  run: runView(store),
  compare: compareView(store),
  sweep: sweepView(store),
};
for (const v of Object.values(views)) {
  v.element.hidden = true;
  main.append(v.element);
}

const tabs = [...document.querySelectorAll<HTMLAnchorElement>('[data-view]')];
let shown: ViewName | null = null;

function show(view: ViewName): void {
  if (shown === view) return;
  if (shown) views[shown].hide();
  shown = view;
  views[view].show();
  for (const t of tabs) {
    if (t.dataset.view === view) t.setAttribute('aria-current', 'page');
    else t.removeAttribute('aria-current');
  }
}

for (const t of tabs) {
  t.addEventListener('click', (ev) => {
    ev.preventDefault();
    store.set({ view: t.dataset.view as ViewName }, { push: true });
  });
}
store.subscribe((st) => show(st.view));
window.addEventListener('popstate', () => {
  const { state } = decodeState(location.search.replace(/^\?/, ''));
  store.reset(state);
});
show(store.state.view);
