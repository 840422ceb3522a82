import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PlanSystem } from '../model';
import type { Registry } from '../registry/registry';
import { planAsDocument } from '../registry/workspace';
import { newPlan } from '../scaffold';
import { parsePlan } from '../syntax/parse';
import { subcommand, UsageError, type CommandSpec } from './arguments';
import { outputTarget, planOutput, writeAtomically } from '../host/output-file';
import { listPlanFiles, readPlanFile, UnreadableFileError } from '../host/plan-files';

const SYSTEMS: readonly PlanSystem[] = ['state', 'party', 'mass'];

/**
 * `kehoach new …`: the skeleton of a plan implementing a parent, printed or
 * written to OUT (atomically, never over an existing file without `--force`). The `.kh` files
 * of the output's folder (or the current one) and below are the workspace:
 * when the parent is one of them, its tasks for the issuer are listed.
 * `registryOf` gives the registry of the nearest kehoach.json. Exit 0
 * written, 2 usage or I/O error.
 */
export const newCommand = (registryOf: (file: string) => Registry) =>
  subcommand(
    {
      name: 'new',
      summary: {
        vi: 'Soạn khung kế hoạch mới thực hiện một văn bản cấp trên (liệt kê nhiệm vụ cấp trên giao khi văn bản đó ở trong thư mục).',
        en: 'Start a plan implementing a parent document (listing the tasks the parent gives when it is in the folder).',
      },
      operands: { name: '', min: 0, max: 0 },
      options: {
        implements: {
          type: 'string',
          required: true,
          value: '"<văn bản cấp trên>"',
          help: { vi: 'văn bản cấp trên, như khi trích dẫn: "Chỉ thị số 21-CT/TW"', en: 'the parent as it is cited: "Chỉ thị số 21-CT/TW"' },
        },
        issuer: { type: 'string', required: true, value: '"<cơ quan>"', help: { vi: 'cơ quan ban hành kế hoạch mới', en: 'the body issuing the new plan' } },
        system: {
          type: 'string',
          choices: SYSTEMS,
          help: { vi: 'hệ văn bản: nhà nước, Đảng, đoàn thể (mặc định: theo tên cơ quan)', en: 'the system: state, party, mass organisation (default: from the issuer’s name)' },
        },
        date: { type: 'string', value: 'YYYY-MM-DD', help: { vi: 'ngày của kế hoạch (mặc định: hôm nay)', en: 'the plan’s date (default: today)' } },
        output: { type: 'string', short: 'o', value: 'OUT.kh', help: { vi: 'tệp đích (mặc định: in ra màn hình)', en: 'the output file (default: standard output)' } },
        force: { type: 'boolean', help: { vi: 'ghi đè tệp đích đã có', en: 'replace an existing output file' } },
      },
    } as const satisfies CommandSpec,
    (values, _operands, { out, err }) => {
      if (values.date && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) throw new UsageError(`--date có dạng YYYY-MM-DD / --date is YYYY-MM-DD: ${values.date}`);
      const target = values.output && values.output !== '-' ? outputTarget(undefined, values.output, planOutput(values.force)) : undefined;
      const folder = target ? dirname(target) : process.cwd();
      const plans = (existsSync(folder) ? listPlanFiles(folder).files : []).flatMap((file) => {
        try {
          return planAsDocument(parsePlan(readPlanFile(file).text).document, file) ?? [];
        } catch (error) {
          if (!(error instanceof UnreadableFileError)) throw error;
          err(`kehoach: ${error.message}`);
          return [];
        }
      });
      const plan = newPlan({
        implements: values.implements!,
        issuer: values.issuer!,
        system: values.system as PlanSystem | undefined,
        date: values.date,
        registry: registryOf(join(folder, 'plan.kh')).with({ documents: plans }),
      });
      for (const note of plan.notes) err(`kehoach: ${note}`);
      if (plan.tasks.length) err(`kehoach: ${plan.tasks.length} nhiệm vụ từ văn bản cấp trên / tasks from the parent`);
      if (target) {
        writeAtomically(target, plan.text);
        out(target);
      } else out(plan.text);
      return 0;
    },
  );
