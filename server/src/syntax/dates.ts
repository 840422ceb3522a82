import type { PlanDate } from '../model';
import { fold } from './inline';

/**
 * Dates as official documents write them, and today as it is in Vietnam.
 * The one place that reads, writes and dates: the checks' judgement date,
 * `Ngày:` completion, `kehoach new`, the status bar and every message quote
 * their dates through it. Pure: "today" is computed from a clock value the
 * caller gives, never from the machine's time zone or ICU data.
 */

/** A calendar date, checked (31/2/2023 is not one), with its ISO form `YYYY-MM-DD`. */
export type CalendarDate = Omit<PlanDate, 'range'>;

/** Vietnam keeps UTC+7 the whole year (no daylight saving time since 1975). */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

export function makeDate(day: number, month: number, year: number): CalendarDate | undefined {
  if (!(Number.isInteger(day) && Number.isInteger(month) && Number.isInteger(year))) return undefined;
  if (!(year >= 1900 && year <= 2200 && month >= 1 && month <= 12 && day >= 1)) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return undefined;
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { day, month, year, iso };
}

/** Reads the forms plans and settings use: `17/11/2020`, `5-3-2020`, `5.3.2020`, `2020-11-17`, `ngày 17 tháng 11 năm 2020`. */
export function readDate(value: string): CalendarDate | undefined {
  const v = fold(value.trim());
  let m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(v);
  if (m) return makeDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (m) return makeDate(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(?:ngay\s+)?(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})$/.exec(v);
  if (m) return makeDate(Number(m[1]), Number(m[2]), Number(m[3]));
  return undefined;
}

/** A date given as ISO (the registry's, the model's) or already read. */
function calendar(date: CalendarDate | string): CalendarDate {
  if (typeof date !== 'string') return date;
  const [year, month, day] = date.split('-').map(Number);
  return { day, month, year, iso: date };
}

/** Days below 10 and the months 1 and 2 take a leading zero (Nghị định 30/2020/NĐ-CP, Phụ lục I, phần I, mục II, khoản 4; docs/format-rules.en.md §6). */
function officialParts(date: CalendarDate | string): { day: string; month: string; year: number } {
  const { day, month, year } = calendar(date);
  return { day: String(day).padStart(2, '0'), month: month <= 2 ? String(month).padStart(2, '0') : String(month), year };
}

/** `2020-03-05` → `05/3/2020`: the short form citations, messages and `Ngày:` use. */
export function numericDate(date: CalendarDate | string): string {
  const { day, month, year } = officialParts(date);
  return `${day}/${month}/${year}`;
}

/** `2020-03-05` → `ngày 05 tháng 3 năm 2020`: the form of the place-and-date line. */
export function writtenDate(date: CalendarDate | string): string {
  const { day, month, year } = officialParts(date);
  return `ngày ${day} tháng ${month} năm ${year}`;
}

/**
 * The calendar date in Vietnam at the instant `now`: 2026-01-01T23:30Z is
 * already 02/01/2026 there. Computed by shifting the instant by seven hours
 * and reading the UTC fields, so the machine's time zone plays no part.
 */
export function todayInVietnam(now: Date): CalendarDate {
  const shifted = new Date(now.getTime() + VIETNAM_OFFSET_MS);
  return makeDate(shifted.getUTCDate(), shifted.getUTCMonth() + 1, shifted.getUTCFullYear())!;
}
