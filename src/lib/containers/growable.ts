// lib: growth helpers for the parallel typed arrays the BGP tables are made of.

type Typed = Int32Array | Float64Array | Uint8Array | Int8Array;

/** Returns `a` if it holds at least `n` items, else a copy with capacity max(n, 2·length). */
export function grow<T extends Typed>(a: T, n: number, fill = 0): T {
  if (a.length >= n) return a;
  const Ctor = a.constructor as new (len: number) => T;
  const b = new Ctor(Math.max(n, a.length * 2, 16));
  b.set(a);
  if (fill !== 0) b.fill(fill, a.length);
  return b;
}
