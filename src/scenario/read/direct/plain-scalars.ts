// scenario: plain scalars of the direct reader (block-yaml-reader.ts, flow-line-reader.ts): their text and core-schema
// value, taken from a small table of recent ones when the text repeats them (keys, `TCP`, ports), so a file of
// 12,000 manifests does not allocate a string and resolve a value again for every `apiVersion` and `6379`.
import { corePlainValue, type CorePlainValue } from './yaml-core-plain.js';

const SLOTS = 4096;
/** Longer texts are rarely repeated: sliced and resolved each time. */
const MAX_CACHED = 32;

export class PlainScalars {
  /** The text and value of the scalar last read. */
  raw = '';
  value: CorePlainValue = null;
  private readonly raws: (string | undefined)[] = new Array<string | undefined>(SLOTS).fill(undefined);
  private readonly values: CorePlainValue[] = new Array<CorePlainValue>(SLOTS).fill(null);

  /** Reads the non-empty plain scalar `text[p, e)`. */
  read(text: string, p: number, e: number): void {
    const n = e - p;
    if (n > MAX_CACHED) {
      this.raw = text.slice(p, e);
      this.value = corePlainValue(this.raw);
      return;
    }
    const slot = (n * 61 + text.charCodeAt(p) * 31 + text.charCodeAt(e - 1) * 7 + text.charCodeAt(p + (n >> 1))) & (SLOTS - 1);
    const cached = this.raws[slot];
    if (cached !== undefined && cached.length === n && text.startsWith(cached, p)) {
      this.raw = cached;
      this.value = this.values[slot] as CorePlainValue;
      return;
    }
    const raw = text.slice(p, e);
    const value = corePlainValue(raw);
    this.raws[slot] = raw;
    this.values[slot] = value;
    this.raw = raw;
    this.value = value;
  }
}
