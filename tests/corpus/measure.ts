/**
 * `npm run corpus:measure [--all]`: the figures of the measured quarter (or
 * of every plan): header fields found where the source has them, import
 * artefacts and false alarms as a share of the warning and information
 * findings, and the true defects found among those a reviewer marks.
 */
import { parsePlan } from '../../server/src/syntax/parse';
import { checkCorpusPlan, manifest, matchVerdicts, readVerdicts, type VerdictFile } from './corpus';

const all = process.argv.includes('--all');
const plans = manifest().filter((p) => all || p.set === 'measured');
const squeeze = (s: string) => s.normalize('NFC').replace(/\*+/g, '').replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi');
/** Dates compare by their numbers (`05/12/2025` = `5/12/2025`). */
const sameValue = (key: string, a: string, b: string) => (key === 'date' ? a.split('/').map(Number).join('/') === b.split('/').map(Number).join('/') : squeeze(a) === squeeze(b));

const rows: string[][] = [['plan', 'issuer', 'form', 'header', 'W+I', 'artefact', 'false', 'debatable', 'true', 'missed', 'found']];
const total = { fields: 0, found: 0, wi: 0, artefact: 0, falseAlarm: 0, trueFound: 0, missed: 0, unjudged: 0 };
for (const plan of plans) {
  const checked = await checkCorpusPlan(plan);
  const verdicts: VerdictFile = readVerdicts(plan.id) ?? { id: plan.id, findings: [], missed: [] };
  const { findings } = matchVerdicts(checked.findings, verdicts.findings);
  const header = Object.fromEntries(parsePlan(checked.imported.text).document.header.fields.map((f) => [f.key, f.value]));
  const expected = Object.entries(verdicts.sourceHeader ?? {});
  const found = expected.filter(([key, value]) => header[key] !== undefined && sameValue(key, header[key], value!)).length;
  const wi = findings.filter((f) => f.severity === 'warning' || f.severity === 'information');
  const count = (v: string) => wi.filter((f) => f.verdict === v).length;
  const trueFound = findings.filter((f) => f.verdict === 'true-defect').length;
  total.fields += expected.length;
  total.found += found;
  total.wi += wi.length;
  total.artefact += count('import-artefact');
  total.falseAlarm += count('false-alarm');
  total.trueFound += trueFound;
  total.missed += verdicts.missed.length;
  total.unjudged += findings.filter((f) => f.verdict === 'unjudged').length;
  rows.push([
    plan.id,
    plan.issuerKind,
    plan.form.replace(/ \(.*/, ''),
    `${found}/${expected.length}`,
    `${wi.length}`,
    `${count('import-artefact')}`,
    `${count('false-alarm')}`,
    `${count('debatable')}`,
    `${trueFound}`,
    `${verdicts.missed.length}`,
    trueFound + verdicts.missed.length ? `${Math.round((100 * trueFound) / (trueFound + verdicts.missed.length))}%` : '–',
  ]);
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i])).join('  '));
const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '–');
console.log(`\n${all ? 'all plans' : 'measured quarter'}: ${plans.length} plans`);
console.log(`header fields found where the source has them: ${total.found}/${total.fields} (${pct(total.found, total.fields)})`);
console.log(`import artefacts + false alarms among warnings and information: ${total.artefact} + ${total.falseAlarm} of ${total.wi} (${pct(total.artefact + total.falseAlarm, total.wi)})`);
console.log(`true defects found: ${total.trueFound} of ${total.trueFound + total.missed} (${pct(total.trueFound, total.trueFound + total.missed)})`);
if (total.unjudged) console.log(`unjudged findings: ${total.unjudged}`);
