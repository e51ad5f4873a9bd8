/**
 * The results hash: SHA-256 over a canonical byte form of a run's results (every series as
 * little-endian float64, then the events and the summary as JSON with fixed key order). The same
 * inputs must give the same hash in Node, in a worker and in the browser.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { KernelEvent } from './kernel';

export interface HashableResult {
  /** Every series, in the model's series order (the order of the object's keys). */
  readonly series: Readonly<Record<string, ArrayLike<number>>>;
  readonly events: readonly KernelEvent[];
  readonly summary: object;
}

export function hashResult(r: HashableResult): string {
  const h = sha256.create();
  for (const name of Object.keys(r.series)) {
    const col = r.series[name];
    const buf = new ArrayBuffer(8 * col.length);
    const view = new DataView(buf);
    for (let i = 0; i < col.length; i++) view.setFloat64(8 * i, col[i], true);
    h.update(utf8ToBytes(name));
    h.update(new Uint8Array(buf));
  }
  h.update(utf8ToBytes(JSON.stringify(r.events.map((e) => [e.tick, e.actor, e.action, e.detail ?? null]))));
  h.update(utf8ToBytes(canonicalJson(r.summary)));
  return bytesToHex(h.digest());
}

/** JSON with object keys sorted, so that key order never changes a hash. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(v as object).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`).join(',')}}`;
}

/** What identifies a run's inputs: the model, its parameters and schedule, the seed, the length. */
export interface RunInputs {
  readonly model: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly schedule: readonly { readonly tick: number; readonly name: string; readonly value: unknown }[];
  readonly seed: number | string;
  readonly ticks: number;
}

/**
 * SHA-256 of a run's inputs in canonical form (key order does not matter). Two runs with the same
 * inputs hash alike; used to name run files so that different runs never share a default name.
 */
export function hashInputs(r: RunInputs): string {
  const schedule = r.schedule.map((c) => [c.tick, c.name, c.value]);
  return bytesToHex(sha256(utf8ToBytes(canonicalJson({ model: r.model, params: r.params, schedule, seed: r.seed, ticks: r.ticks }))));
}
