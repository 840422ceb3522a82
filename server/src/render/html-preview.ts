import type { LayoutDocument } from '../layout';
import { embeddedFontCss, escapeHtml, renderHtmlPages, type HtmlDiagnosticMark, type HtmlPages } from './html';

/**
 * The pages for the editor's preview: every block carries its source lines
 * (`data-line`) and the blocks touched by a finding are marked.
 */
export function renderPreviewPages(layout: LayoutDocument, diagnostics: HtmlDiagnosticMark[]): HtmlPages {
  return renderHtmlPages(layout, { sourceMap: true, diagnostics });
}

export interface PreviewShellOptions {
  /** The nonce of the shell's one script and one stylesheet. */
  nonce: string;
  /** The webview's own origin (`webview.cspSource`), the only source of anything not inline. */
  cspSource: string;
}

/**
 * The script of the preview, run in the webview. It receives `update`
 * messages (new pages and their classes), reports clicks (`reveal`) and
 * scrolling (`scrolled`) as source lines, and scrolls to a line on
 * `scrollTo`. The pages arrive as escaped markup that holds no script; the
 * policy forbids any script but this one anyway.
 */
const PREVIEW_SCRIPT = `(() => {
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('kh-root');
  const sheet = new CSSStyleSheet();
  document.adoptedStyleSheets = [sheet];
  let ignoreScrollUntil = 0;
  const blocks = () => Array.from(root.querySelectorAll('[data-line]'));
  const lineOf = (el) => Number(el.getAttribute('data-line'));
  // A panel narrower than the sheet shows it smaller rather than cut (A4: 210 mm, landscape 297 mm, at 96 px per inch).
  const fit = () => {
    const widest = root.querySelector('.kh-landscape') ? 297 : 210;
    root.style.zoom = String(Math.min(1, (window.innerWidth - 24) / (widest * 96 / 25.4)));
  };
  window.addEventListener('resize', fit);
  fit();
  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message.type === 'update') {
      const top = window.scrollY;
      sheet.replaceSync(message.css);
      // The first pages' classes: the new sheet replaces them (class names are per rendering).
      document.getElementById('kh-pages-css')?.remove();
      root.innerHTML = message.body;
      fit();
      window.scrollTo(0, top);
    } else if (message.type === 'scrollTo') {
      let target;
      for (const el of blocks()) {
        // The first block of the nearest line (a paragraph split across pages has a part on each).
        if (lineOf(el) > message.line) break;
        if (!target || lineOf(el) > lineOf(target)) target = el;
      }
      ignoreScrollUntil = Date.now() + 300;
      // A little of what comes before stays in view; the top of the document shows its whole first sheet.
      const y = target && message.line > 0 ? target.getBoundingClientRect().top + window.scrollY - 12 : 0;
      window.scrollTo(window.scrollX, Math.max(0, y));
    }
  });
  root.addEventListener('click', (event) => {
    const el = event.target instanceof Element ? event.target.closest('[data-line]') : null;
    if (el) vscode.postMessage({ type: 'reveal', line: lineOf(el) });
  });
  let pending = false;
  window.addEventListener('scroll', () => {
    if (pending || Date.now() < ignoreScrollUntil) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      const first = blocks().find((el) => el.getBoundingClientRect().bottom > 0);
      if (first) vscode.postMessage({ type: 'scrolled', line: lineOf(first) });
    });
  });
  vscode.postMessage({ type: 'ready' });
})();`;

/** The webview around the page follows the VS Code theme; the page stays black on white. */
const SHELL_CSS = `body{margin:0;padding:6mm 0;background:var(--vscode-editor-background,#777);color:var(--vscode-editor-foreground,#000)}
.kh-page{box-shadow:0 0 2mm rgba(0,0,0,.45)}
.kh-doc [data-line]{cursor:pointer}
.kh-diag{border-radius:1pt}
.kh-diag-error{background:rgba(230,0,0,.12);box-shadow:-2mm 0 0 -1.2mm #d00}
.kh-diag-warning{background:rgba(230,160,0,.16);box-shadow:-2mm 0 0 -1.2mm #c80}
.kh-diag-information,.kh-diag-hint{background:rgba(0,110,230,.1)}`;

/**
 * The preview webview's document: a strict policy (the shell's own script and
 * stylesheet by nonce, fonts and images only from data: or the webview
 * itself, nothing remote), the embedded typeface, and the first pages.
 */
export function renderPreviewShell(pages: HtmlPages, options: PreviewShellOptions): string {
  const { nonce, cspSource } = options;
  const csp = [
    "default-src 'none'",
    `style-src 'nonce-${nonce}'`,
    `font-src data: ${cspSource}`,
    `img-src data: ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  // The whole faces, not the export's subsets: a shell is loaded when the panel opens or follows
  // another plan, then lives while the drafter types letters its first pages never had, and each
  // update sends only markup and classes. A subset would have to follow every keystroke; the 2 MB
  // go once per shell, through local pipes from the server to the webview, never over a network.
  // The first pages' classes go in their own nonce'd sheet; later updates replace it through CSSOM.
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<style nonce="${escapeHtml(nonce)}">
${embeddedFontCss()}
${SHELL_CSS}
</style>
<style nonce="${escapeHtml(nonce)}" id="kh-pages-css">
${pages.css}
</style>
</head>
<body>
<div id="kh-root">${pages.body}</div>
<script nonce="${escapeHtml(nonce)}">${PREVIEW_SCRIPT}</script>
</body>
</html>
`;
}
