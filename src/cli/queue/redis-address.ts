// cli: a `redis://HOST:PORT` address checked before any connection: parsed, then pinged with a short timeout,
// so an unreachable Redis is one clear error naming the address instead of endless client retries.
import { createConnection } from 'node:net';
import { UsageError } from '../usage-error.js';

export interface RedisAddress {
  readonly host: string;
  readonly port: number;
  readonly text: string;
}

/** Parses `redis://HOST[:PORT]` (port 6379 by default). */
export function parseRedisAddress(text: string): RedisAddress {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--queue ${text}: not an address (expected redis://HOST:PORT)`);
  }
  if (url.protocol !== 'redis:' || url.hostname === '') throw new UsageError(`--queue ${text}: expected redis://HOST:PORT`);
  const port = url.port === '' ? 6379 : Number(url.port);
  return { host: url.hostname.replace(/^\[|\]$/g, ''), port, text };
}

/** Resolves when Redis at `a` answers PING within `timeoutMs`; otherwise a UsageError naming the address. */
export function pingRedis(a: RedisAddress, timeoutMs = 3000): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: a.host, port: a.port });
    let answer = '';
    const fail = (why: string): void => {
      socket.destroy();
      reject(new UsageError(`cannot reach Redis at ${a.text}: ${why}`));
    };
    socket.setTimeout(timeoutMs, () => fail(`no answer within ${timeoutMs / 1000} s`));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (d) => {
      answer += d.toString('latin1');
      if (!answer.includes('\r\n')) return;
      socket.end();
      if (answer.startsWith('+PONG')) resolve();
      else fail(`it answered ${JSON.stringify(answer.trim())} (needs a password? not Redis?)`);
    });
    socket.on('error', (err: NodeJS.ErrnoException) => fail(err.code === 'ECONNREFUSED' ? 'connection refused' : (err.code ?? err.message)));
  });
}
