// cli: colour on a terminal — ANSI colours only when the stream is a TTY and NO_COLOR (no-color.org) is unset or
// empty; FORCE_COLOR=0 turns them off too. Pipes and files always get plain text.

type Colour = 'red' | 'yellow' | 'green';
const CODES: Readonly<Record<Colour, number>> = { red: 31, yellow: 33, green: 32 };

/** True when `stream` should get colours. */
export function colourOn(stream: NodeJS.WriteStream): boolean {
  const env = process.env;
  return stream.isTTY === true && (env['NO_COLOR'] ?? '') === '' && env['FORCE_COLOR'] !== '0';
}

/** `text` in `colour` when `stream` takes colours, else as is. */
export function paint(text: string, colour: Colour, stream: NodeJS.WriteStream): string {
  return colourOn(stream) ? `\x1b[${CODES[colour]}m${text}\x1b[39m` : text;
}

/** A formatted diagnostic line with its `error:` / `warning:` word coloured for stderr. */
export function paintDiagnostic(line: string): string {
  return line.replace(/: (error|warning): /, (_, w: string) => `: ${paint(w, w === 'error' ? 'red' : 'yellow', process.stderr)}: `);
}

/** A verdict word (ALLOW, DENY, UNKNOWN) coloured for stdout. */
export function paintVerdicts(line: string): string {
  return line.replace(/: (ALLOW|DENY|UNKNOWN)\b/, (_, v: string) => `: ${paint(v, v === 'ALLOW' ? 'green' : v === 'DENY' ? 'red' : 'yellow', process.stdout)}`);
}
