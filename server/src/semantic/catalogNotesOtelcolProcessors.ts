/**
 * Notes on the generated bodies of the otelcol processors: descriptions in our words,
 * and the defaults and value sets the generator cannot read. Keyed by generated body id,
 * then attribute or block name; a test keeps every key naming something the generated
 * catalog has.
 */
import { OTELCOL_DEBUG_METRICS, OTELCOL_OUTPUT } from './catalogNotesOtelcolShared';
import type { BodyNote } from './catalogTypes';

export const OTELCOL_PROCESSORS_BODY_NOTES: Readonly<Record<string, BodyNote>> = {
  'internal/component/otelcol/processor/attributes.Arguments': {
    include: 'Only process data matching these properties.',
    exclude: 'Skip data matching these properties.',
    action: 'An attribute action; actions apply in order.',
    output: OTELCOL_OUTPUT,
    debug_metrics: OTELCOL_DEBUG_METRICS,
  },
  'internal/component/otelcol/processor/batch.Arguments': {
    timeout: 'Send a batch after this long regardless of size.',
    send_batch_size: 'Batch size that triggers sending.',
    send_batch_max_size: 'Upper bound of a batch (0 = none).',
    metadata_keys: { doc: 'Client metadata keys to batch separately by.', default: '[]' },
    metadata_cardinality_limit: 'Maximum distinct metadata combinations.',
    output: OTELCOL_OUTPUT,
    debug_metrics: OTELCOL_DEBUG_METRICS,
  },
  'internal/component/otelcol/processor/cumulativetodelta.Arguments': {
    output: OTELCOL_OUTPUT,
    debug_metrics: OTELCOL_DEBUG_METRICS,
  },
  'internal/component/otelcol/processor/deltatocumulative.Arguments': {
    output: OTELCOL_OUTPUT,
    debug_metrics: OTELCOL_DEBUG_METRICS,
  },
  'internal/component/otelcol/processor/discovery.Arguments': {
    targets: 'Discovered targets whose labels are added to matching spans.',
    output: OTELCOL_OUTPUT,
  },
  'internal/component/otelcol/processor/filter.Arguments': {
    output: OTELCOL_OUTPUT,
    debug_metrics: OTELCOL_DEBUG_METRICS,
  },
  'internal/component/otelcol/processor/groupbyattrs.Arguments': {
    output: OTELCOL_OUTPUT,
    debug_metrics: OTELCOL_DEBUG_METRICS,
  },
  'internal/component/otelcol/processor/interval.Arguments': {
    output: OTELCOL_OUTPUT,
    debug_metrics: OTELCOL_DEBUG_METRICS,
  },
  'internal/component/otelcol/processor/k8sattributes.Arguments': {
    output: OTELCOL_OUTPUT,
    debug_metrics: OTELCOL_DEBUG_METRICS,
  },
  'internal/component/otelcol/processor/memorylimiter.Arguments': {
    check_interval: 'How often to check memory usage, for example `"1s"`.',
    limit: 'Hard memory limit, for example `"512MiB"`.',
    spike_limit: 'Headroom below `limit` (defaults to 20% of `limit`).',
    limit_percentage: 'Hard limit as a percentage of total memory.',
    spike_limit_percentage: 'Headroom as a percentage of total memory.',
    output: OTELCOL_OUTPUT,
    debug_metrics: OTELCOL_DEBUG_METRICS,
  },
  'internal/component/otelcol/processor/metricstarttime.Arguments': {
    output: OTELCOL_OUTPUT,
    debug_metrics: OTELCOL_DEBUG_METRICS,
  },
  'internal/component/otelcol/processor/probabilistic_sampler.Arguments': {
    output: OTELCOL_OUTPUT,
    debug_metrics: OTELCOL_DEBUG_METRICS,
  },
  'internal/component/otelcol/processor/redaction.Arguments': {
    output: OTELCOL_OUTPUT,
    debug_metrics: OTELCOL_DEBUG_METRICS,
  },
  'internal/component/otelcol/processor/resourcedetection.Arguments': {
    detectors: { doc: 'Detectors to run in order (`env`, `system`, `docker`, `ec2`, `gcp`, `azure`, ...).', default: '["env"]' },
    override: 'Overwrite existing resource attributes.',
    fail_on_missing_metadata: { doc: 'Fail when a detector cannot find metadata.', default: 'false' },
    timeout: 'Timeout of detection.',
    ec2: 'Settings of the `ec2` detector.',
    ecs: 'Settings of the `ecs` detector.',
    eks: 'Settings of the `eks` detector.',
    elasticbeanstalk: 'Settings of the `elasticbeanstalk` detector.',
    lambda: 'Settings of the `lambda` detector.',
    akamai: 'Settings of the `akamai` detector.',
    azure: 'Settings of the `azure` detector.',
    aks: 'Settings of the `aks` detector.',
    consul: 'Settings of the `consul` detector.',
    docker: 'Settings of the `docker` detector.',
    digitalocean: 'Settings of the `digitalocean` detector.',
    gcp: 'Settings of the `gcp` detector.',
    heroku: 'Settings of the `heroku` detector.',
    hetzner: 'Settings of the `hetzner` detector.',
    system: 'Settings of the `system` detector.',
    openshift: 'Settings of the `openshift` detector.',
    kubernetes_node: 'Settings of the `kubernetes_node` detector.',
    kubeadm: 'Settings of the `kubeadm` detector.',
    dynatrace: 'Settings of the `dynatrace` detector.',
    nova: 'Settings of the `nova` detector.',
    oraclecloud: 'Settings of the `oraclecloud` detector.',
    scaleway: 'Settings of the `scaleway` detector.',
    upcloud: 'Settings of the `upcloud` detector.',
    vultr: 'Settings of the `vultr` detector.',
    tencent_cvm: 'Settings of the `tencent_cvm` detector.',
    alibaba_ecs: 'Settings of the `alibaba_ecs` detector.',
    output: OTELCOL_OUTPUT,
    debug_metrics: OTELCOL_DEBUG_METRICS,
  },
  'internal/component/otelcol/processor/resourcedetection/internal/alibaba/ecs.Config': {
    fail_on_missing_metadata: 'Fail when metadata is missing.',
  },
  'internal/component/otelcol/processor/resourcedetection/internal/aws/ec2.Config': {
    tags: { doc: 'Regexes of tags to add.', default: '[]' },
    max_attempts: 'IMDS retry attempts.',
    max_backoff: 'Maximum IMDS retry backoff.',
    tags_from_imds: { doc: 'Read tags from IMDS.', default: 'false' },
  },
  'internal/component/otelcol/processor/resourcedetection/internal/aws/eks.Config': {
    node_from_env_var: 'Environment variable holding the node name.',
  },
  'internal/component/otelcol/processor/resourcedetection/internal/azure.Config': {
    tags: { doc: 'Regexes of tags to add.', default: '[]' },
  },
  'internal/component/otelcol/processor/resourcedetection/internal/consul.Config': {
    address: { doc: 'Consul address.', default: '""' },
    datacenter: { doc: 'Datacenter.', default: '""' },
    token: { doc: 'ACL token.', default: '""' },
    namespace: { doc: 'Namespace.', default: '""' },
    meta: { doc: 'Metadata keys to add.', default: '[]' },
  },
  'internal/component/otelcol/processor/resourcedetection/internal/k8snode.Config': {
    auth_type: { doc: 'Kubernetes API authentication.', default: '"none"' },
    context: { doc: 'kubeconfig context.', default: '""' },
    node_from_env_var: 'Environment variable holding the node name.',
  },
  'internal/component/otelcol/processor/resourcedetection/internal/kubeadm.Config': {
    auth_type: { doc: 'Kubernetes API authentication.', default: '"none"' },
    context: { doc: 'kubeconfig context.', default: '""' },
  },
  'internal/component/otelcol/processor/resourcedetection/internal/openshift.Config': {
    address: 'API server address.',
    token: { doc: 'Service account token.', default: '""' },
  },
  'internal/component/otelcol/processor/resourcedetection/internal/openstacknova.Config': {
    fail_on_missing_metadata: { doc: 'Fail when metadata is missing.', default: 'false' },
    labels: { doc: 'Metadata labels to add.', default: '[]' },
  },
  'internal/component/otelcol/processor/resourcedetection/internal/tencent/cvm.Config': {
    fail_on_missing_metadata: 'Fail when metadata is missing.',
  },
  'internal/component/otelcol/processor/span.Arguments': {
    output: OTELCOL_OUTPUT,
    debug_metrics: OTELCOL_DEBUG_METRICS,
  },
  'internal/component/otelcol/processor/tail_sampling.Arguments': {
    policy: 'A sampling policy.',
    output: OTELCOL_OUTPUT,
    debug_metrics: OTELCOL_DEBUG_METRICS,
  },
  'internal/component/otelcol/processor/transform.Arguments': {
    // Completion only: ottl.ErrorMode decodes itself in OpenTelemetry's code, outside Alloy's checkout.
    error_mode: { doc: 'How statement errors are handled.', default: '"ignore"', enum: ['ignore', 'silent', 'propagate'] },
    statements: 'OTTL statements whose context is inferred.',
    trace_statements: 'OTTL statements for traces in an explicit context.',
    metric_statements: 'OTTL statements for metrics in an explicit context.',
    log_statements: 'OTTL statements for logs in an explicit context.',
    output: OTELCOL_OUTPUT,
    debug_metrics: OTELCOL_DEBUG_METRICS,
  },
  'internal/component/otelcol/processor/transform.ContextStatements': {
    context: 'OTTL context the statements run in.',
    conditions: 'Conditions (ORed) that must hold for the statements to run.',
    statements: 'OTTL statements, for example `set(resource.attributes["service.name"], "alloy")`.',
    // Completion only: ottl.ErrorMode decodes itself in OpenTelemetry's code, outside Alloy's checkout.
    error_mode: { doc: 'Overrides the top-level `error_mode`.', enum: ['ignore', 'silent', 'propagate'] },
  },
  'internal/component/otelcol/processor/transform.NoContextStatements': {
    trace: { doc: 'Statements for traces.', default: '[]' },
    metric: { doc: 'Statements for metrics.', default: '[]' },
    log: { doc: 'Statements for logs.', default: '[]' },
  },
};
