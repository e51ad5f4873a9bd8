/**
 * A sweep file that cannot be used: every problem with the file, the path inside it, the value
 * found and what was expected, like a scenario file's (a ParamError, so the CLI reports it in the
 * same one-line form; the first problem leads, the others follow).
 */
import { FileError, type FileIssue } from '../json-issues';

/** One problem with a sweep file: the path inside it, the value found, what was expected. */
export type SweepIssue = FileIssue;

/** A sweep file that cannot be used (every problem, with its path, value and what was expected). */
export class SweepError extends FileError {
  constructor(file: string, issues: readonly SweepIssue[]) {
    super(file, issues);
    this.name = 'SweepError';
  }
}
