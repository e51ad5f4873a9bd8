/**
 * A model's parameter controls, generated from its ParamDefs (the one source of truth): one
 * labelled control per parameter, grouped by `group` in <details> sections, with a filter box.
 *
 * - number: a range slider (step: a clean 1, 2 or 5 x 10^k near a hundredth of the range) and a
 *   text field that takes any value (a spin button: arrow keys step, Shift or PageUp/PageDown
 *   ten steps, Ctrl+Home/End the bounds); integer: the text field alone, stepping by 1; enum: a
 *   <select>; boolean: a checkbox.
 * - A typed value is checked with the engine's parseValue when it is committed (Enter, or leaving
 *   the field); a bad one shows the engine's message (field, value, what is allowed) in an inline
 *   alert and does not reach onChange. Escape restores the current value.
 * - A parameter whose value differs from the scenario's (`base`) is marked with a "changed" badge
 *   (text, not only colour) and has a "reset <name>" button; onChange(name, undefined) means
 *   "back to the scenario's value", and so does a value equal to the scenario's.
 * - The slider reports on `change` (release, or each key press), not on every `input` while
 *   dragging: each report rewrites the URL and reruns the model. The text field follows it live.
 * - Rows of a closed group are built when the group is first shown (opened, matched by the
 *   filter, or focused), so the form opens fast with the main model's ~250 parameters.
 *
 * Text from the definitions is set with textContent, never as markup; no inline styles (the page's
 * CSP is style-src 'self'): params-form.css has the rules. update() changes values in place and
 * never rebuilds the DOM.
 */
import { parseValue, ParamError, type ParamDef, type ParamDefs, type ParamValue } from '../../sim/index';
import { el } from './dom';

export interface ParamsFormOptions {
  readonly defs: ParamDefs;
  /** The effective values (the scenario's with the user's changes). */
  readonly values: Readonly<Record<string, ParamValue>>;
  /** The scenario's values. */
  readonly base: Readonly<Record<string, ParamValue>>;
  /** Where the scenario's value comes from, shown as a hint (e.g. "feature armedConflict"). */
  readonly origin?: (name: string) => string | undefined;
  /** What the base values are called in hints ("Scenario's value" by default; "Default" for a model without scenarios). */
  readonly baseLabel?: string;
  /** A new value; undefined: back to the scenario's value. */
  readonly onChange: (name: string, value: ParamValue | undefined) => void;
}

export interface ParamsForm {
  /** New values and scenario values, put into the controls in place. */
  update(values: Readonly<Record<string, ParamValue>>, base: Readonly<Record<string, ParamValue>>): void;
  /** Show and focus one parameter's control (clears a filter that hides it, opens its group). */
  focus(name: string): void;
}

/** Groups closed until opened: the world's set-up and the calibrated constants. */
const CLOSED_GROUPS = new Set(['world', 'calibration']);

let formCount = 0;

/** "peoplePerAgent" -> "people per agent"; runs of capitals stay together ("pbcUN" -> "pbc UN"). */
export function plainWords(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(' ')
    .map((w) => (/^[A-Z][a-z]/.test(w) ? w.toLowerCase() : w))
    .join(' ');
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** A slider step: about a hundredth of the range, rounded to 1, 2 or 5 times a power of ten. */
export function cleanStep(min: number, max: number): number {
  const raw = (max - min) / 100;
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  const c = m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10;
  return Number((c * p).toPrecision(12));
}

const NUMBER_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 12 });
/** A number for show: up to 6 significant digits, thousands separated. */
const numText = (x: number) => NUMBER_FORMAT.format(Number(x.toPrecision(6)));

/** A value as the text field holds it: as the CLI and the URL write it. */
const valueText = (v: ParamValue) => String(v);

interface Group {
  readonly name: string;
  readonly details: HTMLDetailsElement;
  readonly list: HTMLElement;
  readonly changedBadge: HTMLElement;
  readonly rows: Row[];
  /** Open or closed as the user left it (a filter opens every group with a match). */
  userOpen: boolean;
  built: boolean;
}

