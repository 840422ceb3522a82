import { describe, expect, it } from 'vitest';
import { checkCorpusPlan, manifest, matchVerdicts, missingSources, readVerdicts } from './corpus';

/**
 * `npm run test:corpus`: every plan of the corpus imported and checked, its
 * findings against the verdicts given by hand. Fails on a finding nobody has
 * judged (new, or `unjudged`), and on a true defect no longer found.
 * `npm run corpus:update` rewrites the verdict files after a change.
 */
const plans = manifest();

describe('the corpus of real plans', () => {
  it('has every source file, as the manifest lists it', () => {
    expect(missingSources(plans)).toEqual([]);
  });

  for (const plan of plans) {
    it(`${plan.id} (${plan.form}, ${plan.set})`, async () => {
      const verdicts = readVerdicts(plan.id);
      expect(verdicts, `no verdict file: run npm run corpus:update ${plan.id}`).toBeDefined();
      const { findings, gone } = matchVerdicts((await checkCorpusPlan(plan)).findings, verdicts!.findings);
      const unjudged = findings.filter((f) => f.verdict === 'unjudged').map((f) => `${f.rule} ${f.line}: ${f.text} — ${f.message}`);
      expect(unjudged, 'findings nobody has judged (npm run corpus:update, then judge them)').toEqual([]);
      const lost = gone.filter((g) => g.verdict === 'true-defect').map((g) => `${g.rule} ${g.line}: ${g.text}`);
      expect(lost, 'true defects no longer found').toEqual([]);
    });
  }
});
