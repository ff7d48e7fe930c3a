// cli: a mistake in how a command was called (bad flag value, missing file): exit code 2, no stack.

/** A command-line usage error; the message is shown as is. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
