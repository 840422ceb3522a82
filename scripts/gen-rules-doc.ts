import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderRulesDoc } from '../server/src/checks/rules-doc';

writeFileSync(join(import.meta.dirname, '..', 'docs', 'rules.md'), renderRulesDoc());
console.log('docs/rules.md written');
