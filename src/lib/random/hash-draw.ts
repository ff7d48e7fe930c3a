// lib: counter-based random draws — a draw is a hash of (seed, who, what, which), so a timer's
// value does not depend on the order in which other events consumed randomness. This is what lets the
// engine skip periodic events (keepalives, doomed connection retries) and compute them lazily when they
// matter, with exactly the values a one-by-one simulation would have drawn.

/** A uniform 32-bit draw for (seed, a, b, c), all int32. */
export function draw(seed: number, a: number, b: number, c: number): number {
  let h = seed | 0;
  h = mixIn(h, a);
  h = mixIn(h, b);
  h = mixIn(h, c);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function mixIn(h: number, k0: number): number {
  let k = Math.imul(k0 | 0, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  let x = h ^ k;
  x = (x << 13) | (x >>> 19);
  return (Math.imul(x, 5) + 0xe6546b64) | 0;
}

/**
 * BIRD 1.6 `bgp_start_timer` (proto/bgp/bgp.c with sysdep/unix/io.c `tm_start`): a timer of v seconds
 * fires after v − ⌊v/4⌋ + U{0..⌊v/4⌋} whole seconds (so Calico's 2 s connect delay is exact, 5 s connect
 * retry is 4–5 s, hold 240 s is 180–240 s, keepalive 80 s is 60–80 s). Returns milliseconds.
 */
export function birdTimerMs(valueS: number, u: number, jitter: boolean): number {
  if (!jitter) return valueS * 1000;
  const r = Math.floor(valueS / 4);
  return (valueS - r + (u % (r + 1))) * 1000;
}

/** Purposes of draws (the `b` argument), so different timers of one session never share a value. */
export const DRAW_CONNECT_DELAY = 1;
export const DRAW_CONNECT_RETRY = 2;
export const DRAW_KEEPALIVE = 3;
export const DRAW_HOLD = 4;
export const DRAW_STARTUP = 5;
export const DRAW_LATENCY = 6;
export const DRAW_INITIAL_HOLD = 7;
export const DRAW_COLLISION = 8;
