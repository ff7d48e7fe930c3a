import { describe, expect, it } from 'vitest';
import { validateIpamConfig, validatePools } from '../../../src/model/ipam/validate-ipam.js';
import { pool, SRC } from './fixtures.js';

const messages = (ps: Parameters<typeof validatePools>[0]): string[] => validatePools(ps, 'pools').map((d) => `${d.path}: ${d.message}`);

describe('validatePools (Calico IPPool rules)', () => {
  it('accepts the default pool shapes', () => {
    expect(messages([pool({ name: 'default-ipv4-ippool', cidr: '192.168.0.0/16', ipipMode: 'Always', natOutgoing: true })])).toEqual([]);
    expect(messages([pool({ name: 'p', cidr: '10.0.0.0/26', blockSize: 26 }), pool({ name: 'q', cidr: '10.0.1.0/24', blockSize: 32 })])).toEqual([]);
  });

  it('rejects unmasked, malformed and link-local CIDRs', () => {
    expect(messages([pool({ name: 'p', cidr: '10.0.0.1/16' })])).toEqual(['pools[0].cidr: IPPool CIDR must be strictly masked (did you mean 10.0.0.0/16?)']);
    expect(messages([pool({ name: 'p', cidr: '10.0.0.0/33' })])).toEqual(['pools[0].cidr: IPPool CIDR must be a valid subnet']);
    expect(messages([pool({ name: 'p', cidr: '' })])).toEqual(['pools[0].cidr: IPPool CIDR must be specified']);
    expect(messages([pool({ name: 'p', cidr: '169.254.10.0/24' })])).toEqual(['pools[0].cidr: IPPool CIDR overlaps with IPv4 link local range 169.254.0.0/16']);
    expect(messages([pool({ name: 'p', cidr: '169.0.0.0/8', blockSize: 26 })])).toEqual(['pools[0].cidr: IPPool CIDR overlaps with IPv4 link local range 169.254.0.0/16']);
  });

  it('checks block size range and that the pool holds a block unless disabled', () => {
    expect(messages([pool({ name: 'p', cidr: '10.0.0.0/16', blockSize: 19 })])).toEqual([
      'pools[0].blockSize: blockSize must be between 20 and 32 for IPv4 pools, and between 116 and 128 for IPv6 pools',
    ]);
    expect(messages([pool({ name: 'p', cidr: '10.0.0.0/27', blockSize: 26 })])).toEqual([
      'pools[0].cidr: IP pool size is too small for use with Calico IPAM. It must be equal to or greater than the block size.',
    ]);
    expect(messages([pool({ name: 'p', cidr: '10.0.0.0/27', blockSize: 26, disabled: true })])).toEqual([]);
  });

  it('forbids IPIP and VXLAN together, and LoadBalancer combinations', () => {
    expect(messages([pool({ name: 'p', cidr: '10.0.0.0/16', ipipMode: 'Always', vxlanMode: 'CrossSubnet' })])).toEqual([
      'pools[0].vxlanMode: ipipMode and vxlanMode cannot both be enabled',
    ]);
    const lb = pool({ name: 'lb', cidr: '10.9.0.0/24', allowedUses: ['LoadBalancer', 'Workload'], ipipMode: 'Always', disableBGPExport: true, nodeSelector: 'zone == "a"' });
    expect(messages([lb])).toEqual([
      'pools[0].allowedUses: LoadBalancer IP pool cannot have IPIP or VXLAN enabled',
      'pools[0].allowedUses: LoadBalancer cannot be combined with Workload or Tunnel allowed uses',
      'pools[0].disableBGPExport: LoadBalancer IP pools cannot disable BGP export',
      'pools[0].nodeSelector: IP Pool with AllowedUse LoadBalancer must have nodeSelector set to all()',
    ]);
    expect(messages([pool({ name: 'lb', cidr: '10.9.0.0/24', allowedUses: ['LoadBalancer'] })])).toEqual([]);
  });

  it('checks node selectors', () => {
    expect(messages([pool({ name: 'p', cidr: '10.0.0.0/16', nodeSelector: 'global()' })])).toEqual([
      'pools[0].nodeSelector: global() selector is not valid for IPPool nodeSelector',
    ]);
    const bad = messages([pool({ name: 'p', cidr: '10.0.0.0/16', nodeSelector: 'zone ==' })]);
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatch(/^pools\[0\]\.nodeSelector: invalid selector/);
  });

  it('reports the later of two overlapping pools and duplicate names, located at the pool', () => {
    const ds = validatePools(
      [pool({ name: 'a', cidr: '10.0.0.0/16' }), pool({ name: 'b', cidr: '10.0.128.0/20' }), pool({ name: 'a', cidr: '10.1.0.0/16' })],
      'tenants[1].calico.ipPools',
    );
    expect(ds.map((d) => `${d.path}: ${d.message}`)).toEqual([
      'tenants[1].calico.ipPools[1].cidr: IPPool(b) CIDR overlaps with IPPool(a) CIDR 10.0.0.0/16',
      'tenants[1].calico.ipPools[2].name: duplicate IPPool name a (also tenants[1].calico.ipPools[0])',
    ]);
    expect(ds[0]).toMatchObject({ severity: 'error', file: SRC.file, line: SRC.line, col: SRC.col });
  });
});

describe('validateIpamConfig', () => {
  it('requires strictAffinity for a positive maxBlocksPerHost', () => {
    expect(validateIpamConfig({ strictAffinity: false, maxBlocksPerHost: 4 }, SRC, 'calico').map((d) => d.message)).toEqual([
      'MaxBlocksPerHost requires StrictAffinity to be enabled',
    ]);
    expect(validateIpamConfig({ strictAffinity: true, maxBlocksPerHost: 4 }, SRC, 'calico')).toEqual([]);
    expect(validateIpamConfig({ strictAffinity: false, maxBlocksPerHost: 0 }, SRC, 'calico')).toEqual([]);
  });
});
