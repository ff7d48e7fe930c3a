import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseAsNumber, parseDurationSeconds, parsePeerAddress } from '../../../src/model/bgp/bgp-values.js';

describe('parseAsNumber (numorstring.ASNumberFromString)', () => {
  it('reads plain and dotted AS numbers', () => {
    expect(parseAsNumber(64512)).toBe(64512);
    expect(parseAsNumber('64512')).toBe(64512);
    expect(parseAsNumber('1.10')).toBe(65546);
    expect(parseAsNumber('65535.65535')).toBe(4294967295);
    expect(parseAsNumber(4294967295)).toBe(4294967295);
  });
  it('rejects out-of-range and malformed values', () => {
    for (const bad of [0, -1, 4294967296, 1.5, '0', '65536.1', '1.2.3', 'x', '', true, null]) {
      expect(parseAsNumber(bad)).toBeUndefined();
    }
  });
  it('dotted a.b equals a*65536+b', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 65535 }), fc.integer({ min: 0, max: 65535 }), (a, b) => {
        const v = a * 65536 + b;
        expect(parseAsNumber(`${a}.${b}`)).toBe(v === 0 ? undefined : v);
      }),
    );
  });
});

describe('parseDurationSeconds (Go time.ParseDuration, rounded like confd)', () => {
  it('reads Go durations', () => {
    expect(parseDurationSeconds('90s')).toBe(90);
    expect(parseDurationSeconds('1m30s')).toBe(90);
    expect(parseDurationSeconds('2h')).toBe(7200);
    expect(parseDurationSeconds('1.5m')).toBe(90);
    expect(parseDurationSeconds('1500ms')).toBe(2);
    expect(parseDurationSeconds('0')).toBe(0);
  });
  it('rejects malformed durations', () => {
    for (const bad of ['90', 's', '1x', '', '1m 30s', 90]) expect(parseDurationSeconds(bad)).toBeUndefined();
  });
});

describe('parsePeerAddress (net.SplitHostPort)', () => {
  it('splits ip:port and [v6]:port', () => {
    expect(parsePeerAddress('10.0.0.1')).toEqual({ ip: '10.0.0.1', port: 0, family: 4 });
    expect(parsePeerAddress('10.0.0.1:1179')).toEqual({ ip: '10.0.0.1', port: 1179, family: 4 });
    expect(parsePeerAddress('[ac13::57]:50')).toEqual({ ip: 'ac13::57', port: 50, family: 6 });
    expect(parsePeerAddress('fd00::1')).toEqual({ ip: 'fd00::1', port: 0, family: 6 });
  });
  it('rejects garbage', () => {
    for (const bad of ['', 'host', '10.0.0.256', '10.0.0.1:99999']) expect(parsePeerAddress(bad)).toBeUndefined();
  });
});
