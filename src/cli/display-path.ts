// cli: file names in outputs are shown relative to the working directory when inside it, so reports
// are byte-identical wherever the project is checked out.
import { isAbsolute, relative } from 'node:path';

/** `file` relative to the cwd when it lies below it, else as given. */
export function displayPath(file: string): string {
  if (!isAbsolute(file)) return file;
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') || isAbsolute(rel) ? file : rel;
}
