import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'calisim-request-'));

describe('calisim request', () => {
  it('answers a batch in input order with the JSON contract', () => {
    const file = join(dir, 'req.json');
    writeFileSync(file, JSON.stringify([{ url: 'https://globex.example.com/' }, { url: 'http://acme.example.com/', from: '203.0.113.5' }, { url: 'https://nobody.example.com/x', method: 'POST', headers: { 'X-A': 'b' } }]));
    const r = runCli(['request', 'scenarios/giantnetes.yaml', '--requests', file, '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    // Plain HTTP to f5-a's port-80 VIP reaches the controller's HTTP port (its own pool on NodePort 30080): ssl-redirect's 308.
    expect(out.map((x: { status: number }) => x.status)).toEqual([200, 308, 404]);
    expect(Object.keys(out[0])).toEqual(['url', 'status', 'route', 'backend', 'hops', 'disposition']);
    expect(Object.keys(out[0].route)).toEqual(['kind', 'namespace', 'name', 'host', 'path', 'pathType']);
    expect(Object.keys(out[0].backend)).toEqual(['cluster', 'namespace', 'service', 'port', 'pod']);
    expect(out[0].backend.cluster).toBe('globex');
    expect(out[2]).toMatchObject({ url: 'https://nobody.example.com/x', route: null, backend: null, disposition: 'answered' });
  });

  it('reports every problem of a batch file with its line, column and field (exit 2)', () => {
    const file = join(dir, 'bad-req.json');
    writeFileSync(file, '[\n  {"url": "https://acme.example.com/", "methd": "GET"},\n  {"from": "1.2.3.4"},\n  {"url": "https://x/", "headers": {"a": 1}, "at": "soon"}\n]\n');
    const r = runCli(['request', 'scenarios/giantnetes.yaml', '--requests', file]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').filter((l) => l.includes(': error: ')).map((l) => l.slice(file.length))).toEqual([
      ':2:40: error: [0].methd: unknown field (fields: url, method, headers, from, at)',
      ':3:3: error: [1].url: required, a string',
      ':4:46: error: [2].at: must be a duration such as "90s" or "5m" (a number: seconds)',
      ':4:37: error: [2].headers.a: must be a string',
    ]);
  });

  it('follows each batch entry at its own `at` (in time order on one run), answering in input order as --at would', () => {
    const file = join(dir, 'timed.json');
    writeFileSync(file, JSON.stringify([{ url: 'https://acme.example.com/', at: '100s' }, { url: 'https://acme.example.com/', at: 30 }]));
    const r = runCli(['request', 'scenarios/giantnetes.yaml', '--requests', file, '--format', 'json']);
    expect(r.code).toBe(0);
    const single = (at: string) => JSON.parse(runCli(['request', 'scenarios/giantnetes.yaml', '--url', 'https://acme.example.com/', '--at', at, '--format', 'json']).stdout);
    const [late, early] = JSON.parse(r.stdout);
    expect(late).toEqual(single('100s'));
    expect(early).toEqual(single('30s'));
    // acme-2 is down from 90 s: its pods are no longer ready upstreams.
    expect(late.hops.map((h: { detail: string }) => h.detail).join('\n')).not.toEqual(early.hops.map((h: { detail: string }) => h.detail).join('\n'));
  });

  it('reports bad batch entries with their index and field (exit 2)', () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify([{ url: 'https://a.example.com/' }, { from: 'nowhere', urll: 'x', at: 'soon' }]));
    const r = runCli(['request', 'scenarios/giantnetes.yaml', '--requests', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\[1\]\.urll: unknown field/);
    expect(r.stderr).toMatch(/\[1\]\.url: required/);
    expect(r.stderr).toMatch(/\[1\]\.from: must be an IPv4 address/);
    expect(r.stderr).toMatch(/\[1\]\.at: must be a duration/);
    expect(r.stderr).not.toMatch(/at .*\.js/);
  });

  it('refuses --method, --header and --from with --requests (each request carries its own), and runs the file alone', () => {
    const refused = (args: string[], text: RegExp): void => {
      const r = runCli(args);
      expect({ code: r.code, out: r.stdout }).toEqual({ code: 2, out: '' });
      expect(r.stderr).toMatch(text);
    };
    const file = join(dir, 'own.json');
    writeFileSync(file, JSON.stringify([{ url: 'https://acme.example.com/' }]));
    refused(['request', 'scenarios/giantnetes.yaml', '--requests', file, '--method', 'POST'], /^calisim: --method: each request of --requests FILE carries its own method, headers and from; it does not apply/);
    refused(['request', 'scenarios/giantnetes.yaml', '--requests', file, '--header', 'X-A: b', '--from', '203.0.113.5'], /^calisim: --header, --from: .*; they do not apply/);
    const r = runCli(['request', 'scenarios/giantnetes.yaml', '--requests', file, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(1);
  });
});
