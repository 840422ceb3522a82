// A test-only extension that code-server loads beside kehoach. It drives the
// real extension through the VS Code API (no CSS selectors), writes what it
// saw to $E2E_OUT for tests/e2e/code-server.mjs to judge, then answers that
// script's requests on a local HTTP port: put the workbench in a known state
// (every editor closed, nothing dirty, no panel), show a plan by its URI with
// the cursor where a step types, run a command, wait for a line's text. The
// script's UI steps thus never depend on where focus happened to be left.
const vscode = require('vscode');
const fs = require('fs');
const http = require('http');

const PLAN = 'ke-hoach-470-KH-LDLD-lai-chau.kh';

/** Resolves with `predicate()`'s first truthy value, re-evaluated on each event given (and once at once). */
function when(what, events, predicate, ms = 60000) {
  return new Promise((resolve, reject) => {
    const subscriptions = [];
    const done = (fn, value) => {
      clearTimeout(timer);
      for (const s of subscriptions) s.dispose();
      fn(value);
    };
    const check = () => {
      try {
        const value = predicate();
        if (value) done(resolve, value);
      } catch (error) {
        done(reject, error);
      }
    };
    const timer = setTimeout(() => done(reject, new Error(`timed out waiting for ${what}`)), ms);
    for (const event of events) subscriptions.push(event(check));
    check();
  });
}

/** For a state no event announces: `predicate` read every 20 ms until it holds. */
async function poll(what, predicate, ms = 60000) {
  const until = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** `poll` for a state only an asynchronous question can tell. */
async function pollAsync(what, predicate, ms = 60000) {
  const until = Date.now() + ms;
  while (!(await predicate())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function planUri(name) {
  const [uri] = await vscode.workspace.findFiles(`**/${name}`, null, 1);
  if (!uri) throw new Error(`${name} is not in the workspace`);
  return uri;
}

const activeUri = () => vscode.window.activeTextEditor && vscode.window.activeTextEditor.document.uri.toString();

/** The API checks, each waiting for the state it asserts. */
async function checkThroughApi(step) {
  const extension = vscode.extensions.getExtension('kehoach.kehoach');
  if (!extension) throw new Error('kehoach.kehoach is not installed');
  step('installed', { activeBeforeOpen: extension.isActive, version: extension.packageJSON.version });
  const uri = await planUri(PLAN);
  const opened = Date.now();
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
  // onLanguage:kehoach activates it; activate() resolves once the server answered initialize.
  // No event tells of an activation: the flag is read until it is set.
  await poll('activation', () => extension.isActive);
  step('activated', { activationMs: Date.now() - opened, languageId: document.languageId });

  const diagnostics = await when('diagnostics', [vscode.languages.onDidChangeDiagnostics], () => {
    const d = vscode.languages.getDiagnostics(uri);
    return d.length > 0 && d;
  });
  step('diagnostics', {
    msAfterOpen: Date.now() - opened,
    count: diagnostics.length,
    codes: [...new Set(diagnostics.map((d) => String(d.code && typeof d.code === 'object' ? d.code.value : d.code)))].sort(),
  });

  const end = new vscode.Position(document.lineCount, 0);
  await editor.edit((e) => e.insert(end, '\nChỉ thị số '));
  const cursor = new vscode.Position(document.lineCount - 1, 'Chỉ thị số '.length);
  const completions = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', uri, cursor, ' ');
  const labels = completions.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
  step('completion', { count: labels.length, sample: labels.filter((l) => l.startsWith('Chỉ thị số')).slice(0, 5) });
  await revert(uri);

  const citation = document
    .getText()
    .split('\n')
    .findIndex((l) => /Chỉ thị số \d/.test(l));
  const column = document.lineAt(citation).text.search(/Chỉ thị số \d/) + 'Chỉ thị số '.length + 1;
  const [target] = await vscode.commands.executeCommand('vscode.executeDefinitionProvider', uri, new vscode.Position(citation, column));
  const targetUri = target && (target.uri ?? target.targetUri);
  const entry = targetUri ? (await vscode.workspace.openTextDocument(targetUri)).getText() : '';
  step('definition', { target: targetUri && targetUri.toString(), entryStart: entry.slice(0, 80) });

  const commands = (extension.packageJSON.contributes.commands || []).map((c) => c.command);
  if (commands.includes('kehoach.preview')) {
    await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('kehoach.preview');
    const webview = await when('the preview webview', [vscode.window.tabGroups.onDidChangeTabs], () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview),
    );
    step('preview', { tab: webview.label });
  }
  // Check workspace publishes the findings of plans that are not open.
  const closed = await planUri('ke-hoach-64-KH-UBND-tra-vinh.kh');
  await vscode.commands.executeCommand('kehoach.checkWorkspace');
  const closedFindings = await when('the findings of a closed plan', [vscode.languages.onDidChangeDiagnostics], () => vscode.languages.getDiagnostics(closed).length);
  step('checkWorkspace', { closedPlanFindings: closedFindings });

  // Rà soát tệp Word / Review a Word file: the reviewed copy is written beside the draft, and the plan imported from it is shown with its findings.
  const [draft] = await vscode.workspace.findFiles('**/du-thao.docx', null, 1);
  if (!draft) throw new Error('du-thao.docx is not in the workspace');
  const reviewedPlan = vscode.Uri.from({ scheme: 'kehoach-review', path: `${draft.path}.kh` });
  // The command ends when its closing message is dismissed: its states are awaited instead, and the message cleared.
  vscode.commands.executeCommand('kehoach.reviewDocx', draft).then(undefined, () => {});
  const reviewFindings = await when('the findings of the reviewed Word file', [vscode.languages.onDidChangeDiagnostics], () => {
    const d = vscode.languages.getDiagnostics(reviewedPlan);
    return d.length > 0 && d;
  });
  step('reviewDocx', { findings: reviewFindings.length, codes: [...new Set(reviewFindings.map((d) => String(d.code && typeof d.code === 'object' ? d.code.value : d.code)))].sort() });
  await vscode.commands.executeCommand('notifications.clearAll');

  // “New plan” inserts these skeleton snippets by name: each must exist and expand.
  const skeletons = {};
  for (const name of ['Kế hoạch đầy đủ (nhà nước)', 'Kế hoạch đầy đủ (Đảng)', 'Kế hoạch đầy đủ (đoàn thể)']) {
    const draft = await vscode.workspace.openTextDocument({ language: 'kehoach', content: '' });
    const draftEditor = await vscode.window.showTextDocument(draft, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'kehoach', name });
    skeletons[name] = await when(`the snippet ${name}`, [vscode.workspace.onDidChangeTextDocument], () => draft.getText().startsWith('Cơ quan') && draft.lineCount);
    await closeUnsaved(draftEditor);
  }
  step('skeletons', { lines: skeletons });

  // kehoach.json: VS Code's JSON support completes its keys from the schema the extension contributes (jsonValidation).
  const [config] = await vscode.workspace.findFiles('**/kehoach.json', null, 1);
  if (!config) throw new Error('kehoach.json is not in the workspace');
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(config), vscode.ViewColumn.One);
  // The JSON language server starts with the first JSON document and reads the schema then: it is asked again until its answer holds the schema's keys.
  let keys = [];
  await pollAsync('the schema’s keys in the completion of kehoach.json', async () => {
    const completions = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', config, new vscode.Position(1, 2));
    keys = completions.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label).replace(/"/g, ''));
    return keys.includes('planDate');
  });
  step('configCompletion', { keys: keys.sort() });
}

