import { describe, expect, it } from 'vitest';
import { nginxBehaviour } from '../../../src/model/edge/nginx-annotations.js';

const N = 'nginx.ingress.kubernetes.io/';

describe('ingress-nginx annotations', () => {
  it('defaults: ssl-redirect on, HTTP backends, endpoints directly', () => {
    expect(nginxBehaviour({})).toMatchObject({ sslRedirect: true, forceSslRedirect: false, backendProtocol: 'HTTP', serviceUpstream: false, snippets: [], ignored: [], problems: [] });
  });
  it('reads canaries, allowlists (with the whitelist alias), snippets, and lists the rest as ignored', () => {
    const b = nginxBehaviour({
      [`${N}canary`]: 'true',
      [`${N}canary-by-header`]: 'X-Canary',
      [`${N}canary-weight`]: '20',
      [`${N}whitelist-source-range`]: '10.0.0.0/8, 192.0.2.1',
      [`${N}server-snippet`]: 'return 200;',
      [`${N}proxy-body-size`]: '8m',
      'kubernetes.io/ingress.class': 'nginx',
    });
    expect(b.canary).toEqual({ byHeader: 'X-Canary', weight: 20, weightTotal: 100 });
    expect(b.allow).toHaveLength(2);
    expect(b.snippets).toEqual([`${N}server-snippet`]);
    expect(b.ignored).toEqual([`${N}proxy-body-size`]);
  });
  it('reports contradictions and bad values', () => {
    const b = nginxBehaviour({ [`${N}ssl-redirect`]: 'false', [`${N}force-ssl-redirect`]: 'true', [`${N}canary-weight`]: '30', [`${N}backend-protocol`]: 'SMTP', [`${N}allowlist-source-range`]: 'nope' });
    expect(b.problems).toHaveLength(4);
    expect(b.problems.join('\n')).toMatch(/contradicts ssl-redirect/);
  });
});
