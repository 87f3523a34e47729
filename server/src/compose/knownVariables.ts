/**
 * Variables a container has without compose passing them, and variables Alloy
 * (or a library inside it) reads by itself, so that an unused-variable finding
 * does not flag them.
 */

/** Set in every container by Docker itself; the reason in words. */
export const RUNTIME_VARIABLES: ReadonlyMap<string, string> = new Map([
  ['HOSTNAME', 'Docker sets it in every container (the container hostname)'],
  ['HOME', 'Docker sets it in every container (the home directory of the user)'],
  ['PATH', 'Docker sets it in every container (from the image or a default)'],
]);

/** Prefixes of variables read by Alloy, the Go runtime, cloud SDKs or proxies, not by `sys.env`. */
const IMPLICIT_PREFIXES = [
  'ALLOY_',
  'GO',
  'OTEL_',
  'BEYLA_',
  'AWS_',
  'AZURE_',
  'GOOGLE_',
  'GCP_',
  'GCLOUD_',
  'VAULT_',
  'KUBERNETES_',
  'CONSUL_',
  'NOMAD_',
  'DOCKER_',
  'JAEGER_',
  'SSL_CERT_',
  // gopsutil (host metrics) finds the host's /proc, /sys, ... through HOST_PROC, HOST_SYS, ...
  'HOST_',
];

const IMPLICIT_NAMES = new Set([
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'ALL_PROXY',
  'TZ',
  'LANG',
  'LC_ALL',
  'USER',
  'TMPDIR',
  'PUBSUB_EMULATOR_HOST',
  'STORAGE_EMULATOR_HOST',
]);

/** Whether a variable may be read by Alloy without any `sys.env` in the configuration. */
export function isReadImplicitly(name: string): boolean {
  const upper = name.toUpperCase();
  return RUNTIME_VARIABLES.has(upper) || IMPLICIT_NAMES.has(upper) || IMPLICIT_PREFIXES.some((prefix) => upper.startsWith(prefix));
}
