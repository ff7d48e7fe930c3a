// A VIP's own member port shown where users read a run: report.json's `memberPorts` (VIP → port, only for the
// VIPs that have one), `calisim run`'s text beside the VIP, and the page's VIP list.
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../../src/model/build-model.js';
import { runPlatform } from '../../../src/engine/platform/run-platform.js';
import { renderLbSummary } from '../../../src/emit/loadbalancer/lb-summary-text.js';
import { buildVizData } from '../../../src/emit/viz/build-viz-data.js';
import { loadScenario } from '../../../src/scenario/load-scenario.js';
import { buildLbReport } from '../../../src/verdict/loadbalancer/lb-report.js';
import { lbScenario } from '../../scenario/loadbalancer/lb-scenario.js';

const file = lbScenario(`    - { name: f5, vips: [{ address: 203.0.113.20, port: 443 }, { address: 203.0.113.20, port: 80, memberPort: 30080 }], members: [{ host: mgmt-1, port: 30443 }] }`);

describe("a VIP's member port in the run's outputs", () => {
  const model = buildModel(loadScenario(file));
  const run = runPlatform(model, { until: 20_000 });
  const [vs] = buildLbReport(run).virtualServers;

  it('is in report.json for the VIP that has one, and only for it', () => {
    expect(vs!.vips).toEqual(['203.0.113.20:443/TCP', '203.0.113.20:80/TCP']);
    expect(vs!.memberPorts).toEqual({ '203.0.113.20:80/TCP': 30080 });
  });

  it("is in run's text beside its VIP", () => {
    expect(renderLbSummary([vs!])[1]).toContain('203.0.113.20:443/TCP, 203.0.113.20:80/TCP (members :30080)  ');
  });

  it("is in the page's VIP list", () => {
    expect(buildVizData(model).loadBalancers[0]!.vips).toEqual(['203.0.113.20:443/TCP', '203.0.113.20:80/TCP (members :30080)']);
  });
});