/** Reverts a plan's unsaved edits (the editor showing it becomes active first: revert acts on the active editor). */
async function revert(uri) {
  const document = await vscode.workspace.openTextDocument(uri);
  if (!document.isDirty) return;
  await vscode.window.showTextDocument(document, { preview: false });
  await when(`${uri} active`, [vscode.window.onDidChangeActiveTextEditor], () => activeUri() === uri.toString());
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await when(`${uri} reverted`, [vscode.workspace.onDidChangeTextDocument], () => !document.isDirty);
}

async function closeUnsaved(editor) {
  await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preview: false });
  await when('the draft active', [vscode.window.onDidChangeActiveTextEditor], () => vscode.window.activeTextEditor && vscode.window.activeTextEditor.document === editor.document);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

const allTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs);

/** What the script may ask, each answering once the state it asks for holds. */
const requests = {
  /** Nothing dirty, no editor, no panel, no widget: the state every UI step starts from. */
  async reset() {
    for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
      if (document.isUntitled) {
        const editor = await vscode.window.showTextDocument(document, { preview: false });
        await closeUnsaved(editor);
      } else await revert(document.uri);
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await when('every editor closed', [vscode.window.tabGroups.onDidChangeTabs], () => allTabs().length === 0);
    await vscode.commands.executeCommand('workbench.action.closePanel');
    return state();
  },
  /**
   * Shows a plan, found by its file name, in the first group with the
   * keyboard focus; `newLine` first adds an empty last line (the script
   * moves the cursor there with the keyboard, in order with what it types).
   */
  async show({ file, newLine }) {
    const uri = await planUri(file);
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preview: false, preserveFocus: false });
    await when(`${file} active`, [vscode.window.onDidChangeActiveTextEditor], () => activeUri() === uri.toString());
    if (newLine) await editor.edit((e) => e.insert(document.lineAt(document.lineCount - 1).range.end, '\n'));
    return { uri: uri.toString(), lastLine: document.lineCount - 1, ...state() };
  },
  async command({ command, args = [] }) {
    await vscode.commands.executeCommand(command, ...args);
    return state();
  },
  /** Answers once line `line` of the plan reads `text`. */
  async line({ file, line, text }) {
    const document = await vscode.workspace.openTextDocument(await planUri(file));
    await when(`line ${line + 1} of ${file} to read “${text}”`, [vscode.workspace.onDidChangeTextDocument], () => line < document.lineCount && document.lineAt(line).text === text);
    return state();
  },
  async state() {
    return state();
  },
};

function state() {
  return {
    activeEditor: activeUri() || null,
    tabs: vscode.window.tabGroups.all.map((g) => ({ column: g.viewColumn, active: g.isActive, tabs: g.tabs.map((t) => `${t.isActive ? '*' : ''}${t.label}`) })),
    dirty: vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.toString()),
  };
}

function serve() {
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', async () => {
      const name = request.url.slice(1);
      try {
        if (!Object.hasOwn(requests, name)) throw new Error(`no request ${name}`);
        const answer = await requests[name](body ? JSON.parse(body) : {});
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
      } catch (error) {
        response.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: String((error && error.stack) || error), ...state() }));
      }
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
}

exports.activate = async () => {
  const t0 = Date.now();
  const result = { steps: [] };
  const step = (name, extra) => result.steps.push({ t: Date.now() - t0, step: name, ...extra });
  try {
    await checkThroughApi(step);
    result.ok = true;
  } catch (error) {
    result.ok = false;
    result.error = String((error && error.stack) || error);
  }
  result.port = await serve();
  result.state = state();
  // Written whole, then renamed: the script never reads half a result.
  fs.writeFileSync(`${process.env.E2E_OUT}.part`, JSON.stringify(result, null, 1));
  fs.renameSync(`${process.env.E2E_OUT}.part`, process.env.E2E_OUT);
};
