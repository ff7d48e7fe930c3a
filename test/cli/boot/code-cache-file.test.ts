// The code cache's file: what was written reads back whole; a torn, damaged or foreign file reads as nothing, so
// it never reaches V8 (which checks a cache's version, flags and source length, but not its bytes).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCodeCache, digestOf, encodeCodeCache, type CacheOrigin } from '../../../src/cli/boot/code-cache-file.js';

const origin: CacheOrigin = { bundle: digestOf(Buffer.from('bundle')), node: 'v20.20.2', arch: 'x64' };
const payloadArb = fc.uint8Array({ minLength: 1, maxLength: 400 });

describe('the code cache file', () => {
  it('reads back the payload it was written with', () => {
    fc.assert(
      fc.property(payloadArb, (payload) => {
        expect(decodeCodeCache(encodeCodeCache(origin, payload), origin)).toEqual(Buffer.from(payload));
      }),
      { numRuns: 300, seed: 20261207 },
    );
  });

  it('reads as nothing once any byte is changed or the file is cut short', () => {
    fc.assert(
      fc.property(payloadArb, fc.nat(), fc.integer({ min: 1, max: 255 }), fc.boolean(), (payload, at, flip, cut) => {
        const file = encodeCodeCache(origin, payload);
        const i = at % file.length;
        const damaged = cut ? file.subarray(0, i) : Buffer.from(file);
        if (!cut) damaged[i] = damaged[i]! ^ flip;
        expect(decodeCodeCache(damaged, origin)).toBeUndefined();
      }),
      { numRuns: 1000, seed: 20261207 },
    );
  });

  it('reads as nothing when made from another bundle, Node or CPU', () => {
    const file = encodeCodeCache(origin, Buffer.from([1, 2, 3]));
    expect(decodeCodeCache(file, { ...origin, bundle: digestOf(Buffer.from('other bundle')) })).toBeUndefined();
    expect(decodeCodeCache(file, { ...origin, node: 'v22.0.0' })).toBeUndefined();
    expect(decodeCodeCache(file, { ...origin, arch: 'arm64' })).toBeUndefined();
  });

  it('reads as nothing when it is not a cache at all', () => {
    expect(decodeCodeCache(Buffer.alloc(0), origin)).toBeUndefined();
    expect(decodeCodeCache(Buffer.from('garbage\n'.repeat(100)), origin)).toBeUndefined();
    expect(decodeCodeCache(Buffer.alloc(4096, 0x61), origin)).toBeUndefined();
  });
});
