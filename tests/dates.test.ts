import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkPlan } from '../server/src/checks';
import { builtinRegistry } from '../server/src/registry/builtin';
import { newPlan } from '../server/src/scaffold';
import { createPlanService } from '../server/src/service/plan-service';
import { numericDate, readDate, todayInVietnam, writtenDate } from '../server/src/syntax/dates';
import { parsePlan } from '../server/src/syntax/parse';

/**
 * One date module (server/src/syntax/dates.ts): the official forms, and
 * today as it is in Vietnam (UTC+7) whatever the machine's clock zone.
 * Before 07:00 in Vietnam the UTC date is still yesterday's.
 */
describe('today in Vietnam', () => {
  it('at 2026-01-01T23:30Z it is 02/01/2026 in Vietnam', () => {
    const today = todayInVietnam(new Date('2026-01-01T23:30:00Z'));
    expect(today.iso).toBe('2026-01-02');
    expect(numericDate(today)).toBe('02/01/2026');
  });

  it('turns at 17:00 UTC, whatever time zone the machine is set to', () => {
    const zone = process.env.TZ;
    try {
      for (const tz of ['UTC', 'America/Los_Angeles', 'Asia/Ho_Chi_Minh', 'Pacific/Kiritimati']) {
        process.env.TZ = tz;
        expect([todayInVietnam(new Date('2026-02-28T16:59:59Z')).iso, todayInVietnam(new Date('2026-02-28T17:00:00Z')).iso], tz).toEqual(['2026-02-28', '2026-03-01']);
        expect(todayInVietnam(new Date('2025-12-31T17:00:00Z')).iso, tz).toBe('2026-01-01');
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});

describe('the official date forms', () => {
  it('write a leading zero for days below 10 and for the months 1 and 2 only', () => {
    expect(numericDate('2020-03-05')).toBe('05/3/2020');
    expect(numericDate('2023-01-04')).toBe('04/01/2023');
    expect(numericDate('2020-11-17')).toBe('17/11/2020');
    expect(writtenDate('2020-03-05')).toBe('ngày 05 tháng 3 năm 2020');
    expect(writtenDate('2025-02-10')).toBe('ngày 10 tháng 02 năm 2025');
  });

  it('are read back in every form plans and settings use, and an impossible date is refused', () => {
    for (const form of ['05/3/2020', '5/3/2020', '05-03-2020', '5.3.2020', '2020-03-05', 'ngày 05 tháng 3 năm 2020', 'Ngày 5 tháng 03 năm 2020', '5 tháng 3 năm 2020']) {
      expect(readDate(form)?.iso, form).toBe('2020-03-05');
    }
    for (const wrong of ['31/2/2023', '29/02/2023', '00/1/2020', '2020-13-01', '5/3/20', 'hôm nay']) expect(readDate(wrong), wrong).toBeUndefined();
    expect(readDate('29/02/2024')?.iso).toBe('2024-02-29');
  });
});

describe('at dawn in Vietnam, the tools speak of today, not of yesterday (UTC)', () => {
  // 06:00 on 01/01/2026 in Vietnam; 31/12/2025 in UTC. Luật 74/2014/QH13 is replaced from 01/01/2026.
  const dawn = new Date('2025-12-31T23:00:00Z');
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(dawn);
  });
  afterEach(() => vi.useRealTimers());

  const draft =
    'Cơ quan: ỦY BAN NHÂN DÂN TỈNH LAI CHÂU\nSố: /KH-UBND\nĐịa danh: Lai Châu\nLoại: Kế hoạch\nTrích yếu: Thực hiện Luật Giáo dục nghề nghiệp\n---\n\nThực hiện Luật số 74/2014/QH13 ngày 27/11/2014 của Quốc hội về giáo dục nghề nghiệp, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\n';

  it('a plan written today without a date yet is judged on today: the law replaced this morning is reported', () => {
    const diagnostics = checkPlan(parsePlan(draft));
    const replaced = diagnostics.find((d) => d.code === 'citation-validity');
    expect(replaced?.message).toMatch(/thay thế bằng Luật .*124\/2025\/QH15 .*từ 01\/01\/2026.*tại hôm nay \(01\/01\/2026; kế hoạch chưa có ngày\)/);
    expect(diagnostics.find((d) => d.code === 'date-fallback')?.message).toContain('(01/01/2026)');
  });

  it('the status bar shows today as the date the plan is judged on', () => {
    const status = createPlanService().getPlanStatus({ uri: 'file:///du-thao.kh', version: 1, getText: () => draft });
    expect(status).toMatchObject({ date: '2026-01-01', dateText: '01/01/2026', dateSource: 'today' });
  });

  it('completion after Ngày: offers today’s date in Vietnam', () => {
    vi.setSystemTime(new Date('2026-01-01T23:30:00Z'));
    const text = 'Ngày: \n---\n';
    const items = createPlanService().getCompletions({ uri: 'file:///du-thao.kh', version: 1, getText: () => text }, { line: 0, character: 'Ngày: '.length });
    expect(items.map((c) => c.label)).toEqual(['02/01/2026']);
  });

  it('kehoach new dates a new plan today', () => {
    const plan = newPlan({ implements: 'Chỉ thị số 21-CT/TW', issuer: 'ỦY BAN NHÂN DÂN TỈNH LAI CHÂU', registry: builtinRegistry() });
    expect(plan.text).toMatch(/^Ngày: 01\/01\/2026$/m);
  });
});
