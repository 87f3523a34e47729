/**
 * The compose environment report (`alloySelfMonitoring/composeReport`) and the
 * environment docs request: the configurations of the given documents, else of
 * every workspace folder, each from its cached analysis.
 */
import {
  COMPOSE_REPORT_REQUEST,
  ENVIRONMENT_DOCS_REQUEST,
  type ComposeReportEntry,
  type ComposeReportParams,
  type ComposeReportResult,
  type EnvironmentDocsParams,
  type EnvironmentDocsResult,
} from '../protocol';
import type { Configuration } from '../workspace/configurations';
import { dirname } from 'node:path';
import { environmentDocs } from './environmentDocs';
import { pathToUri, uriToPath } from './convert';
import { invalidParams, requireObject, requireUris } from './params';
import type { ServerContext } from './serverContext';

export type ComposeReport = (params: ComposeReportParams | undefined) => Promise<ComposeReportResult>;

/** Registers both requests; returns the report for the `workspace/executeCommand` form. */
export function registerCompose(ctx: ServerContext): ComposeReport {
  const { connection, documents, workspace, service, guard } = ctx;

  async function composeReport(params: ComposeReportParams | undefined): Promise<ComposeReportResult> {
    const uris = requireUris(COMPOSE_REPORT_REQUEST, params);
    const configurations = new Map<string, Configuration>();
    const add = (c: Configuration) => configurations.set(c.files.join('\0'), c);
    for (const uri of uris) {
      if (!uri.startsWith('file:')) continue;
      const settings = await ctx.settings.get(uri);
      for (const c of guard('composeReport', uri, [] as Configuration[], () => workspace.configurationsOfPath(uriToPath(uri), settings.configurations))) add(c);
    }
    if (configurations.size === 0) {
      for (const folder of ctx.folders) {
        const settings = await ctx.settings.get(pathToUri(folder));
        for (const c of guard('composeReport', folder, [] as Configuration[], () => workspace.configurationsIn(folder, settings.configurations))) add(c);
      }
    }
    const entries: ComposeReportEntry[] = [];
    for (const configuration of [...configurations.values()].sort((a, b) => ((a.files[0] ?? '') < (b.files[0] ?? '') ? -1 : 1))) {
      const first = configuration.files[0] ?? '';
      const settings = await ctx.settings.get(pathToUri(first));
      const entry = guard('composeReport', first, undefined as ComposeReportEntry | undefined, () => {
        const files = workspace.load(configuration.files);
        if (files.length === 0) return undefined;
        const core = service.composeReport(files, settings, configuration.reason, ctx.contextOf(files, configuration.reason), dirname(first));
        return { ...core, files: core.files.map(pathToUri) };
      });
      if (entry) entries.push(entry);
    }
    return { entries };
  }
  connection.onRequest(COMPOSE_REPORT_REQUEST, composeReport);

  connection.onRequest(ENVIRONMENT_DOCS_REQUEST, async (params: EnvironmentDocsParams | undefined): Promise<EnvironmentDocsResult | null> => {
    const uri = requireObject(ENVIRONMENT_DOCS_REQUEST, params).uri;
    if (typeof uri !== 'string') throw invalidParams(ENVIRONMENT_DOCS_REQUEST, 'uri must be the URI of an open .alloy document');
    const document = documents.get(uri);
    if (!document) return null;
    const settings = await ctx.settings.get(document.uri);
    return guard('environmentDocs', document.uri, null, () => {
      const configuration = workspace.configurationOf(document, settings.configurations)[0];
      const files = configuration?.files ?? [];
      // The diagnostics' analysis, from the cache: the role does not change the environment report.
      const context = ctx.contextOf(files, configuration?.reason);
      const analysis = service.analyze(files, settings, context);
      return environmentDocs(service.model(files), analysis, files, context.env?.rootDir, ctx.textOf);
    });
  });

  return composeReport;
}
