/**
 * Alloy's own logs: a `logging` block with `write_to` reaching an exporter, or
 * a log source that reads them from Alloy's container or journald unit. Where
 * the logs go by default depends on the platform (standard error, or the
 * Windows event log for a Windows service), so messages say "by default".
 */
import { blockHeaderSpan } from '../syntax/ast';
import { list, quote } from '../syntax/builder';
import type { Finding } from '../syntax/diagnostic';
import type { Settings } from '../settings';
import { getAttribute, stringValue, type ConfigModel } from '../semantic/model';
import type { PipelineGraph } from '../semantic/pipelineGraph';
import * as facts from '../semantic/selfMonitoringFacts';
import { findSelfLogSources, isWindowsConfiguration, type AlloyHost } from '../semantic/selfTelemetry';
import { appendFixes, fixStyle, insertFixes, logsTargets, mainFile, setAttributeFix } from '../fixes/selfMonitoringFixes';
import { checkWriteTo, finding, isEmptyList, missingBlockAnchor } from './selfMonitoringFinding';

/** The `selfmon/logs-*` findings. */
export function checkLogs(model: ConfigModel, graph: PipelineGraph, settings: Settings, hosts: readonly AlloyHost[]): Finding[] {
  const out: Finding[] = [];
  const logging = model.logging;
  const writeTo = logging ? getAttribute(logging.block, facts.WRITE_TO) : undefined;
  if (isEmptyList(writeTo)) {
    // Not sent by Alloy itself: read from where Alloy writes them, perhaps.
    const sources = findSelfLogSources(model, hosts);
    if (sources.length > 0) {
      for (const { source, how, certainty } of sources) {
        const forward = getAttribute(source.block, facts.FORWARD_TO);
        if (certainty !== 'yes' || !forward || graph.attributeReach(source.block, facts.FORWARD_TO, 'logs') !== 'no') continue;
        const fixes = () => appendFixes(source.file, forward, logsTargets(graph), (t) => `Forward the logs ${t.description}`, fixStyle(settings));
        const message = `Alloy's own logs, read by ${source.id} ${how}, never reach a component that sends them out of Alloy.`;
        out.push(finding(source.file, { start: forward.start, end: forward.end }, 'selfmon/logs-not-exported', message, fixes));
      }
      if (logging) out.push(...checkFormat(logging, settings));
      return out;
    }
  }
  const windows = isWindowsConfiguration(model);
  const format = settings.selfMonitoring.logFormat;
  if (!logging) {
    const main = mainFile(model);
    if (!main) return out;
    // The finding sits on the preferred target: the targets are needed now, their edits only when read.
    const targets = logsTargets(graph);
    const fixes = () =>
      insertFixes(
        main,
        targets,
        (t) => `Add a logging block sending Alloy's logs ${t.description}`,
        (t) => [{ name: facts.LOGGING, attributes: [['level', quote('info')], ['format', quote(format)], [facts.WRITE_TO, list([t.ref])]] }],
        fixStyle(settings),
      );
    const where = windows ? ' As a Windows service, Alloy writes them to the Windows event log by default.' : '';
    out.push(finding(main, missingBlockAnchor(model, main, targets), 'selfmon/logs-missing', `Alloy does not export its own logs: there is no logging block with write_to.${where}`, fixes));
    return out;
  }
  const byDefault = windows
    ? 'as a Windows service, Alloy writes them to the Windows event log by default'
    : 'they only go where Alloy writes them by default';
  out.push(
    ...checkWriteTo(graph, logging, 'logs', () => logsTargets(graph), settings, {
      missing: `The logging block has no write_to, so no component sends Alloy's own logs on; ${byDefault}.`,
      notExported: "Alloy's own logs written to write_to never reach a component that sends them out of Alloy.",
      title: (t) => `Send Alloy's logs ${t.description}`,
    }),
  );
  out.push(...checkFormat(logging, settings));
  return out;
}

/** `logging.format` against the configured format (logfmt when absent). */
function checkFormat(logging: NonNullable<ConfigModel['logging']>, settings: Settings): Finding[] {
  const format = settings.selfMonitoring.logFormat;
  const { block, file } = logging;
  const formatAttr = getAttribute(block, 'format');
  const current = formatAttr ? stringValue(formatAttr.value) : 'logfmt';
  if (current === undefined || current === format) return [];
  const range = formatAttr ? { start: formatAttr.value.start, end: formatAttr.value.end } : blockHeaderSpan(block);
  return [
    finding(file, range, 'selfmon/logs-format', `Alloy writes its own logs as ${current}${formatAttr ? '' : ' (the default)'}, not ${format}.`, () => [
      setAttributeFix(file, block, formatAttr, 'format', quote(format), `Set format = ${quote(format)}`),
    ]),
  ];
}
