// lib: JSON text from the command line or a file into a value, safely — a `__proto__` key is refused (it
// would replace an object's prototype where the value is copied), and a syntax error never quotes the text.

/** JSON that could not be read; the message names a position, never the text. */
export class JsonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonError';
  }
}

/** Parses JSON; throws JsonError on bad syntax or a `__proto__` key. */
export function parseJsonSafe(text: string): unknown {
  try {
    return JSON.parse(text, (key, value: unknown) => {
      if (key === '__proto__') throw new JsonError('a "__proto__" key is not allowed');
      return value;
    });
  } catch (e) {
    if (e instanceof JsonError) throw e;
    const at = /position (\d+)/.exec(e instanceof Error ? e.message : '')?.[1];
    throw new JsonError(at === undefined ? 'not valid JSON' : `not valid JSON (at character ${Number(at) + 1})`);
  }
}
