import { parsePlan } from '../server/src/syntax/parse';
import { readFileSync } from 'node:fs';
const r = parsePlan(readFileSync(process.argv[2], 'utf8'));
console.log(JSON.stringify(r.document, (k, v) => (k.endsWith('Range') || k === 'range' || k==='inlines'||k==='titleInlines' ? undefined : v), 1).slice(0, +(process.argv[3] ?? 4000)));
console.log(r.diagnostics);
