// cli (start-up): the file a V8 code cache is kept in — one header line naming what the cache was made from
// (the bundle's digest, Node's version and the CPU) and the payload's digest, then V8's bytes. A file that is
// torn, foreign, corrupt or made from another bundle decodes to nothing, so it is never handed to V8.
import { createHash } from 'node:crypto';

const MAGIC = 'calisim-code-cache';
const FORMAT = '1';
/** The header is short; a file without a newline this early is not ours. */
const HEADER_MAX = 256;

/** What a cache must have been made from to be used: the bundle's digest, on this Node and CPU. */
export interface CacheOrigin {
  readonly bundle: string;
  readonly node: string;
  readonly arch: string;
}

/** The hex SHA-1 of `data` (a digest against damage and staleness, not against an attacker). */
export function digestOf(data: Uint8Array): string {
  return createHash('sha1').update(data).digest('hex');
}

/** The cache file's bytes: the header line, then V8's payload. */
export function encodeCodeCache(origin: CacheOrigin, payload: Uint8Array): Buffer {
  const header = [MAGIC, FORMAT, origin.bundle, origin.node, origin.arch, digestOf(payload)].join(' ');
  return Buffer.concat([Buffer.from(`${header}\n`, 'latin1'), payload]);
}

/**
 * V8's payload from a cache file, or undefined when the file is not a whole cache of `origin` (V8 checks its own
 * version and flags, but only the length of the source, and trusts the bytes: a damaged payload must not reach it).
 */
export function decodeCodeCache(file: Uint8Array, origin: CacheOrigin): Buffer | undefined {
  const buf = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  const end = buf.subarray(0, HEADER_MAX).indexOf(0x0a);
  if (end < 0) return undefined;
  const [magic, format, bundle, node, arch, sum, ...rest] = buf.toString('latin1', 0, end).split(' ');
  if (magic !== MAGIC || format !== FORMAT || rest.length > 0) return undefined;
  if (bundle !== origin.bundle || node !== origin.node || arch !== origin.arch) return undefined;
  const payload = buf.subarray(end + 1);
  return payload.length > 0 && digestOf(payload) === sum ? payload : undefined;
}
