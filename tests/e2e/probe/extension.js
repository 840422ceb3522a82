// A test-only extension that code-server loads beside kehoach: it drives the
// real extension through the VS Code API (no CSS selectors) and writes what
// it saw to $E2E_OUT for tests/e2e/code-server.mjs to judge.
const vscode = require('vscode');
const fs = require('fs');

const PLAN = 'ke-hoach-470-KH-LDLD-lai-chau.kh';

exports.activate = async () => {
  const t0 = Date.now();
  const result = { steps: [] };
  const step = (name, extra) => result.steps.push({ t: Date.now() - t0, step: name, ...extra });
  const waitFor = async (what, predicate, ms = 30000) => {
    const until = Date.now() + ms;
    for (;;) {
      const value = await predicate();
      if (value) return value;
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  try {
    const extension = vscode.extensions.getExtension('kehoach.kehoach');
    if (!extension) throw new Error('kehoach.kehoach is not installed');
    step('installed', { activeBeforeOpen: extension.isActive, version: extension.packageJSON.version });
    const [uri] = await vscode.workspace.findFiles(`**/${PLAN}`, null, 1);
    const opened = Date.now();
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    // onLanguage:kehoach activates it; activate() resolves once the server answered initialize.
    await waitFor('activation', () => extension.isActive);
    step('activated', { activationMs: Date.now() - opened, languageId: document.languageId });

    const diagnostics = await waitFor('diagnostics', () => {
      const d = vscode.languages.getDiagnostics(uri);
      return d.length > 0 && d;
    });
    step('diagnostics', { msAfterOpen: Date.now() - opened, count: diagnostics.length, codes: [...new Set(diagnostics.map((d) => String(d.code && typeof d.code === 'object' ? d.code.value : d.code)))].sort() });

    const end = new vscode.Position(document.lineCount, 0);
    await editor.edit((e) => e.insert(end, '\nChỉ thị số '));
    const cursor = new vscode.Position(document.lineCount - 1, 'Chỉ thị số '.length);
    const completions = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', uri, cursor, ' ');
    const labels = completions.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    step('completion', { count: labels.length, sample: labels.filter((l) => l.startsWith('Chỉ thị số')).slice(0, 5) });
    await vscode.commands.executeCommand('workbench.action.files.revert');

    const citation = document.getText().split('\n').findIndex((l) => /Chỉ thị số \d/.test(l));
    const column = document.lineAt(citation).text.search(/Chỉ thị số \d/) + 'Chỉ thị số '.length + 1;
    const [target] = await vscode.commands.executeCommand('vscode.executeDefinitionProvider', uri, new vscode.Position(citation, column));
    const targetUri = target && (target.uri ?? target.targetUri);
    const entry = targetUri ? (await vscode.workspace.openTextDocument(targetUri)).getText() : '';
    step('definition', { target: targetUri && targetUri.toString(), entryStart: entry.slice(0, 80) });

    const commands = (extension.packageJSON.contributes.commands || []).map((c) => c.command);
    if (commands.includes('kehoach.preview')) {
      await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
      await vscode.commands.executeCommand('kehoach.preview');
      const webview = await waitFor('the preview webview', () =>
        vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview),
      );
      step('preview', { tab: webview.label });
    }
    // Check workspace publishes the findings of plans that are not open.
    const closed = (await vscode.workspace.findFiles('**/ke-hoach-64-KH-UBND-tra-vinh.kh', null, 1))[0];
    await vscode.commands.executeCommand('kehoach.checkWorkspace');
    const closedFindings = await waitFor('the findings of a closed plan', () => vscode.languages.getDiagnostics(closed).length);
    step('checkWorkspace', { closedPlanFindings: closedFindings });

    // “New plan” inserts these skeleton snippets by name: each must exist and expand.
    const skeletons = {};
    for (const name of ['Kế hoạch đầy đủ (nhà nước)', 'Kế hoạch đầy đủ (Đảng)', 'Kế hoạch đầy đủ (đoàn thể)']) {
      const draft = await vscode.workspace.openTextDocument({ language: 'kehoach', content: '' });
      await vscode.window.showTextDocument(draft, vscode.ViewColumn.One);
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'kehoach', name });
      skeletons[name] = await waitFor(`the snippet ${name}`, () => draft.getText().startsWith('Cơ quan') && draft.lineCount);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    step('skeletons', { lines: skeletons });
    await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    result.ok = true;
  } catch (error) {
    result.ok = false;
    result.error = String((error && error.stack) || error);
  }
  fs.writeFileSync(process.env.E2E_OUT, JSON.stringify(result, null, 1));
};
