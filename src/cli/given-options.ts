// cli: which options the user typed. yargs fills an option's default into the parsed arguments as if it had been
// given; its parser lists those keys apart (yargs-parser's `defaulted`), and main.ts records them here per parse.

const defaultedOf = new WeakMap<object, ReadonlySet<string>>();

/** Records the options of `args` that hold their default (not typed). */
export function recordDefaulted(args: object, defaulted: Iterable<string>): void {
  defaultedOf.set(args, new Set(defaulted));
}

/** True when the user gave option `name` (canonical key): a value that is not its default, false nor an empty list. */
export function isGiven(args: Record<string, unknown>, name: string): boolean {
  const v = args[name];
  if (v === undefined || v === false || (Array.isArray(v) && v.length === 0)) return false;
  return !(defaultedOf.get(args)?.has(name) ?? false);
}