/** One parameter: its state, and its elements once built. */
interface Row {
  readonly def: ParamDef;
  readonly group: Group;
  /** Lower-case text the filter searches: name (camel and kebab), words, unit, description, group. */
  readonly haystack: string;
  value: ParamValue;
  base: ParamValue;
  origin: string | undefined;
  changed: boolean;
  dom?: RowDom;
}

interface RowDom {
  readonly root: HTMLElement;
  readonly badge: HTMLElement;
  readonly reset: HTMLButtonElement;
  readonly scenarioLine: HTMLElement;
  readonly hint: HTMLElement;
  readonly error: HTMLElement;
  readonly text?: HTMLInputElement;
  readonly slider?: HTMLInputElement;
  readonly select?: HTMLSelectElement;
  readonly checkbox?: HTMLInputElement;
  /** The control focus() moves to. */
  readonly primary: HTMLElement;
}

export function paramsForm(container: HTMLElement, opts: ParamsFormOptions): ParamsForm {
  const id = `pf${++formCount}`;
  const root = el('div', { cls: 'pf' });
  const rows = new Map<string, Row>();
  const groups: Group[] = [];

  // ---- the filter bar ---------------------------------------------------------------------------
  const bar = el('div', { cls: 'pf-bar' });
  const filterLabel = el('label', { cls: 'pf-filter-label', text: 'Filter parameters' });
  const filter = el('input', { cls: 'pf-filter' });
  filter.type = 'search';
  filter.id = `${id}-filter`;
  filter.placeholder = 'name or description';
  filter.autocomplete = 'off';
  filter.spellcheck = false;
  filterLabel.htmlFor = filter.id;
  const onlyChangedLabel = el('label', { cls: 'pf-only-changed' });
  const onlyChanged = el('input');
  onlyChanged.type = 'checkbox';
  onlyChangedLabel.append(onlyChanged, ' only changed ones');
  const status = el('p', { cls: 'pf-status' });
  status.setAttribute('role', 'status');
  bar.append(filterLabel, filter, onlyChangedLabel, status);
  root.append(bar);

  // ---- the groups -------------------------------------------------------------------------------
  const byGroup = new Map<string, ParamDef[]>();
  for (const d of opts.defs) {
    const list = byGroup.get(d.group) ?? [];
    list.push(d);
    byGroup.set(d.group, list);
  }
  for (const [name, defs] of byGroup) {
    const details = el('details', { cls: 'pf-group' });
    details.open = !CLOSED_GROUPS.has(name);
    const summary = el('summary', { cls: 'pf-summary' });
    const count = el('span', { cls: 'pf-group-count', text: `${defs.length} parameter${defs.length === 1 ? '' : 's'}` });
    const changedBadge = el('span', { cls: 'pf-group-changed' });
    changedBadge.hidden = true;
    summary.append(el('span', { cls: 'pf-group-title', text: capitalised(plainWords(name)) }), ' ', count, ' ', changedBadge);
    const list = el('div', { cls: 'pf-list' });
    details.append(summary, list);
    const group: Group = { name, details, list, changedBadge, rows: [], userOpen: details.open, built: false };
    for (const d of defs) {
      const value = opts.values[d.name] ?? d.default;
      const base = opts.base[d.name] ?? d.default;
      const row: Row = {
        def: d,
        group,
        haystack: `${d.name} ${kebab(d.name)} ${plainWords(d.name)} ${d.unit} ${d.description} ${d.group}`.toLowerCase(),
        value,
        base,
        origin: opts.origin?.(d.name),
        changed: value !== base,
      };
      group.rows.push(row);
      rows.set(d.name, row);
    }
    // Build a closed group's rows before it opens (a click or Enter/Space on its summary).
    summary.addEventListener('click', () => buildGroup(group));
    details.addEventListener('toggle', () => {
      if (details.open) buildGroup(group);
      if (!filtering()) group.userOpen = details.open;
    });
    if (details.open) buildGroup(group);
    groups.push(group);
    root.append(details);
  }
  for (const g of groups) refreshGroup(g);
  showStatus(rows.size);
  container.append(root);

  function buildGroup(g: Group): void {
    if (g.built) return;
    g.built = true;
    const frag = document.createDocumentFragment();
    for (const row of g.rows) {
      row.dom = buildRow(row);
      showValue(row, true);
      wire(row, row.dom);
      frag.append(row.dom.root);
    }
    g.list.append(frag);
  }

  function buildRow(row: Row): RowDom {
    const d = row.def;
    const rid = `${id}-${d.name}`;
    const rootEl = el('div', { cls: 'pf-param' });
    rootEl.dataset.name = d.name;

    const head = el('div', { cls: 'pf-head' });
    const label = el('label', { cls: 'pf-label' });
    label.append(capitalised(plainWords(d.name)));
    if (d.unit) label.append(' ', el('span', { cls: 'pf-unit', text: `(${d.unit})` }));
    const badge = el('span', { cls: 'pf-badge', text: 'changed' });
    badge.hidden = true;
    head.append(label, badge);

    const control = el('div', { cls: 'pf-control' });
    const error = el('p', { cls: 'pf-error' });
    error.id = `${rid}-error`;
    error.setAttribute('role', 'alert');
    // The scenario's value and where it comes from, with the reset button when changed.
    const scenarioLine = el('div', { cls: 'pf-scenario' });
    scenarioLine.hidden = true;
    const reset = el('button', { cls: 'pf-reset', text: 'reset' });
    reset.type = 'button';
    reset.setAttribute('aria-label', `reset ${d.name}`);
    reset.hidden = true;
    const hint = el('span', { cls: 'pf-hint' });
    hint.id = `${rid}-hint`;
    scenarioLine.append(reset, hint);
    const meta = el('p', { cls: 'pf-meta' });
    meta.id = `${rid}-meta`;
    meta.append(el('code', { cls: 'pf-name', text: d.name }));
    const desc = el('p', { cls: 'pf-desc', text: d.description });
    desc.id = `${rid}-desc`;
    const describedBy = `${desc.id} ${meta.id} ${hint.id}`;

    let text: HTMLInputElement | undefined;
    let slider: HTMLInputElement | undefined;
    let select: HTMLSelectElement | undefined;
    let checkbox: HTMLInputElement | undefined;
    let primary: HTMLElement;
    switch (d.kind) {
      case 'number':
      case 'integer': {
        meta.append(` · ${d.kind === 'integer' ? 'whole number, ' : ''}${numText(d.min)} to ${numText(d.max)}`);
        if (d.kind === 'number') {
          slider = el('input', { cls: 'pf-slider' });
          slider.type = 'range';
          slider.min = String(d.min);
          slider.max = String(d.max);
          slider.step = String(cleanStep(d.min, d.max));
          slider.setAttribute('aria-label', `${plainWords(d.name)} (slider)`);
          slider.setAttribute('aria-describedby', describedBy);
          control.append(slider);
        }
        text = el('input', { cls: d.kind === 'integer' ? 'pf-number pf-integer' : 'pf-number' });
        text.type = 'text';
        // Phone keyboards: 'numeric' and 'decimal' have no minus sign.
        text.inputMode = d.min < 0 ? 'text' : d.kind === 'integer' ? 'numeric' : 'decimal';
        text.autocomplete = 'off';
        text.spellcheck = false;
        text.setAttribute('role', 'spinbutton');
        text.setAttribute('aria-valuemin', String(d.min));
        text.setAttribute('aria-valuemax', String(d.max));
        control.append(text);
        primary = text;
        break;
      }
      case 'enum': {
        select = el('select', { cls: 'pf-select' });
        for (const v of d.values) select.append(new Option(v, v));
        control.append(select);
        primary = select;
        break;
      }
      case 'boolean': {
        checkbox = el('input', { cls: 'pf-checkbox' });
        checkbox.type = 'checkbox';
        control.append(checkbox);
        primary = checkbox;
        break;
      }
    }
    primary.id = `${rid}-input`;
    primary.setAttribute('aria-describedby', describedBy);
    label.htmlFor = primary.id;
    rootEl.append(head, control, error, scenarioLine, meta, desc);
    return { root: rootEl, badge, reset, scenarioLine, hint, error, text, slider, select, checkbox, primary };
  }

  // ---- behaviour --------------------------------------------------------------------------------

  function wire(row: Row, dom: RowDom): void {
    const d = row.def;
    dom.reset.addEventListener('click', () => {
      const was = row.value;
      row.value = row.base;
      showValue(row, true);
      refreshGroup(row.group);
      if (was !== row.base) opts.onChange(d.name, undefined);
      dom.primary.focus();
    });
    const { slider, text } = dom;
    slider?.addEventListener('input', () => {
      if (text) text.value = String(Number(slider.value));
      clearError(dom);
    });
    slider?.addEventListener('change', () => commit(row, Number(slider.value)));
    dom.select?.addEventListener('change', () => commit(row, dom.select!.value));
    dom.checkbox?.addEventListener('change', () => commit(row, dom.checkbox!.checked));
    if (!text || (d.kind !== 'number' && d.kind !== 'integer')) return;
    text.addEventListener('input', () => {
      // The slider follows the typing while it reads as a value; errors wait for a commit.
      try {
        const v = parseValue(d, text.value);
        if (slider) slider.value = String(v);
        clearError(dom);
      } catch {
        /* shown on commit */
      }
    });
    text.addEventListener('change', () => commitText(row, dom));
    text.addEventListener('keydown', (ev) => {
      const key = ev.key;
      if (key === 'Enter') {
        ev.preventDefault();
        commitText(row, dom);
      } else if (key === 'Escape') {
        if (text.value !== valueText(row.value) || dom.error.textContent) {
          ev.preventDefault();
          showValue(row, true);
        }
      } else if (key === 'ArrowUp' || key === 'ArrowDown' || key === 'PageUp' || key === 'PageDown') {
        ev.preventDefault();
        const step = (d.kind === 'integer' ? 1 : cleanStep(d.min, d.max)) * (ev.shiftKey || key.startsWith('Page') ? 10 : 1);
        let from: number;
        try {
          from = parseValue(d, text.value) as number;
        } catch {
          from = row.value as number;
        }
        const next = Math.min(d.max, Math.max(d.min, Number((from + (key.endsWith('Up') ? step : -step)).toPrecision(12))));
        commit(row, d.kind === 'integer' ? Math.round(next) : next);
      } else if ((key === 'Home' || key === 'End') && ev.ctrlKey) {
        ev.preventDefault();
        commit(row, key === 'Home' ? d.min : d.max);
      }
    });
  }

  function commitText(row: Row, dom: RowDom): void {
    let v: ParamValue;
    try {
      v = parseValue(row.def, dom.text!.value);
    } catch (e) {
      showError(dom, `${e instanceof ParamError ? e.message : String(e)} (not applied)`);
      return;
    }
    commit(row, v);
  }

  function commit(row: Row, v: ParamValue): void {
    const was = row.value;
    row.value = v;
    showValue(row, true);
    refreshGroup(row.group);
    if (v !== was) opts.onChange(row.def.name, v === row.base ? undefined : v);
  }

  function showError(dom: RowDom, message: string): void {
    dom.error.textContent = message;
    dom.root.classList.add('pf-invalid');
    dom.text?.setAttribute('aria-invalid', 'true');
    dom.text?.setAttribute('aria-errormessage', dom.error.id);
  }

  function clearError(dom: RowDom): void {
    if (!dom.error.textContent) return;
    dom.error.textContent = '';
    dom.root.classList.remove('pf-invalid');
    dom.text?.removeAttribute('aria-invalid');
    dom.text?.removeAttribute('aria-errormessage');
  }

  /** Put the row's state into its controls; `force`: also over text being typed in its field. */
  function showValue(row: Row, force: boolean): void {
    const v = row.value;
    row.changed = v !== row.base;
    const dom = row.dom;
    if (!dom) return;
    if (dom.text) {
      const typing = !force && document.activeElement === dom.text && dom.text.value !== valueText(v);
      if (!typing) {
        dom.text.value = valueText(v);
        clearError(dom);
      }
      dom.text.setAttribute('aria-valuenow', valueText(v));
    }
    if (dom.slider) dom.slider.value = valueText(v);
    if (dom.select) dom.select.value = String(v);
    if (dom.checkbox) dom.checkbox.checked = v === true;
    dom.badge.hidden = !row.changed;
    dom.reset.hidden = !row.changed;
    dom.root.classList.toggle('pf-changed', row.changed);
    const parts: string[] = [];
    if (row.changed) parts.push(`${opts.baseLabel ?? "Scenario's value"}: ${valueText(row.base)}`);
    if (row.origin) parts.push(`${row.changed ? 'from' : 'Scenario: from'} ${row.origin}`);
    const hint = parts.join(', ');
    if (dom.hint.textContent !== hint) dom.hint.textContent = hint;
    dom.scenarioLine.hidden = hint === '';
    dom.reset.title = `Back to the scenario's value, ${valueText(row.base)}`;
  }

  function refreshGroup(g: Group): void {
    const n = g.rows.reduce((k, r) => k + (r.changed ? 1 : 0), 0);
    const text = n === 0 ? '' : `${n} changed`;
    if (g.changedBadge.textContent !== text) g.changedBadge.textContent = text;
    g.changedBadge.hidden = n === 0;
  }

  // ---- the filter -------------------------------------------------------------------------------

  function filtering(): boolean {
    return filter.value.trim() !== '' || onlyChanged.checked;
  }

  let wasFiltering = false;
  function applyFilter(): void {
    const words = filter.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const active = words.length > 0 || onlyChanged.checked;
    let shown = 0;
    for (const g of groups) {
      let inGroup = 0;
      const matches = g.rows.map((r) => (!onlyChanged.checked || r.changed) && words.every((w) => r.haystack.includes(w)));
      for (const m of matches) if (m) inGroup++;
      if (inGroup > 0 && (active || g.userOpen)) buildGroup(g);
      g.rows.forEach((r, i) => {
        if (r.dom && r.dom.root.hidden === matches[i]) r.dom.root.hidden = !matches[i];
      });
      shown += inGroup;
      g.details.hidden = inGroup === 0;
      if (active) g.details.open = inGroup > 0;
      else if (wasFiltering) g.details.open = g.userOpen;
    }
    wasFiltering = active;
    showStatus(shown);
  }

  function showStatus(shown: number): void {
    const q = filter.value.trim();
    let text: string;
    if (!filtering()) text = `${rows.size} parameters`;
    else if (shown > 0) text = `${shown} of ${rows.size} parameters shown`;
    else if (q) text = `No parameter matches "${q}"${onlyChanged.checked ? ' among the changed ones' : ''}`;
    else text = 'No parameter is changed';
    if (status.textContent !== text) status.textContent = text;
  }

  filter.addEventListener('input', applyFilter);
  filter.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape' && filter.value !== '') {
      ev.preventDefault();
      filter.value = '';
      applyFilter();
    }
  });
  onlyChanged.addEventListener('change', applyFilter);

  return {
    update(values, base) {
      const touched = new Set<Group>();
      for (const row of rows.values()) {
        const d = row.def;
        const v = values[d.name] ?? d.default;
        const b = base[d.name] ?? d.default;
        const origin = opts.origin?.(d.name);
        if (v === row.value && b === row.base && origin === row.origin) continue;
        row.value = v;
        row.base = b;
        row.origin = origin;
        showValue(row, false);
        touched.add(row.group);
      }
      for (const g of touched) refreshGroup(g);
      if (touched.size > 0 && onlyChanged.checked) applyFilter();
    },
    focus(name) {
      const row = rows.get(name);
      if (!row) return;
      if (!row.dom || row.dom.root.hidden) {
        // Hidden by the filter (or never shown): clear the filter so that the row shows.
        if (filtering()) {
          filter.value = '';
          onlyChanged.checked = false;
          applyFilter();
        }
      }
      buildGroup(row.group);
      row.group.details.hidden = false;
      row.group.details.open = true;
      row.group.userOpen = true;
      row.dom!.primary.focus();
      row.dom!.root.scrollIntoView({ block: 'nearest' });
    },
  };
}
