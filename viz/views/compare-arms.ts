/**
 * The arms editor of the compare view: add and remove arms, name them, and give each changes
 * (a parameter, a value, the day it takes effect). Each field is checked with the engine's own
 * validators (lookupParam, parseValue, the run's length, structural parameters only at day 0) when
 * it is committed (Enter, or leaving the field); a bad one shows the engine's message (field,
 * value, what was expected) beside it and is not applied. What is valid goes to the store at once
 * (store.set({ arms })), so the URL always holds the arms as far as they are valid.
 *
 * The editor keeps its own drafts (what is typed, valid or not) and rebuilds them from the store
 * only when the arms change elsewhere (a suggested comparison, back/forward, another view).
 * Text is set with textContent only.
 */
import { MAX_LABEL_CHARS, MAX_ARMS } from '../app/url-state';
import { ParamError, allowedText, lookupParam, parseValue, type ParamDef, type ParamDefs, type ParamValue, type ScheduleEntry } from '../../sim/index';
import type { AppState, ArmState } from '../app/state';
import type { Store } from '../app/store';
import { plainWords } from '../app/params-form';
import type { DayMarker } from './compare-markers';
import { armColour } from './compare-runs';
import { counter, el, labeller } from '../app/dom';

interface ChangeDraft {
  readonly id: number;
  name: string;
  value: string;
  tick: string;
  /** The last valid change of this row (what the store holds), if any. */
  valid: ScheduleEntry | null;
  /** A new, empty row shows no errors until one of its fields is committed. */
  touched: boolean;
}

interface ArmDraft {
  readonly id: number;
  label: string;
  /** The label in the store. */
  committed: string;
  changes: ChangeDraft[];
}

interface RowDom {
  readonly name: HTMLInputElement;
  readonly value: HTMLInputElement;
  readonly tick: HTMLInputElement;
  readonly values: HTMLDataListElement;
  readonly hint: HTMLElement;
  readonly error: HTMLElement;
}

export interface ArmsEditorOptions {
  readonly store: Store;
  /** The baseline's value of a parameter (the scenario's, with the state's changes). */
  readonly baseValue: (name: string) => ParamValue | undefined;
  /** The parameters of the model and the run length, now. */
  readonly context: () => { readonly defs: ParamDefs; readonly ticks: number };
  /** After the arms changed (committed or rebuilt): the view redraws its markers. */
  readonly onChange: () => void;
}

export interface ArmsEditor {
  readonly element: HTMLElement;
  /** The store's arms changed elsewhere, or the run length did: rebuild or re-check. */
  sync(state: AppState): void;
  /** One marker per valid change. */
  markers(): DayMarker[];
  /** A marker is being dragged: show its day in the row. */
  previewDay(key: string, day: number): void;
  /** A marker was dropped or moved by a key: set its row's day and commit. */
  commitDay(key: string, day: number): void;
}

let ids = 0;
const fieldIds = counter();
const labelled = labeller('cmp-f', fieldIds);

const camel = (name: string) => name.trim().replace(/-+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase());
const unitText = (d: ParamDef) => (d.unit && (d.kind === 'number' || d.kind === 'integer') ? ` (${d.unit})` : '');

function draftsOf(arms: readonly ArmState[]): ArmDraft[] {
  return arms.map((a) => ({
    id: ++ids,
    label: a.label,
    committed: a.label,
    changes: a.changes.map((c) => ({ id: ++ids, name: c.name, value: String(c.value), tick: String(c.tick), valid: { tick: c.tick, name: c.name, value: c.value }, touched: true })),
  }));
}

