// viz: the viz data the page reads — the emit stage's types themselves (src/emit/viz/viz-data.ts, which
// imports nothing), type-only, so the bundle takes no code from src/ and the two can never drift apart.
export type * from '../../src/emit/viz/viz-data.js';
