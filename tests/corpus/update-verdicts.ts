/**
 * `npm run corpus:update [id…]`: imports and checks the corpus plans again and
 * rewrites their verdict files, keeping every verdict already given (matched
 * by rule and flagged text), adding new findings as `unjudged`, and dropping
 * findings no longer reported (a true defect dropped is printed: the test
 * fails on it until the verdict file says why).
 */
import { checkCorpusPlan, manifest, matchVerdicts, missingSources, readVerdicts, writeVerdicts } from './corpus';

const only = process.argv.slice(2);
const plans = manifest().filter((p) => !only.length || only.includes(p.id));
const missing = missingSources(plans);
if (missing.length) {
  console.error(`kehoach corpus: thiếu tệp nguồn / source files missing:\n  ${missing.join('\n  ')}`);
  process.exit(2);
}
for (const plan of plans) {
  const checked = await checkCorpusPlan(plan);
  const previous = readVerdicts(plan.id);
  const { findings, gone } = matchVerdicts(checked.findings, previous?.findings ?? []);
  for (const g of gone.filter((g) => g.verdict === 'true-defect')) console.log(`${plan.id}: true defect no longer found: ${g.rule} ${g.line}: ${g.text}`);
  // A verdict kept for a finding whose message changed may no longer fit it (the same number, now repeated instead of skipped): look again.
  const said = new Map((previous?.findings ?? []).map((f) => [`${f.rule}\u0000${f.text}\u0000${f.message}`, true]));
  for (const f of findings.filter((f) => f.verdict !== 'unjudged' && !said.has(`${f.rule}\u0000${f.text}\u0000${f.message}`))) {
    console.log(`${plan.id}: ${f.verdict} kept for a changed message, check it: ${f.rule} ${f.line}: ${f.message}`);
  }
  writeVerdicts({ id: plan.id, ...(previous?.sourceHeader ? { sourceHeader: previous.sourceHeader } : {}), findings, missed: previous?.missed ?? [] });
  const unjudged = findings.filter((f) => f.verdict === 'unjudged').length;
  console.log(`${plan.id}: ${findings.length} findings${unjudged ? `, ${unjudged} unjudged` : ''}`);
}
