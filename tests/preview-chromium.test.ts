import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPlan } from '../server/src/checks';
import { layoutPlan } from '../server/src/layout';
import { builtinRegistry } from '../server/src/registry/builtin';
import { embeddedFontCss, renderHtmlPages, renderStandaloneHtml } from '../server/src/render/html';
import { renderPreviewPages, renderPreviewShell } from '../server/src/render/html-preview';
import { parsePlan } from '../server/src/syntax/parse';
import { temporaryFolders } from './helpers/temp-folders';
import { HOSTILE_PLAN } from './render-html-hostile';

/** Debian's Chromium, headless; a missing browser fails the test rather than skipping it. */
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/** The page's globals the tests read (the tests' own TypeScript has no DOM library). */
interface PageGlobals {
  __messages: { type: string; line?: number }[];
  __pwned?: number;
  acquireVsCodeApi: () => unknown;
  postMessage(message: unknown, target: string): void;
  document: { fonts: { ready: Promise<unknown> }; getElementById(id: string): unknown };
}

const temporaryFolder = temporaryFolders({ artifacts: true });
let browser: Browser;
/** The screenshots and printed PDFs, for a person to look at with KEHOACH_KEEP_ARTIFACTS=1. */
let shots: string;
beforeAll(async () => {
  shots = temporaryFolder('preview-chromium');
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

const layoutOf = (text: string) => layoutPlan(parsePlan(text).document);
const example = (name: string) => readFileSync(new URL(`../examples/${name}`, import.meta.url), 'utf8');

/** Opens HTML as the webview would, with a stand-in for `acquireVsCodeApi` that records the messages. */
async function open(html: string) {
  const page = await browser.newPage({ viewport: { width: 1000, height: 1300 } });
  const dialogs: string[] = [];
  const violations: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    const w = globalThis as unknown as PageGlobals;
    w.__messages = [];
    w.acquireVsCodeApi = () => ({ postMessage: (m: { type: string; line?: number }) => w.__messages.push(m) });
  });
  // Served from a made-up origin (never the network), so the init script runs as in a real load.
  await page.route('https://preview.kehoach.invalid/**', (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  await page.goto('https://preview.kehoach.invalid/', { waitUntil: 'load' });
  const messages = () => page.evaluate(() => (globalThis as unknown as PageGlobals).__messages);
  const pwned = () => page.evaluate(() => (globalThis as unknown as PageGlobals).__pwned);
  return { page, dialogs, violations, messages, pwned };
}

describe('the preview in headless Chromium', () => {
  it('runs its own script but no script from the plan, in the first pages and after an update', async () => {
    const layout = layoutOf(HOSTILE_PLAN);
    const shell = renderPreviewShell(renderPreviewPages(layout, []), { nonce: 'testnonce123', cspSource: 'https://webview.invalid' });
    const { page, dialogs, pwned } = await open(shell);
    await page.waitForFunction(() => (globalThis as unknown as PageGlobals).__messages.some((m) => m.type === 'ready'));
    expect(await pwned()).toBeUndefined();
    expect(await page.locator('script').count()).toBe(1);
    expect(await page.locator('img, iframe, a').count()).toBe(0);
    expect(await page.locator('.kh-doc').innerText()).toContain('<script>window.__pwned=1</script>');

    const update = renderPreviewPages(layout, []);
    await page.evaluate((m) => (globalThis as unknown as PageGlobals).postMessage(m, '*'), { type: 'update', body: update.body, css: update.css });
    // The update replaces the first pages' stylesheet.
    await page.waitForFunction(() => !(globalThis as unknown as PageGlobals).document.getElementById('kh-pages-css'));
    expect(await pwned()).toBeUndefined();
    expect(await page.locator('img, iframe, a, .kh-doc script').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('runs no script at all in the standalone HTML export', async () => {
    const { page, dialogs, pwned, messages } = await open(renderStandaloneHtml(layoutOf(HOSTILE_PLAN), { embedFonts: false }));
    // Nothing should happen: give a late handler the time to fire if one slipped through.
    await page.waitForTimeout(200);
    expect(await pwned()).toBeUndefined();
    expect(await messages()).toEqual([]);
    expect(await page.locator('script, img, iframe, a').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('reports a click as the source line, scrolls to a line it is sent and fits a narrow panel', async () => {
    const text = example('ke-hoach-64-KH-UBND-tra-vinh.kh');
    const layout = layoutOf(text);
    const { page, messages, violations } = await open(renderPreviewShell(renderPreviewPages(layout, []), { nonce: 'n0nce', cspSource: 'https://webview.invalid' }));
    const heading = page.locator('.kh-heading').first();
    const line = Number(await heading.getAttribute('data-line'));
    expect(text.split('\n')[line]).toMatch(/^# /);
    await heading.click();
    await expect.poll(messages).toContainEqual({ type: 'reveal', line });

    const headings = page.locator('.kh-heading');
    const middle = headings.nth(Math.floor((await headings.count()) / 2));
    const middleLine = Number(await middle.getAttribute('data-line'));
    await page.evaluate((l) => (globalThis as unknown as PageGlobals).postMessage({ type: 'scrollTo', line: l }, '*'), middleLine);
    await expect.poll(async () => Math.abs(12 - (await middle.evaluate((el) => el.getBoundingClientRect().top)))).toBeLessThan(2);
    // A panel narrower than the sheet shows the whole sheet, smaller.
    await page.setViewportSize({ width: 500, height: 800 });
    await expect.poll(async () => (await page.locator('.kh-page').first().boundingBox())!.width).toBeLessThanOrEqual(500);
    expect((await page.locator('.kh-page').first().boundingBox())!.x).toBeGreaterThanOrEqual(0);
    expect(violations).toEqual([]);
    await page.close();
  });

  it('marks the blocks that carry findings on the page, and only in the preview', async () => {
    const parsed = parsePlan(example('ke-hoach-470-KH-LDLD-lai-chau.kh'));
    const diagnostics = checkPlan(parsed, { registry: builtinRegistry(), config: {} });
    const layout = layoutPlan(parsed.document);
    const { page } = await open(renderPreviewShell(renderPreviewPages(layout, diagnostics), { nonce: 'n0nce', cspSource: 'https://webview.invalid' }));
    // Typed `III.` after `I.`: the layout prints the computed `II.` and marks the heading.
    const skipped = page.locator('.kh-heading.kh-diag-warning', { hasText: 'II. NHIỆM VỤ VÀ GIẢI PHÁP' });
    expect(await skipped.count()).toBeGreaterThan(0);
    expect(await skipped.first().getAttribute('title')).toContain('Số đề mục nhảy từ I. sang III.');
    const background = await skipped.first().evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(el).backgroundColor);
    expect(background).not.toBe('rgba(0, 0, 0, 0)');
    await skipped.first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'marks.png') });
    await page.close();
  });

  // One test per plan: each reads hundreds of nodes' fonts over CDP, which on a loaded machine takes a while.
  it.each(['ke-hoach-64-KH-UBND-tra-vinh.kh', 'ke-hoach-184-KH-TU-tinh-uy-lai-chau.kh', 'ke-hoach-470-KH-LDLD-lai-chau.kh', 'ke-hoach-mau.kh'])(
    'draws every letter of %s exported with the embedded subsets, lines as long as with the whole faces',
    async (name) => {
      // Where Liberation Serif is installed, fontconfig gives it for Times New Roman and the file's own
      // faces never load: only their family is left, so that Chromium has to draw with them.
      const own = renderStandaloneHtml(layoutOf(example(name))).replace(/(\.kh-doc\{font-family:)[^;]+/, '$1"Liberation Serif"');
      const whole = own.replace(/(@font-face\{[^}]+\}\n)+/, `${embeddedFontCss()}\n`);
      expect(whole.length).toBeGreaterThan(own.length * 5);
      const drawn: { fonts: string[]; lines: string[] }[] = [];
      for (const html of [own, whole]) {
        const { page, violations } = await open(html);
        await page.evaluate(() => (globalThis as unknown as PageGlobals).document.fonts.ready);
        // A face the browser's sanitizer rejected would have the status `error`; each subset is of a face
        // the text uses, so it loads (a whole face the plan never draws is never asked for).
        const faces = await page.evaluate(() => Array.from((globalThis as unknown as { document: { fonts: Iterable<{ status: string }> } }).document.fonts, (f) => f.status));
        expect(faces.length).toBeGreaterThan(1);
        expect(
          faces.every((status) => status === 'loaded' || (html === whole && status === 'unloaded')),
          faces.join(', '),
        ).toBe(true);
        expect(violations).toEqual([]);
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('DOM.enable');
        await cdp.send('CSS.enable');
        const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
        const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: '.kh-p, .kh-p span, .kh-page-number' });
        const fonts = new Set<string>();
        for (const nodeId of nodeIds)
          for (const font of (await cdp.send('CSS.getPlatformFontsForNode', { nodeId })).fonts) fonts.add(`${font.postScriptName}${font.isCustomFont ? ' (embedded)' : ''}`);
        // Line boxes of every paragraph: the same widths mean the same advances and kerning, so the same breaks.
        const lines = await page.locator('.kh-p').evaluateAll((els) =>
          els.map((el) => {
            const range = el.ownerDocument.createRange();
            range.selectNodeContents(el);
            return Array.from(range.getClientRects() as ArrayLike<{ width: number }>, (r) => r.width.toFixed(2)).join(' ');
          }),
        );
        drawn.push({ fonts: [...fonts].sort(), lines });
        if (html === own)
          await page
            .locator('.kh-page')
            .first()
            .screenshot({ path: join(shots, `subset-${name.replace(/\.kh$/, '')}.png`) });
        await page.close();
      }
      // No letter falls back to a font of the system: the subsets hold every one.
      expect(
        drawn[0].fonts.every((f) => f.endsWith(' (embedded)')),
        drawn[0].fonts.join(', '),
      ).toBe(true);
      expect(drawn[0].fonts).toContain('LiberationSerif (embedded)');
      expect(drawn[0]).toEqual(drawn[1]);
    },
  );

  it('draws the pages of state, party and mass plans as A4 sheets (screenshots to look at)', async () => {
    for (const [name, kind] of [
      ['ke-hoach-64-KH-UBND-tra-vinh.kh', 'state'],
      ['ke-hoach-184-KH-TU-tinh-uy-lai-chau.kh', 'party'],
      ['ke-hoach-470-KH-LDLD-lai-chau.kh', 'mass'],
      ['ke-hoach-mau.kh', 'model'],
    ]) {
      const shot = (what: string) => join(shots, `${kind}-${what}`);
      const layout = layoutOf(example(name));
      const { page } = await open(renderStandaloneHtml(layout));
      await page.evaluate(() => (globalThis as unknown as PageGlobals).document.fonts.ready);
      const sheet = page.locator('.kh-page').first();
      const box = (await sheet.boundingBox())!;
      // 210 mm at 96 px per inch.
      expect(box.width).toBeCloseTo((210 / 25.4) * 96, 0);
      const landscape = page.locator('.kh-landscape');
      if (layout.sections.some((s) => s.page.orientation === 'landscape')) expect((await landscape.first().boundingBox())!.width).toBeCloseTo((297 / 25.4) * 96, 0);
      await sheet.screenshot({ path: shot('page1.png') });
      await page
        .locator('.kh-page')
        .nth(1)
        .screenshot({ path: shot('page2.png') });
      await page
        .locator('.kh-page')
        .last()
        .screenshot({ path: shot('last.png') });
      // Estimated pagination against the browser's real one: no sheet overflows its A4 height by much.
      const heights = await page.locator('.kh-page').evaluateAll((els) => els.map((el) => el.scrollHeight));
      for (const h of heights) expect(h).toBeLessThan(((297 + 30) / 25.4) * 96);
      // Printed, the export gives one A4 sheet per page of the layout, landscape ones included.
      const printed = shot('print.pdf');
      await page.pdf({ path: printed, preferCSSPageSize: true, printBackground: true });
      const info = execFileSync('pdfinfo', ['-l', '99', printed], { encoding: 'utf8' });
      expect(Number(/^Pages:\s+(\d+)/m.exec(info)![1])).toBe(layout.pages.length);
      const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => `${Math.round(Number(m[1]))}x${Math.round(Number(m[2]))}`);
      expect(sizes).toEqual(layout.pages.map((p) => (layout.sections[p.section].page.orientation === 'landscape' ? '842x595' : '595x842')));
      await page.close();
    }
  });
});

describe('the HTML pages', () => {
  it('number the pages from the second one', () => {
    const pages = renderHtmlPages(layoutOf(example('ke-hoach-64-KH-UBND-tra-vinh.kh')));
    expect(pages.body).not.toMatch(/data-page="1"><div class="kh-page-number">/);
    expect(pages.body).toContain('<div class="kh-page-number">2</div>');
  });
});
