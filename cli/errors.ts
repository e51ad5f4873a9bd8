/** A user error the CLI reports in one line (exit code 2) rather than as a stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}
