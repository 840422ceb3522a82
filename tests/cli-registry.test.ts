import { describe, expect, it } from 'vitest';
import { kehoach } from './helpers/cli';
import { temporaryFolders } from './helpers/temp-folders';
import { TINH_UY_PLAN_ENTRY, writeWorkspaceRegistry } from './helpers/workspace-registry';

const temporaryFolder = temporaryFolders();

describe('kehoach registry', () => {
  it('shows a document by its number as citations write it, with its status on a date, sources and confidence', () => {
    const dir = temporaryFolder('registry');
    const r = kehoach(dir, 'registry', 'show', 'Luật số 74/2014/QH13', '--date', '2026-03-01');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Cơ quan ban hành / Issuer: Quốc hội');
    expect(r.stdout).toContain('Tình trạng / Status: đã bị thay thế bằng Luật 124/2025/QH15 từ 01/01/2026');
    expect(r.stdout).toContain('Độ tin cậy / Confidence: verified');
    expect(r.stdout).toContain('http://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=46822');
    const before = kehoach(dir, 'registry', 'show', '74/2014/QH13', '--date', '2025-03-01');
    expect(before.stdout).toContain('Tình trạng / Status: còn hiệu lực');
  });

  it('finds a party directive written with its separators swapped, and gives it as JSON', () => {
    const r = kehoach(temporaryFolder('registry'), 'registry', 'show', '21/CT-TW', '--format', 'json');
    expect(r.code).toBe(0);
    const [found] = JSON.parse(r.stdout) as { number: string; date: string; confidence: string; status: { state: string } }[];
    expect(found).toMatchObject({ number: '21-CT/TW', date: '2023-05-04', confidence: 'cited', status: { state: 'unknown' } });
  });

  it('finds documents and agencies by their words, whole words only, without regard to diacritics and abbreviations', () => {
    const dir = temporaryFolder('registry');
    const r = kehoach(dir, 'registry', 'find', 'cong tac van thu', '--format', 'json', '--limit', '50');
    const numbers = (JSON.parse(r.stdout) as { number?: string }[]).map((f) => f.number);
    expect(numbers).toContain('30/2020/NĐ-CP');
    const agencies = JSON.parse(kehoach(dir, 'registry', 'find', 'Sở GD&ĐT', '--format', 'json').stdout) as { kind: string; id?: string }[];
    expect(agencies.filter((f) => f.kind === 'agency').map((f) => f.id)).toContain('so-gddt');
  });

  it('reads the registry files of the nearest kehoach.json', () => {
    const dir = temporaryFolder('registry');
    writeWorkspaceRegistry(dir, [TINH_UY_PLAN_ENTRY]);
    const r = kehoach(dir, 'registry', 'show', '99-KH/TU');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Tỉnh ủy Lai Châu');
  });

  it('exits 1 when nothing is found, 2 on a usage error with the command’s usage', () => {
    const dir = temporaryFolder('registry');
    const none = kehoach(dir, 'registry', 'find', 'xyzzy');
    expect([none.code, none.stdout]).toEqual([1, 'Không tìm thấy "xyzzy" trong danh mục / "xyzzy" not found in the registry\n']);
    const bad = kehoach(dir, 'registry', 'list');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Cách dùng / Usage: kehoach registry find TEXT… | show NUMBER');
    expect(kehoach(dir, 'registry', 'show', '30/2020/NĐ-CP', '--date', '5/3/2020').code).toBe(2);
    expect(kehoach(dir, 'registry', '--help').stdout).toContain('show NUMBER');
  });
});
