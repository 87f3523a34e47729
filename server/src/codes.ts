/**
 * Every finding code the product reports, with what it means. The README's
 * table and SARIF rule descriptions come from here.
 */
export const CODE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  syntax: 'The file does not parse; the message is the one Alloy itself gives.',
  'top-level-attribute': 'An attribute at the top level of a configuration; Alloy only accepts blocks there.',
  'missing-label': 'A component (or a declare, argument, export, import or foreach block) without the label Alloy requires.',
  'duplicate-block': 'The same block is declared twice in one configuration (all the files Alloy loads together count).',
  'unknown-component': 'A component name Alloy does not know and no declare or import defines.',
  'unknown-attribute': 'An attribute the component does not have (checked where the catalog lists them all).',
  'unknown-block': 'A nested block the component does not have (checked where the catalog lists them all).',
  'missing-required': 'A required attribute or block is missing.',
  schema: 'An attribute given twice, a block used as an attribute or the reverse, or a label where none is allowed.',
  'undefined-reference': 'A reference to a component this configuration does not define.',
  'deprecated-function': 'A deprecated standard-library alias such as env(); use its namespaced replacement.',
  'selfmon/metrics-missing': 'Alloy does not export its own metrics: there is no prometheus.exporter.self.',
  'selfmon/metrics-not-scraped': 'A prometheus.exporter.self that no prometheus.scrape takes its targets from.',
  'selfmon/metrics-not-exported': "The scrape of Alloy's own metrics forwards to nothing that sends them out of Alloy.",
  'selfmon/metrics-service-name': "Alloy's metrics reach OTLP with a service.name other than the configured one.",
  'selfmon/logs-missing': 'There is no logging block, or it has no write_to.',
  'selfmon/logs-not-exported': "The logging block's write_to reaches nothing that sends logs out of Alloy.",
  'selfmon/logs-format': 'The logging format is not the configured one (default json).',
  'selfmon/traces-missing': 'There is no tracing block, or it has no write_to.',
  'selfmon/traces-not-exported': "The tracing block's write_to reaches nothing that sends traces out of Alloy.",
  'selfmon/traces-sampling': 'sampling_fraction is outside [0, 1], or differs from the configured target (default 0.1).',
  'env/missing': 'A variable the configuration reads is not passed to the Alloy container by its compose service.',
  'env/empty': 'A variable the configuration reads is passed to the Alloy container, but empty.',
  'env/host': 'A variable is left to the environment of `docker compose up`; the compose files do not set it.',
  'env/unused': "A variable the Alloy service receives that the configuration never reads.",
  'file-too-large': 'The file is too large to analyse.',
  'binary-file': 'The file looks binary (NUL characters) and is not analysed.',
  'too-many-problems': 'The file has more than 1,000 problems (or the configuration more than 10,000); the rest are not reported.',
};

/** Compose problems share one description. */
export function describeCode(code: string): string {
  return CODE_DESCRIPTIONS[code] ?? (code.startsWith('compose/') ? 'A problem in a compose or env file met while checking the environment.' : code);
}
