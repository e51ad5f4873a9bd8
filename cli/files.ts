/**
 * Files the CLI reads and writes. Run files are written whole or not at all: to a temporary file
 * in the same folder, flushed, then renamed over the target (write-file-atomic), so a full disk
 * or a crash leaves the old file or the new one, never a truncated one. Output paths are
 * checked before a run starts, so a bad path fails in a second, not after an hour's run.
 */
import { accessSync, constants, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { UsageError } from './errors';

/** Parsed JSON of a file; a one-line UsageError naming the file when it cannot be read or parsed. */
export function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`${path}: cannot read it: ${reason(e)}`);
  }
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new UsageError(`${path}: not valid JSON: ${clip((e as Error).message)}`);
  }
}

/**
 * Check that `path` can be written as a file: not empty, not a directory, its parent (created
 * if missing) a directory this process may write to. Throws a one-line UsageError naming the
 * path and why.
 */
export function checkOutputPath(path: string, flag = '--out'): void {
  if (path.trim() === '') throw new UsageError(`${flag}: got an empty path, expected a file to write`);
  const target = statOrNone(path);
  if (target?.isDirectory()) throw new UsageError(`${flag} ${path}: is a directory, expected a file path (e.g. ${path.replace(/\/*$/, '')}/run.json)`);
  if (target && !target.isFile()) throw new UsageError(`${flag} ${path}: is not a regular file`);
  if (target) {
    try {
      accessSync(path, constants.W_OK);
    } catch (e) {
      throw new UsageError(`${flag} ${path}: cannot overwrite it: ${reason(e)}`);
    }
  }
  // The nearest existing ancestor must be a writable directory (missing folders are created).
  let dir = dirname(resolve(path));
  for (;;) {
    const s = statOrNone(dir);
    if (s) {
      if (!s.isDirectory()) throw new UsageError(`${flag} ${path}: ${dir} is a file, not a folder`);
      try {
        accessSync(dir, constants.W_OK);
      } catch (e) {
        throw new UsageError(`${flag} ${path}: cannot write in ${dir}: ${reason(e)}`);
      }
      return;
    }
    const up = dirname(dir);
    if (up === dir) return;
    dir = up;
  }
}

/** The file's stat, or undefined when nothing is there (or a part of the path is a file). */
function statOrNone(path: string) {
  try {
    return statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new UsageError(`${path}: ${reason(e)}`);
  }
}

/** A failure to write output that was checked beforehand (a full disk, an I/O error). */
export class WriteError extends Error {
  override name = 'WriteError';
}

/** Write `text` to `path` atomically, creating missing folders; a WriteError names the path. */
export function writeTextAtomically(path: string, text: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileAtomic.sync(path, text, { mode: 0o644 });
  } catch (e) {
    throw new WriteError(`cannot write ${path}: ${reason(e)}; any earlier file at that path is unchanged`);
  }
}

/** An fs error in words ("no space left on device (ENOSPC)"), without Node's stack or syscall. */
function reason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const words: Record<string, string> = {
    ENOENT: 'no such file or folder',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EISDIR: 'is a directory',
    ENOTDIR: 'a part of the path is a file, not a folder',
    ENOSPC: 'no space left on device',
    EROFS: 'read-only file system',
    EDQUOT: 'disk quota exceeded',
    EIO: 'input/output error',
  };
  if (err?.code && words[err.code]) return `${words[err.code]} (${err.code})`;
  return clip(err?.message ?? String(e));
}

const clip = (s: string) => (s.length > 200 ? `${s.slice(0, 200)}...` : s);