export function armsEditor(opts: ArmsEditorOptions): ArmsEditor {
  const { store } = opts;
  const root = el('div', { cls: 'cmp-arms' });
  const list = el('div', { cls: 'cmp-arm-list' });
  const addArm = el('button', { cls: 'cmp-add-arm', text: 'Add an arm' });
  addArm.type = 'button';
  const empty = el('p', { cls: 'muted cmp-empty', text: 'No arms yet. Add one, or set up a suggested comparison above: an arm is the baseline with a few changes, each from a day.' });
  const paramList = el('datalist');
  paramList.id = `cmp-param-list-${fieldIds()}`;
  root.append(empty, list, addArm, paramList);

  let drafts: ArmDraft[] = draftsOf(store.state.arms);
  /** The arms this editor last wrote to the store (its own writes need no rebuild). */
  let written: readonly ArmState[] = store.state.arms;
  const rows = new Map<number, RowDom>();
  const labelErrors = new Map<number, { input: HTMLInputElement; error: HTMLElement }>();
  let listModel = '';

  function fillParamList(): void {
    const { defs } = opts.context();
    const sig = defs.map((d) => d.name).join(',');
    if (sig === listModel) return;
    listModel = sig;
    paramList.replaceChildren(
      ...defs.map((d) => {
        const o = document.createElement('option');
        o.value = d.name;
        o.label = `${plainWords(d.name)}: ${allowedText(d)}${unitText(d)}`;
        return o;
      }),
    );
  }

  // ---- checking ---------------------------------------------------------------------------------

  interface Checked {
    readonly def?: ParamDef;
    readonly change?: ScheduleEntry;
    readonly errors: { readonly field: 'name' | 'value' | 'tick'; readonly message: string }[];
  }

  function check(arm: ArmDraft, c: ChangeDraft, index: number): Checked {
    const { defs, ticks } = opts.context();
    const where = `arm ${drafts.indexOf(arm) + 1}, change ${index + 1}`;
    const errors: { field: 'name' | 'value' | 'tick'; message: string }[] = [];
    const msg = (e: unknown) => (e instanceof ParamError ? e.message : String(e));
    if (c.name.trim() === '') {
      errors.push({ field: 'name', message: new ParamError(`${where}: parameter`, c.name, 'a parameter name (type to search the list)').message });
      return { errors };
    }
    let def: ParamDef;
    try {
      def = lookupParam(camel(c.name), `${where}: parameter`, defs);
    } catch (e) {
      // The engine's pointer to the command line's list; here the list is the field's own.
      errors.push({ field: 'name', message: msg(e).replace('; `r2p-sim params` lists them', '; the list under the field shows them all') });
      return { errors };
    }
    let value: ParamValue | undefined;
    try {
      value = parseValue(def, c.value, `${where}: ${def.name}`);
    } catch (e) {
      errors.push({ field: 'value', message: msg(e) });
    }
    let tick: number | undefined;
    const t = c.tick.trim();
    const n = /^\+?\d{1,9}$/.test(t) ? Number(t) : NaN;
    if (!(n >= 0 && n < ticks)) {
      errors.push({ field: 'tick', message: new ParamError(`${where}: day of ${def.name}`, c.tick, `a whole day from 0 to ${ticks - 1} (the run has ${ticks} days)`).message });
    } else if (def.structural && n > 0) {
      errors.push({ field: 'tick', message: new ParamError(`${where}: day of ${def.name}`, c.tick, `0: ${def.name} shapes the world at set-up and cannot change mid-run`).message });
    } else tick = n;
    if (tick !== undefined) {
      const twin = arm.changes.findIndex((o) => o !== c && o.valid && o.valid.name === def.name && o.valid.tick === tick);
      if (twin >= 0) errors.push({ field: 'tick', message: new ParamError(`${where}: day of ${def.name}`, c.tick, `a day on which change ${twin + 1} of this arm does not already set ${def.name}`).message });
    }
    return { def, errors, ...(value !== undefined && tick !== undefined && errors.length === 0 ? { change: { tick, name: def.name, value } } : {}) };
  }

  function showRow(arm: ArmDraft, c: ChangeDraft, index: number): Checked {
    const r = check(arm, c, index);
    const dom = rows.get(c.id);
    if (!dom) return r;
    if (!c.touched) {
      dom.error.textContent = '';
      dom.hint.textContent = '';
      return r;
    }
    for (const f of ['name', 'value', 'tick'] as const) {
      const bad = r.errors.some((e) => e.field === f);
      if (bad) dom[f].setAttribute('aria-invalid', 'true');
      else dom[f].removeAttribute('aria-invalid');
    }
    dom.error.textContent = r.errors.map((e) => e.message).join(' ');
    if (r.errors.length && c.valid) dom.error.append(el('span', { cls: 'cmp-kept', text: ` (the last valid change, ${c.valid.name}=${String(c.valid.value)} from day ${c.valid.tick}, stays in force until this is fixed)` }));
    else if (r.errors.length) dom.error.append(el('span', { cls: 'cmp-kept', text: ' (not applied until fixed)' }));
    const d = r.def;
    dom.hint.textContent = d
      ? `${allowedText(d)}${unitText(d)}; baseline ${showBase(d)}${d.structural ? '; set-up only (day 0)' : ''}. ${d.description}`
      : '';
    fillValues(dom.values, d);
    return r;
  }

  function showBase(d: ParamDef): string {
    const v = opts.baseValue(d.name);
    return v === undefined ? String(d.default) : String(v);
  }

  function fillValues(dl: HTMLDataListElement, d: ParamDef | undefined): void {
    const values = d?.kind === 'enum' ? d.values : d?.kind === 'boolean' ? ['true', 'false'] : [];
    const sig = values.join('\u0000');
    if (dl.dataset.sig === sig) return;
    dl.dataset.sig = sig;
    dl.replaceChildren(...values.map((v) => Object.assign(document.createElement('option'), { value: v })));
  }

  /** Labels in order: the one typed if it is good and not taken by an arm before; else the one in the store. */
  function labels(): string[] {
    const taken = new Set<string>();
    return drafts.map((a, i) => {
      const typed = a.label;
      const ok = typed.trim() !== '' && typed.length <= MAX_LABEL_CHARS && !taken.has(typed);
      let label = ok ? typed : a.committed;
      if (taken.has(label)) {
        let k = i + 1;
        while (taken.has(`Arm ${k}`)) k++;
        label = `Arm ${k}`;
      }
      taken.add(label);
      return label;
    });
  }

  function showLabels(final: readonly string[]): void {
    drafts.forEach((a, i) => {
      const dom = labelErrors.get(a.id);
      if (!dom) return;
      const bad = final[i] !== a.label;
      if (bad) dom.input.setAttribute('aria-invalid', 'true');
      else dom.input.removeAttribute('aria-invalid');
      dom.error.textContent = bad
        ? `${new ParamError(`arm ${i + 1} label`, a.label, `a label of 1 to ${MAX_LABEL_CHARS} characters, not only spaces, that no other arm has`).message} (still called "${final[i]}")`
        : '';
    });
  }

  /** Check everything, show the messages, and write what is valid to the store. */
  function commit(): void {
    const final = labels();
    showLabels(final);
    const arms: ArmState[] = drafts.map((a, i) => {
      a.committed = final[i];
      const changes: ScheduleEntry[] = [];
      a.changes.forEach((c, j) => {
        const r = showRow(a, c, j);
        if (r.change) c.valid = r.change;
        if (c.valid) changes.push(c.valid);
      });
      return { label: final[i], changes };
    });
    const same = JSON.stringify(arms) === JSON.stringify(store.state.arms);
    written = same ? store.state.arms : arms;
    if (!same) store.set({ arms });
    addArm.disabled = drafts.length >= MAX_ARMS;
    empty.hidden = drafts.length > 0;
    opts.onChange();
  }

  // ---- building ---------------------------------------------------------------------------------

  function field(text: string, control: HTMLInputElement, cls: string): HTMLElement {
    const wrap = labelled(text, control);
    wrap.classList.add(cls);
    return wrap;
  }

  function render(): void {
    fillParamList();
    rows.clear();
    labelErrors.clear();
    const focusedId = document.activeElement instanceof HTMLElement && root.contains(document.activeElement) ? document.activeElement.dataset.focusKey : undefined;
    list.replaceChildren(...drafts.map((a, i) => renderArm(a, i)));
    if (focusedId) root.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focusedId)}"]`)?.focus();
    commit();
  }

  function renderArm(a: ArmDraft, i: number): HTMLElement {
    const box = el('fieldset', { cls: 'cmp-arm' });
    const legend = el('legend');
    const sw = el('span', { cls: 'cmp-swatch' });
    sw.setAttribute('aria-hidden', 'true');
    const { colour, dashed } = armColour(i + 1);
    sw.style.backgroundColor = colour;
    if (dashed) sw.classList.add('cmp-swatch-dashed');
    legend.append(sw, el('span', { text: `Arm ${i + 1}` }));
    const labelInput = el('input');
    labelInput.type = 'text';
    labelInput.value = a.label;
    labelInput.maxLength = MAX_LABEL_CHARS + 50;
    labelInput.autocomplete = 'off';
    labelInput.dataset.focusKey = `label-${a.id}`;
    const labelError = el('p', { cls: 'cmp-error' });
    labelError.id = `cmp-e-${fieldIds()}`;
    labelInput.setAttribute('aria-describedby', labelError.id);
    labelInput.addEventListener('input', () => (a.label = labelInput.value));
    labelInput.addEventListener('change', () => commit());
    labelErrors.set(a.id, { input: labelInput, error: labelError });
    const changes = el('div', { cls: 'cmp-changes' });
    changes.append(...a.changes.map((c, j) => renderChange(a, i, c, j)));
    if (a.changes.length === 0) changes.append(el('p', { cls: 'muted cmp-none', text: 'No changes yet: this arm runs as the baseline.' }));
    const addChange = el('button', { text: 'Add a change' });
    addChange.type = 'button';
    addChange.dataset.focusKey = `add-${a.id}`;
    addChange.addEventListener('click', () => {
      const c: ChangeDraft = { id: ++ids, name: '', value: '', tick: '0', valid: null, touched: false };
      a.changes.push(c);
      render();
      rows.get(c.id)?.name.focus();
    });
    const remove = el('button', { cls: 'cmp-remove', text: 'Remove this arm' });
    remove.type = 'button';
    remove.setAttribute('aria-label', `Remove this arm (arm ${i + 1}, ${a.committed})`);
    remove.addEventListener('click', () => {
      drafts = drafts.filter((x) => x !== a);
      render();
      (list.querySelector<HTMLElement>('.cmp-arm:last-child input') ?? addArm).focus();
    });
    const actions = el('div', { cls: 'cmp-arm-actions' });
    actions.append(addChange, remove);
    box.append(legend, field('Label', labelInput, 'cmp-label'), labelError, changes, actions);
    return box;
  }

  function renderChange(a: ArmDraft, i: number, c: ChangeDraft, j: number): HTMLElement {
    const row = el('div', { cls: 'cmp-change' });
    row.setAttribute('role', 'group');
    row.setAttribute('aria-label', `Arm ${i + 1}, change ${j + 1}`);
    const name = el('input');
    name.type = 'text';
    name.setAttribute('list', paramList.id);
    name.autocomplete = 'off';
    name.spellcheck = false;
    name.placeholder = 'search parameters';
    name.value = c.name;
    name.dataset.focusKey = `name-${c.id}`;
    const values = el('datalist');
    values.id = `cmp-v-${fieldIds()}`;
    const value = el('input');
    value.type = 'text';
    value.autocomplete = 'off';
    value.spellcheck = false;
    value.setAttribute('list', values.id);
    value.value = c.value;
    value.dataset.focusKey = `value-${c.id}`;
    const tick = el('input');
    tick.type = 'number';
    tick.min = '0';
    tick.max = String(opts.context().ticks - 1);
    tick.step = '1';
    tick.value = c.tick;
    tick.dataset.focusKey = `tick-${c.id}`;
    const hint = el('p', { cls: 'cmp-hint' });
    const error = el('p', { cls: 'cmp-error' });
    hint.id = `cmp-h-${fieldIds()}`;
    error.id = `cmp-e-${fieldIds()}`;
    for (const x of [name, value, tick]) x.setAttribute('aria-describedby', `${error.id} ${hint.id}`);
    const remove = el('button', { cls: 'cmp-remove-change', text: 'Remove' });
    remove.type = 'button';
    remove.setAttribute('aria-label', `Remove change ${j + 1} of arm ${i + 1}`);
    remove.addEventListener('click', () => {
      a.changes = a.changes.filter((x) => x !== c);
      render();
      (row.isConnected ? remove : (list.querySelectorAll<HTMLElement>('.cmp-arm')[i]?.querySelector<HTMLElement>('.cmp-arm-actions button') ?? addArm)).focus();
    });
    name.addEventListener('input', () => (c.name = name.value));
    value.addEventListener('input', () => (c.value = value.value));
    tick.addEventListener('input', () => (c.tick = tick.value));
    name.addEventListener('change', () => {
      c.touched = true;
      // A new parameter starts from its baseline value (the value field is left alone when it holds one).
      try {
        const d = lookupParam(camel(c.name), 'parameter', opts.context().defs);
        c.name = d.name;
        name.value = d.name;
        if (c.value.trim() === '' || !valueFits(d, c.value)) {
          c.value = showBase(d);
          value.value = c.value;
        }
      } catch {
        /* shown by commit() */
      }
      commit();
    });
    for (const x of [value, tick]) {
      x.addEventListener('change', () => {
        c.touched = true;
        commit();
      });
    }
    for (const x of [name, value, tick]) {
      x.addEventListener('keydown', (ev) => {
        if (ev.key !== 'Enter') return;
        c.touched = true;
        commit();
      });
    }
    const fields = el('div', { cls: 'cmp-change-fields' });
    fields.append(field('Parameter', name, 'cmp-name'), field('Value', value, 'cmp-value'), field('From day', tick, 'cmp-day'), remove);
    row.append(fields, values, error, hint);
    rows.set(c.id, { name, value, tick, values, hint, error });
    return row;
  }

  function valueFits(d: ParamDef, text: string): boolean {
    try {
      parseValue(d, text);
      return true;
    } catch {
      return false;
    }
  }

  addArm.addEventListener('click', () => {
    if (drafts.length >= MAX_ARMS) return;
    const taken = new Set(drafts.flatMap((d) => [d.label, d.committed]));
    let k = drafts.length + 1;
    while (taken.has(`Arm ${k}`)) k++;
    const c: ChangeDraft = { id: ++ids, name: '', value: '', tick: '0', valid: null, touched: false };
    drafts.push({ id: ++ids, label: `Arm ${k}`, committed: `Arm ${k}`, changes: [c] });
    render();
    rows.get(c.id)?.name.focus();
  });

  const findRow = (key: string): { a: ArmDraft; c: ChangeDraft } | undefined => {
    const [aid, cid] = key.split(':').map(Number);
    const a = drafts.find((x) => x.id === aid);
    const c = a?.changes.find((x) => x.id === cid);
    return a && c ? { a, c } : undefined;
  };

  render();

  return {
    element: root,
    sync(state) {
      if (state.arms !== written) {
        drafts = draftsOf(state.arms);
        written = state.arms;
        render();
      } else {
        // The run length or the model may have changed: re-check every field.
        fillParamList();
        for (const d of drafts) for (const c of d.changes) {
          const dom = rows.get(c.id);
          if (dom) dom.tick.max = String(opts.context().ticks - 1);
        }
        commit();
      }
    },
    markers() {
      const { defs } = opts.context();
      const out: DayMarker[] = [];
      drafts.forEach((a, i) => {
        const { colour } = armColour(i + 1);
        for (const c of a.changes) {
          if (!c.valid) continue;
          const d = defs.find((x) => x.name === c.valid!.name);
          out.push({
            key: `${a.id}:${c.id}`,
            badge: String(i + 1),
            label: `Arm ${i + 1} "${a.committed}": ${c.valid.name}=${String(c.valid.value)}`,
            what: `${c.valid.name}=${String(c.valid.value)}`,
            day: c.valid.tick,
            colour,
            fixed: Boolean(d?.structural),
          });
        }
      });
      return out;
    },
    previewDay(key, day) {
      const f = findRow(key);
      const dom = f && rows.get(f.c.id);
      if (dom) dom.tick.value = String(day);
    },
    commitDay(key, day) {
      const f = findRow(key);
      if (!f) return;
      f.c.tick = String(day);
      f.c.touched = true;
      const dom = rows.get(f.c.id);
      if (dom) dom.tick.value = f.c.tick;
      commit();
    },
  };
}
