import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerPreviewCommands } from './preview';
// The method names and the size limit are the one run-time import from the server: constants, no code.
import {
  CHECK_WORKSPACE,
  IMPORT,
  MAX_SENT_FILE_BYTES,
  NEW_PLAN,
  PLAN_STATUS,
  REGISTRY_ENTRY,
  REVIEW,
  REVIEW_SCHEME,
  type CheckWorkspaceResult,
  type ImportParams,
  type ImportPlanResult,
  type NewPlanParams,
  type NewPlanResult,
  type PlanStatus,
  type PlanStatusParams,
  type RegistryEntryParams,
  type ReviewFileResult,
  type ReviewParams,
} from '../../server/src/lsp/protocol';

let client: LanguageClient | undefined;

/** The forms `kehoach import` reads; the explorer's context menu (package.json) offers “Import” on the same. */
const IMPORTABLE_EXTENSIONS = ['docx', 'pdf', 'htm', 'html', 'txt', 'md'] as const;

/** The skeleton snippet (snippets/kehoach.code-snippets) of each system, for “New plan”. */
const SKELETONS = [
  { system: 'state', snippet: 'Kế hoạch đầy đủ (nhà nước)' },
  { system: 'party', snippet: 'Kế hoạch đầy đủ (Đảng)' },
  { system: 'mass', snippet: 'Kế hoạch đầy đủ (đoàn thể)' },
] as const;

function systemName(system: PlanStatus['system']): string {
  return { state: vscode.l10n.t('State'), party: vscode.l10n.t('Party'), mass: vscode.l10n.t('Mass organisation') }[system];
}

/**
 * The status bar item of the active plan: its system and the date it is
 * judged on. Refreshed when the active editor changes and whenever its
 * diagnostics arrive (the server recomputes both after an edit).
 */
function planStatusItem(context: vscode.ExtensionContext, languageClient: LanguageClient): void {
  const item = vscode.window.createStatusBarItem('kehoach.planStatus', vscode.StatusBarAlignment.Right, 100);
  item.name = vscode.l10n.t('kehoach: system and date of the plan');
  context.subscriptions.push(item);
  let asked = 0;
  const refresh = async () => {
    const ticket = ++asked; // An answer to an earlier refresh, arriving later, is dropped.
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'kehoach') {
      item.hide();
      return;
    }
    const status = await languageClient.sendRequest<PlanStatus | null>(PLAN_STATUS, { uri: editor.document.uri.toString() } satisfies PlanStatusParams).catch(() => null);
    if (ticket !== asked) return;
    if (!status) {
      item.hide();
      return;
    }
    item.text = `$(law) ${systemName(status.system)} · ${status.dateText}`;
    item.tooltip = {
      config: vscode.l10n.t('Judged on the date set by kehoach.planDate or kehoach.json'),
      plan: vscode.l10n.t('Judged on the plan’s own date (Ngày:)'),
      today: vscode.l10n.t('The plan has no date (Ngày:): judged on today'),
    }[status.dateSource];
    item.show();
  };
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(refresh),
    vscode.languages.onDidChangeDiagnostics((e) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (e.uris.some((u) => u.toString() === active)) void refresh();
    }),
  );
  void refresh();
}

/**
 * A file's bytes in base64 for the server, which reads from disk only files
 * of the workspace folders; a file larger than a message carries
 * (`MAX_SENT_FILE_BYTES`) is left to the server to read (undefined) when it
 * lies in a workspace folder, else refused with a message (false).
 */
async function contentToSend(file: vscode.Uri): Promise<string | undefined | false> {
  const { size } = await vscode.workspace.fs.stat(file);
  if (size <= MAX_SENT_FILE_BYTES) return Buffer.from(await vscode.workspace.fs.readFile(file)).toString('base64');
  if (file.scheme === 'file' && vscode.workspace.getWorkspaceFolder(file)) return undefined;
  const mb = (bytes: number) => Math.ceil(bytes / 1048576);
  void vscode.window.showErrorMessage(
    vscode.l10n.t('{0} is too large ({1} MB) to be sent to the server (at most {2} MB); put it in a workspace folder', file.fsPath, mb(size), mb(MAX_SENT_FILE_BYTES)),
  );
  return false;
}

/**
 * The server is given the plans only, so a quick fix that edits another file
 * (the workspace's registry file, its word list) was made from that file on
 * disk: while the editor holds unsaved changes to it, the fix is shown
 * disabled, with the reason, rather than applied at the wrong place.
 */
