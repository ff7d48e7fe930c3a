// lib: diagnostics shared by every stage — a problem in the user's input, located by file, line,
// column and field path, and the error that carries a batch of them to the CLI (exit code 2).

/** Where a value came from in the user's input (1-based line and column). */
export interface SourceRef {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

/**
 * Which position of a field a locator answers: its value's (most problems are about what was written there) or its
 * key's (a problem with the key itself: unknown, duplicate or not allowed), where editors should jump.
 */
export type FieldPart = 'value' | 'key';

/** One problem in the input. `path` is the field path, e.g. `tenants[2].calico.ipPools[0].cidr`. */
export interface Diagnostic {
  readonly severity: 'error' | 'warning';
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly path: string;
  readonly message: string;
}

/** Thrown when input is invalid; carries every problem found, never just the first. */
export class InputError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'InputError';
    this.diagnostics = diagnostics;
  }
}

/** `file:line:col: error: path: message` (path omitted when empty). */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line > 0 ? `${d.file}:${d.line}:${d.col}` : d.file;
  const field = d.path ? `${d.path}: ` : '';
  return `${where}: ${d.severity}: ${field}${d.message}`;
}

/** A diagnostic at a source reference (or at an unknown place in `file`). */
export function diagnosticAt(
  src: SourceRef | undefined,
  path: string,
  message: string,
  severity: 'error' | 'warning' = 'error',
  file = '<input>',
): Diagnostic {
  return {
    severity,
    file: src?.file ?? file,
    line: src?.line ?? 0,
    col: src?.col ?? 0,
    path,
    message,
  };
}

/** Collects diagnostics; `throwIfErrors` raises an InputError when any error was added. */
export class DiagnosticSink {
  readonly items: Diagnostic[] = [];
  add(d: Diagnostic): void {
    this.items.push(d);
  }
  error(src: SourceRef | undefined, path: string, message: string): void {
    this.items.push(diagnosticAt(src, path, message, 'error'));
  }
  warn(src: SourceRef | undefined, path: string, message: string): void {
    this.items.push(diagnosticAt(src, path, message, 'warning'));
  }
  get errorCount(): number {
    let n = 0;
    for (const d of this.items) if (d.severity === 'error') n++;
    return n;
  }
  throwIfErrors(): void {
    if (this.errorCount > 0) throw new InputError(this.items.filter((d) => d.severity === 'error'));
  }
}
