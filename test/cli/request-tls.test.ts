// An expired ingress TLS certificate fails HTTPS at the handshake (issue 19's consequence, seen through issue
// 16's request walk): before the certificate expires the request reaches a frontend pod, after it no status
// comes back and the walk says why. Plain HTTP is unaffected (still answered by ingress-nginx: ssl-redirect's
// 308, as f5-a's port-80 VIP sends it to the controller's HTTP port).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from './run-in-process.js';

const dir = mkdtempSync(join(tmpdir(), 'calisim-tls-'));
const scenario = join(dir, 'tls-expiry.yaml');
// The default scenario, its acme ingress certificate issued with a one-hour TTL and no renewal (kubeadm-style).
writeFileSync(
  scenario,
  readFileSync('scenarios/giantnetes.yaml', 'utf8').replace(
    '    rotationPeriod: 24h\n',
    '    rotationPeriod: 24h\n    certificates:\n      - { name: ingress-tls-acme.example.com, cluster: acme, component: ingress-tls, issuer: kubeadm, ttl: 1h }\n',
  ),
);

type Answer = { status: number | null; disposition: string; hops: { step: string; detail: string }[] };

describe('HTTPS through an expired ingress certificate', () => {
  it('is delivered while the certificate is valid and fails at the handshake once it expired', async () => {
    const ask = async (at: string, url: string): Promise<Answer> => {
      const r = await runInProcess(['request', scenario, '--url', url, '--at', at, '--format', 'json']);
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as Answer;
    };
    const before = await ask('30m', 'https://acme.example.com/');
    expect(before.status).toBe(200);
    const after = await ask('90m', 'https://acme.example.com/');
    expect(after.status).toBeNull();
    expect(after.disposition).toBe('dropped');
    expect(after.hops.at(-1)).toMatchObject({ step: 'tls', detail: expect.stringMatching(/TLS handshake fails: the certificate ingress-tls-acme\.example\.com/) });
    expect((await ask('90m', 'http://acme.example.com/')).status).toBe(308);
  });
});