function refuseEditsOfUnsaved(actions: (vscode.Command | vscode.CodeAction)[] | null | undefined): (vscode.Command | vscode.CodeAction)[] | null | undefined {
  for (const action of actions ?? []) {
    if (!(action instanceof vscode.CodeAction) || !action.edit) continue;
    const edited = new Set(action.edit.entries().map(([uri]) => uri.toString()));
    const unsaved = vscode.workspace.textDocuments.find((d) => d.isDirty && d.languageId !== 'kehoach' && edited.has(d.uri.toString()));
    if (unsaved) action.disabled = { reason: vscode.l10n.t('Save {0} first: the fix is made from the file on disk', path.basename(unsaved.uri.fsPath)) };
  }
  return actions;
}

/**
 * Writes a reviewed copy as `name` beside the draft and returns where it
 * went: through a temporary file renamed into place, so that the copy
 * appears whole, and over an existing file only when the user says so
 * (else under the name the save dialog gives); undefined when the user
 * gives up.
 */
async function writeBeside(draft: vscode.Uri, name: string, bytes: Uint8Array): Promise<vscode.Uri | undefined> {
  let target = vscode.Uri.joinPath(draft.with({ path: path.posix.dirname(draft.path) }), name);
  let replace = false;
  if (
    await vscode.workspace.fs.stat(target).then(
      () => true,
      () => false,
    )
  ) {
    const replaceIt = vscode.l10n.t('Replace');
    const saveAs = vscode.l10n.t('Save as…');
    const answer = await vscode.window.showWarningMessage(vscode.l10n.t('{0} already exists. Replace it?', target.fsPath), { modal: true }, replaceIt, saveAs);
    if (answer === saveAs) {
      // The save dialog asks itself before it names an existing file.
      const chosen = await vscode.window.showSaveDialog({ defaultUri: target, filters: { Word: ['docx'] } });
      if (!chosen) return undefined;
      target = chosen;
    } else if (answer !== replaceIt) return undefined;
    replace = true;
  }
  const temporary = target.with({ path: `${path.posix.dirname(target.path)}/.${path.posix.basename(target.path)}.${process.pid}.${Date.now()}.tmp` });
  await vscode.workspace.fs.writeFile(temporary, bytes);
  try {
    await vscode.workspace.fs.rename(temporary, target, { overwrite: replace });
  } catch (error) {
    await vscode.workspace.fs.delete(temporary).then(undefined, () => undefined);
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not write {0}: {1}', target.fsPath, (error as Error).message));
    return undefined;
  }
  return target;
}

