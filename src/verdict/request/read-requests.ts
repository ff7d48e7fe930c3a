// verdict: a batch of requests from JSON (`[{ "url", "method"?, "headers"?: { name: value }, "from"?, "at"? }]`)
// into HttpRequests, with every problem reported as a `[i].field` diagnostic; and `Name: value` headers.
import { type Diagnostic, diagnosticAt } from '../../lib/diagnostics.js';
import { parseIpv4 } from '../../lib/ipv4.js';
import { parseDuration, simTimeProblem } from '../../scenario/schema/duration.js';
import type { HttpRequest } from './types.js';

/** The client address used when a request names none (TEST-NET-2, RFC 5737: outside every platform network). */
export const DEFAULT_CLIENT = '198.51.100.10';
const FIELDS = new Set(['url', 'method', 'headers', 'from', 'at']);

/** Reads the batch; requests come back in input order when there is no error. */
export function readRequests(json: unknown, file: string): { requests: HttpRequest[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const err = (path: string, msg: string) => diagnostics.push(diagnosticAt(undefined, path, msg, 'error', file));
  if (!Array.isArray(json)) {
    err('', 'requests must be a JSON array');
    return { requests: [], diagnostics };
  }
  const requests = json.flatMap((r: unknown, i): HttpRequest[] => {
    if (typeof r !== 'object' || r === null || Array.isArray(r)) {
      err(`[${i}]`, 'must be an object');
      return [];
    }
    const o = r as Record<string, unknown>;
    for (const k of Object.keys(o)) if (!FIELDS.has(k)) err(`[${i}].${k}`, 'unknown field (fields: url, method, headers, from, at)');
    if (typeof o['url'] !== 'string') err(`[${i}].url`, 'required, a string');
    if (o['method'] !== undefined && typeof o['method'] !== 'string') err(`[${i}].method`, 'must be a string');
    if (o['from'] !== undefined && (typeof o['from'] !== 'string' || parseIpv4(o['from']) < 0)) err(`[${i}].from`, 'must be an IPv4 address');
    const at = typeof o['at'] === 'string' || typeof o['at'] === 'number' ? parseDuration(o['at']) : undefined;
    const late = at === undefined ? undefined : simTimeProblem(at);
    if (o['at'] !== undefined && (at === undefined || late !== undefined)) err(`[${i}].at`, late ?? 'must be a duration such as "90s" or "5m" (a number: seconds)');
    const headers: Record<string, string> = {};
    const h = o['headers'];
    if (h !== undefined && (typeof h !== 'object' || h === null || Array.isArray(h))) err(`[${i}].headers`, 'must be an object of name: value');
    else for (const [k, v] of Object.entries((h ?? {}) as Record<string, unknown>)) {
      if (typeof v !== 'string') err(`[${i}].headers.${k}`, 'must be a string');
      else headers[k.toLowerCase()] = v;
    }
    return typeof o['url'] === 'string' ? [{ url: o['url'], method: typeof o['method'] === 'string' ? o['method'] : 'GET', headers, from: typeof o['from'] === 'string' ? o['from'] : DEFAULT_CLIENT, ...(at !== undefined ? { at } : {}) }] : [];
  });
  return { requests: diagnostics.length ? [] : requests, diagnostics };
}

/** `Name: value` header arguments as a map with lower-case names, or an error message. */
export function parseHeaders(lines: readonly string[]): Record<string, string> | string {
  const out: Record<string, string> = {};
  for (const l of lines) {
    const i = l.indexOf(':');
    if (i <= 0) return `--header ${JSON.stringify(l)}: write 'Name: value'`;
    out[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
  }
  return out;
}
