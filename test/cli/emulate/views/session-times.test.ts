// test: reading session up times from `birdc show protocols` (BIRD 1.6.8's output, captured from an
// emulation of the reflector topology while two sessions were still connecting) and summarising them.
import { describe, expect, it } from 'vitest';
import { parseShowProtocols, secondsAfter, sessionUpTimes, summarise } from '../../../../src/cli/emulate/views/session-times.js';

const OUTPUT = `BIRD 1.6.8 ready.
name     proto    table    state  since       info
static1  Static   master   up     18:19:47    
kernel1  Kernel   master   up     18:19:47    
device1  Device   master   up     18:19:47    
direct1  Direct   master   up     18:19:47    
Node_10_2_0_3 BGP      master   up     18:19:49    Established   
Node_10_2_0_4 BGP      master   up     18:19:51    Established   
Node_10_2_0_5 BGP      master   start  18:19:47    Active        Socket: No route to host
`;

describe('session up times (emulate)', () => {
  it('reads the BGP rows of show protocols: name, Established or not, and the since second', () => {
    expect(parseShowProtocols(OUTPUT)).toEqual([
      { name: 'Node_10_2_0_3', established: true, sinceS: 18 * 3600 + 19 * 60 + 49 },
      { name: 'Node_10_2_0_4', established: true, sinceS: 18 * 3600 + 19 * 60 + 51 },
      { name: 'Node_10_2_0_5', established: false, sinceS: 18 * 3600 + 19 * 60 + 47 },
    ]);
  });

  it('turns a time of day into whole seconds after the start, across midnight too', () => {
    const start = new Date(2026, 11, 6, 18, 19, 46, 700).getTime();
    expect(secondsAfter(18 * 3600 + 19 * 60 + 49, start, start + 5_000)).toBe(2);
    const late = new Date(2026, 11, 6, 23, 59, 59, 500).getTime();
    expect(secondsAfter(1, late, late + 3_000)).toBe(1);
  });

  it('a session is up when both ends are, since the later one; the summary counts the rest', () => {
    const ups = sessionUpTimes([
      { a: 'r-1', b: 'r-2', upS: 2 },
      { a: 'r-2', b: 'r-1', upS: 4 },
      { a: 'r-1', b: 'r-3', upS: 2 },
      { a: 'r-3', b: 'r-1', upS: null },
      { a: 'r-2', b: 'r-3', upS: 8 },
    ]);
    expect(ups).toEqual([4, null, 8]);
    expect(summarise(ups)).toEqual({ sessions: 3, notEstablished: 1, firstS: 4, medianS: 6, lastS: 8 });
    expect(summarise([])).toEqual({ sessions: 0, notEstablished: 0, firstS: null, medianS: null, lastS: null });
  });
});