/**
 * The extension is thin: it starts the bundled language server and lets it
 * do the work. No parsing and no rules live here.
 */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  /** The plans imported by reviews, by their `kehoach-review:` URI. */
  const reviewedPlans = new Map<string, string>();
  const reviewedPlansChanged = new vscode.EventEmitter<vscode.Uri>();
  const module = context.asAbsolutePath(path.join('dist', 'lsp', 'server.cjs'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio },
    debug: { module, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'kehoach' }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/{*.kh,*.json,*.txt}') },
    middleware: { provideCodeActions: async (document, range, context, token, next) => refuseEditsOfUnsaved(await next(document, range, context, token)) },
  };
  client = new LanguageClient('kehoach', vscode.l10n.t('kehoach: plans'), serverOptions, clientOptions);
  const languageClient = client;
  registerPreviewCommands(context, languageClient);
  context.subscriptions.push(
    vscode.commands.registerCommand('kehoach.restartServer', async () => {
      await client?.restart();
      void vscode.window.showInformationMessage(vscode.l10n.t('The kehoach server was restarted'));
    }),
    vscode.commands.registerCommand('kehoach.newPlan', async () => {
      const picked = await vscode.window.showQuickPick(
        SKELETONS.map((s) => ({ label: systemName(s.system), snippet: s.snippet, system: s.system })),
        { placeHolder: vscode.l10n.t('Which system is the plan issued in?') },
      );
      if (!picked) return;
      // Given the parent and the issuer, the server writes the whole skeleton (kehoach/newPlan); left empty, the snippet does.
      const parent = await vscode.window.showInputBox({ prompt: vscode.l10n.t('The document the plan implements (e.g. Chỉ thị số 21-CT/TW); leave empty for a blank skeleton') });
      if (parent === undefined) return;
      const issuer = parent.trim() ? await vscode.window.showInputBox({ prompt: vscode.l10n.t('The issuing body (e.g. Ủy ban nhân dân huyện Tam Đường)') }) : '';
      if (issuer === undefined) return;
      if (parent.trim() && issuer.trim()) {
        const plan = await languageClient.sendRequest<NewPlanResult>(NEW_PLAN, { implements: parent, issuer, system: picked.system } satisfies NewPlanParams);
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'kehoach', content: plan.text }));
        for (const note of plan.notes) void vscode.window.showWarningMessage(note);
        return;
      }
      const document = await vscode.workspace.openTextDocument({ language: 'kehoach', content: '' });
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'kehoach', name: picked.snippet });
    }),
    vscode.commands.registerCommand('kehoach.importPlan', async (given?: vscode.Uri) => {
      const [file] =
        given instanceof vscode.Uri ? [given] : ((await vscode.window.showOpenDialog({ canSelectMany: false, filters: { [vscode.l10n.t('Text or Word')]: [...IMPORTABLE_EXTENSIONS] } })) ?? []);
      if (!file) return;
      // The file may lie anywhere: the client reads it, the server reads only files of the workspace.
      const content = await contentToSend(file);
      if (content === false) return;
      const result = await languageClient.sendRequest<ImportPlanResult>(IMPORT, { uri: file.toString(), content } satisfies ImportParams);
      if ('error' in result) {
        void vscode.window.showErrorMessage(result.error);
        return;
      }
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'kehoach', content: result.text }));
      languageClient.outputChannel.appendLine(result.report);
      void vscode.window.showInformationMessage(result.report.split('\n')[0]);
    }),
    // Rà soát tệp Word: the draft may lie anywhere, so the client reads it and writes the reviewed copy beside it; the imported plan is shown read-only and checked, so its findings fill the Problems panel.
    // A file given (by another extension, a keybinding's args, the e2e probe) is reviewed without the dialog.
    vscode.commands.registerCommand('kehoach.reviewDocx', async (given?: vscode.Uri) => {
      const [file] = given instanceof vscode.Uri ? [given] : ((await vscode.window.showOpenDialog({ canSelectMany: false, filters: { Word: ['docx'] } })) ?? []);
      if (!file) return;
      const content = await contentToSend(file);
      if (content === false) return;
      const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reviewing the Word file…') }, () =>
        languageClient.sendRequest<ReviewFileResult>(REVIEW, { uri: file.toString(), content } satisfies ReviewParams),
      );
      if ('error' in result) {
        void vscode.window.showErrorMessage(result.error);
        return;
      }
      const written = 'reviewed' in result ? await writeBeside(file, result.name, Buffer.from(result.reviewed, 'base64')) : vscode.Uri.file(result.output);
      if (!written) return;
      const planUri = vscode.Uri.from({ scheme: REVIEW_SCHEME, path: `${file.path}.kh` });
      reviewedPlans.set(planUri.toString(), result.planText);
      reviewedPlansChanged.fire(planUri);
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(planUri), { preview: false });
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      const summary = 'reviewed' in result ? `${vscode.l10n.t('Written: {0}', written.fsPath)}. ${result.summary}` : result.summary;
      languageClient.outputChannel.appendLine(summary);
      const open = vscode.l10n.t('Open the reviewed copy');
      if ((await vscode.window.showInformationMessage(summary, open)) === open) await vscode.env.openExternal(written);
    }),
    vscode.workspace.registerTextDocumentContentProvider(REVIEW_SCHEME, { onDidChange: reviewedPlansChanged.event, provideTextDocumentContent: (uri) => reviewedPlans.get(uri.toString()) ?? '' }),
    vscode.commands.registerCommand('kehoach.checkWorkspace', async () => {
      const totals = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking every plan of the workspace…'), cancellable: true },
        (_progress, token) => languageClient.sendRequest<CheckWorkspaceResult>(CHECK_WORKSPACE, null, token),
      );
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} plans checked: {1} errors, {2} warnings', totals.files, totals.errors, totals.warnings));
    }),
    // Go to definition of a registry entry opens this read-only document (server/src/service/registry-entry.ts).
    vscode.workspace.registerTextDocumentContentProvider('kehoach-registry', {
      provideTextDocumentContent: async (uri) => (await languageClient.sendRequest<string | null>(REGISTRY_ENTRY, { uri: uri.toString() } satisfies RegistryEntryParams)) ?? '',
    }),
  );
  await client.start();
  planStatusItem(context, languageClient);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
