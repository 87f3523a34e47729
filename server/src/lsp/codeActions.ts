/**
 * Code actions: quick fixes for the findings on the requested range, from the
 * configuration's cached analysis (only those findings' fixes are built), and
 * fix-all when a client asks for `source.fixAll` by kind (on save, or the
 * Source Action menu), never on the request every cursor move sends.
 */
import { CodeActionKind, type CodeAction } from 'vscode-languageserver/node';
import type { Finding } from '../syntax/diagnostic';
import { unionFindings } from '../workspace/configurationFindings';
import { toDiagnostic } from './convert';
import { requireCodeActionOnly, requireDocumentUri, requireRange } from './params';
import type { ServerContext } from './serverContext';

const FIX_ALL_TITLE = 'Fix all self-monitoring problems';

/** Registers `textDocument/codeAction`. */
export function registerCodeActions(ctx: ServerContext): void {
  const { connection, documents, workspace, service } = ctx;
  connection.onCodeAction(async (params) => {
    const method = 'textDocument/codeAction';
    const uri = requireDocumentUri(method, params);
    const range = requireRange(method, params);
    const only = requireCodeActionOnly(method, params);
    const document = documents.get(uri);
    if (!document) return [];
    const settings = await ctx.settings.get(uri);
    return ctx.guard('codeAction', uri, [] as CodeAction[], () => {
      const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
      const configurations = workspace.configurationOf(document, settings.configurations);
      const self = configurations[0]?.files[0];
      if (!self) return [];
      // The analyses the diagnostics pull already made: the service answers from its cache.
      const findings: Finding[] = unionFindings(configurations.map((c) => ctx.analyze(c.files, settings, c.reason).findings));
      const actions: CodeAction[] = [];
      if (wants(CodeActionKind.QuickFix)) {
        const lines = self.parse.lineIndex;
        const fixes = service.quickFixes(findings, self, document.offsetAt(range.start), document.offsetAt(range.end));
        for (const { finding, fix } of fixes) {
          const edit = ctx.toWorkspaceEdit(fix.edits);
          if (!edit) continue;
          const diagnostic = toDiagnostic(finding, lines, () => undefined);
          actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.isPreferred, edit });
        }
      }
      // Fix all re-checks the configuration once per fix: only when asked for by kind.
      const asked = only?.some((k) => CodeActionKind.SourceFixAll === k || CodeActionKind.SourceFixAll.startsWith(`${k}.`)) ?? false;
      const first = configurations[0];
      if (asked && first) {
        const edits = service.fixAllEdits(first.files, settings, ctx.contextOf(first.files, first.reason));
        const edit = edits.length > 0 ? ctx.toWorkspaceEdit(edits) : undefined;
        if (edit) actions.push({ title: FIX_ALL_TITLE, kind: CodeActionKind.SourceFixAll, edit });
      }
      return actions;
    });
  });
}
