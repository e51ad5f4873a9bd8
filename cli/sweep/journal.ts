/**
 * The journal: an append-only file of one JSON line per finished run (journal.jsonl), the one
 * durable record of a sweep's results. The parent process appends a batch of finished runs with
 * one write and makes it durable (fsync) before it counts them done; so a sweep killed at any
 * moment loses at most the runs not yet written, and a run is either in the journal whole or
 * not at all. A killed write can leave a torn last line (no newline): reading stops before it,
 * and a resumed sweep cuts it off and runs that run again. A complete line that does not read as
 * a run of this sweep is damage, and is refused.
 *
 * The index maps each run to its line (file, offset, length): about 14 bytes a run, so that the
 * outputs can be written in run order from a journal in finishing order without holding the runs.
 */
import { closeSync, fstatSync, fsyncSync, ftruncateSync, openSync, readSync, writeSync } from 'node:fs';
import { parseJournalLine, type ResolvedSweep, type RunRecord } from '../../analysis/sweep/index';
import { UsageError } from '../errors';

export const JOURNAL = 'journal.jsonl';

export class JournalIndex {
  readonly offset: Float64Array;
  readonly length: Uint32Array;
  readonly file: Uint16Array;
  readonly failed: Uint8Array;
  count = 0;
  failures = 0;

  constructor(readonly runs: number) {
    this.offset = new Float64Array(runs).fill(-1);
    this.length = new Uint32Array(runs);
    this.file = new Uint16Array(runs);
    this.failed = new Uint8Array(runs);
  }

  has(run: number): boolean {
    return this.offset[run] >= 0;
  }

  add(run: number, file: number, offset: number, length: number, failed: boolean): void {
    this.offset[run] = offset;
    this.length[run] = length;
    this.file[run] = file;
    this.failed[run] = failed ? 1 : 0;
    this.count++;
    if (failed) this.failures++;
  }
}

export interface ScanResult {
  /** Bytes of whole lines (where a torn last line starts). */
  readonly validBytes: number;
  readonly size: number;
  /** Runs read (duplicates, which a sound journal never has, counted once). */
  readonly records: number;
  /** Runs found in another file already (merge: overlapping shards), with the file they were first in. */
  readonly overlaps: { run: number; first: number }[];
}

const CHUNK = 1 << 20;

/**
 * Read a journal into `index` as file `fileId`. Lines not of this sweep are refused (UsageError
 * naming the file and line); a last line without its newline is torn and left out.
 */
export function scanJournal(path: string, fileId: number, r: ResolvedSweep, seedOfRun: (run: number) => number, index: JournalIndex, shard?: { index: number; count: number } | null): ScanResult {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { validBytes: 0, size: 0, records: 0, overlaps: [] };
    throw e;
  }
  const overlaps: { run: number; first: number }[] = [];
  let records = 0;
  let pos = 0;
  let lineNo = 0;
  let carry = Buffer.alloc(0);
  let carryStart = 0;
  const size = fstatSync(fd).size;
  try {
    const buf = Buffer.alloc(CHUNK);
    while (pos < size) {
      const n = readSync(fd, buf, 0, CHUNK, pos);
      if (n <= 0) break;
      const data = carry.length ? Buffer.concat([carry, buf.subarray(0, n)]) : buf.subarray(0, n);
      let start = 0;
      for (;;) {
        const nl = data.indexOf(10, start);
        if (nl < 0) break;
        lineNo++;
        const offset = carryStart + start;
        const text = data.toString('utf8', start, nl);
        const rec = parseJournalLine(text, r, seedOfRun);
        if (!rec) throw new UsageError(`${path}: line ${lineNo} is not a run of this sweep (${JSON.stringify(text.slice(0, 80))}); the journal is damaged`);
        if (shard && rec.run % shard.count !== shard.index - 1) throw new UsageError(`${path}: line ${lineNo} holds run ${rec.run}, which is not of shard ${shard.index}/${shard.count}; the journal is damaged`);
        if (index.has(rec.run)) {
          if (index.file[rec.run] !== fileId) overlaps.push({ run: rec.run, first: index.file[rec.run] });
        } else {
          index.add(rec.run, fileId, offset, nl - start + 1, rec.error !== null);
          records++;
        }
        start = nl + 1;
      }
      carryStart += start;
      carry = Buffer.from(data.subarray(start));
      pos += n;
    }
  } finally {
    closeSync(fd);
  }
  return { validBytes: carryStart, size, records, overlaps };
}

/** The journal of a running sweep: appends made durable before they count. */
export class JournalWriter {
  private fd: number;
  size: number;

  constructor(readonly path: string, validBytes: number) {
    this.fd = openSync(path, 'a+');
    const actual = fstatSync(this.fd).size;
    // Cut off a torn last line (a write killed part-way): that run is run again.
    if (actual > validBytes) {
      ftruncateSync(this.fd, validBytes);
      fsyncSync(this.fd);
    }
    this.size = validBytes;
  }

  /** Append whole lines with one write and fsync; returns each line's offset. */
  append(lines: readonly string[]): number[] {
    const offsets: number[] = [];
    let at = this.size;
    for (const l of lines) {
      offsets.push(at);
      at += Buffer.byteLength(l);
    }
    const buf = Buffer.from(lines.join(''));
    let done = 0;
    while (done < buf.length) done += writeSync(this.fd, buf, done, buf.length - done);
    fsyncSync(this.fd);
    this.size = at;
    return offsets;
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** Reads journal lines by (file, offset, length) through a cache of one block per file. */
export class LineReader {
  private fds: number[];
  private blocks: { start: number; data: Buffer }[];

  constructor(readonly paths: readonly string[]) {
    this.fds = paths.map((p) => openSync(p, 'r'));
    this.blocks = paths.map(() => ({ start: -1, data: Buffer.alloc(0) }));
  }

  read(file: number, offset: number, length: number): string {
    const b = this.blocks[file];
    if (b.start < 0 || offset < b.start || offset + length > b.start + b.data.length) {
      const want = Math.max(CHUNK, length);
      const data = Buffer.alloc(want);
      const n = readSync(this.fds[file], data, 0, want, offset);
      b.start = offset;
      b.data = data.subarray(0, n);
    }
    return b.data.toString('utf8', offset - b.start, offset - b.start + length);
  }

  record(file: number, offset: number, length: number, r: ResolvedSweep, seedOfRun: (run: number) => number): RunRecord {
    const text = this.read(file, offset, length).replace(/\n$/, '');
    const rec = parseJournalLine(text, r, seedOfRun);
    if (!rec) throw new UsageError(`${this.paths[file]}: the line at byte ${offset} changed while it was read`);
    return rec;
  }

  close(): void {
    for (const fd of this.fds) closeSync(fd);
  }
}
