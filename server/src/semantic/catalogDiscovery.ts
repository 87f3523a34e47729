/** Catalog entries of the `discovery.*`, `local.*` and `remote.*` namespaces. */

import type { AttributeSchema, ComponentSchema } from './catalogTypes';
import {
  block,
  component,
  exp,
  HTTP_CLIENT_BLOCKS,
  httpClientAttrs,
  httpClientBlock,
  kubernetesClientBlock,
  opt,
  RELABEL_RULE,
  req,
  RULES_EXPORT,
  TARGETS_EXPORT,
  targetsArg,
} from './catalogShared';

const DISCOVERY_DOCKER = component('discovery.docker', 'generally-available', {
  doc: 'Discovers Docker Engine containers as targets.',
  complete: true,
  attributes: [
    req('host', 'string', 'Docker daemon address, for example `unix:///var/run/docker.sock`.'),
    opt('port', 'number', 'Port used when a container exposes none.', { default: '80' }),
    opt('host_networking_host', 'string', 'Host used for containers in host networking mode.', { default: '"localhost"' }),
    opt('match_first_network', 'bool', 'Use only the first network of a container.', { default: 'true' }),
    opt('refresh_interval', 'duration', 'How often to refresh the container list.', { default: '"1m"' }),
    ...httpClientAttrs(),
  ],
  blocks: [
    block('filter', 'A Docker API filter.', {
      repeatable: true,
      attributes: [req('name', 'string', 'Filter name, for example `label`.'), req('values', 'list(string)', 'Filter values.')],
    }),
    ...HTTP_CLIENT_BLOCKS,
  ],
  exports: [TARGETS_EXPORT],
});

const DISCOVERY_RELABEL = component('discovery.relabel', 'generally-available', {
  doc: 'Rewrites, keeps or drops targets by relabeling rules.',
  complete: true,
  attributes: [targetsArg('Targets to relabel.')],
  blocks: [RELABEL_RULE],
  exports: [exp('output', 'list(map(string))', 'The relabeled targets.', 'Targets'), RULES_EXPORT],
});

/** `discovery.*` entries with their required arguments only. */
const DISCOVERIES: readonly [string, string, ...AttributeSchema[]][] = [
  ['aws', 'Discovers AWS targets (EC2, ECS, ElastiCache, Lightsail, MSK, RDS) by role.',
    req('role', 'string', 'Service to discover.', { enum: ['ec2', 'ecs', 'elasticache', 'lightsail', 'msk', 'rds'] })],
  ['azure', 'Discovers Azure virtual machines.'],
  ['consul', "Discovers services from Consul's catalog API."],
  ['consulagent', 'Discovers services registered with the local Consul agent.'],
  ['digitalocean', 'Discovers DigitalOcean droplets.'],
  ['dns', 'Discovers targets from DNS records.', req('names', 'list(string)', 'DNS names to query.')],
  ['dockerswarm', 'Discovers Docker Swarm services, tasks or nodes.',
    req('host', 'string', 'Docker daemon address.'), req('role', 'string', 'What to discover.', { enum: ['services', 'tasks', 'nodes'] })],
  ['ec2', 'Discovers AWS EC2 instances.'],
  ['eureka', 'Discovers instances registered in Eureka.', req('server', 'string', 'Eureka server URL.')],
  ['file', 'Reads targets from JSON or YAML files.', req('files', 'list(string)', 'Files (globs) to read.')],
  ['gce', 'Discovers Google Compute Engine instances.', req('project', 'string', 'GCP project.'), req('zone', 'string', 'Zone.')],
  ['hetzner', 'Discovers Hetzner Cloud and Robot servers.', req('role', 'string', 'API to use.', { enum: ['robot', 'hcloud'] })],
  ['http', 'Reads targets from an HTTP endpoint.', req('url', 'string', 'URL returning targets.')],
  ['ionos', 'Discovers IONOS Cloud servers.', req('datacenter_id', 'string', 'Data center ID.')],
  ['kubelet', 'Discovers pods from a kubelet.'],
  ['kubernetes', 'Discovers Kubernetes nodes, pods, services, endpoints or ingresses.',
    req('role', 'string', 'Kind of resource to discover.', {
      enum: ['node', 'pod', 'service', 'endpoints', 'endpointslice', 'ingress'],
    })],
  ['kuma', 'Discovers Kuma dataplane proxies.', req('server', 'string', 'Kuma control plane address.')],
  ['lightsail', 'Discovers Amazon Lightsail instances.'],
  ['linode', 'Discovers Linode instances.'],
  ['marathon', 'Discovers Marathon applications.', req('servers', 'list(string)', 'Marathon servers.')],
  ['nerve', 'Discovers Nerve targets stored in Zookeeper.', req('servers', 'list(string)', 'Zookeeper servers.'), req('paths', 'list(string)', 'Zookeeper paths.')],
  ['nomad', 'Discovers Nomad services.'],
  ['openstack', 'Discovers OpenStack Nova instances or hypervisors.',
    req('role', 'string', 'What to discover.', { enum: ['hypervisor', 'instance'] }), req('region', 'string', 'OpenStack region.')],
  ['ovhcloud', 'Discovers OVHcloud dedicated servers and VPS.',
    req('application_key', 'string', 'API application key.'),
    req('application_secret', 'secret', 'API application secret.'),
    req('consumer_key', 'secret', 'API consumer key.'),
    req('service', 'string', 'Service to discover.', { enum: ['vps', 'dedicated_server'] })],
  ['process', 'Discovers processes running on the local host.'],
  ['puppetdb', 'Discovers targets from PuppetDB resources.', req('url', 'string', 'PuppetDB URL.'), req('query', 'string', 'PQL query.')],
  ['scaleway', 'Discovers Scaleway instances and bare-metal servers.',
    req('project_id', 'string', 'Project ID.'), req('role', 'string', 'What to discover.', { enum: ['baremetal', 'instance'] }),
    req('access_key', 'string', 'Access key.')],
  ['serverset', 'Discovers Serversets stored in Zookeeper.', req('servers', 'list(string)', 'Zookeeper servers.'), req('paths', 'list(string)', 'Zookeeper paths.')],
  ['triton', 'Discovers Triton containers.',
    req('account', 'string', 'Account.'), req('dns_suffix', 'string', 'DNS suffix.'), req('endpoint', 'string', 'Endpoint.')],
  ['uyuni', 'Discovers Uyuni monitoring endpoints.',
    req('server', 'string', 'Uyuni server URL.'), req('username', 'string', 'User name.'), req('password', 'secret', 'Password.')],
];

const LOCAL_FILE = component('local.file', 'generally-available', {
  doc: 'Exposes the contents of a local file, re-read when it changes.',
  complete: true,
  attributes: [
    req('filename', 'string', 'Path of the file.'),
    opt('detector', 'string', 'How changes are detected.', { default: '"fsnotify"', enum: ['fsnotify', 'poll'] }),
    opt('poll_frequency', 'duration', 'Polling interval.', { default: '"1m"' }),
    opt('is_secret', 'bool', 'Export the content as a secret.', { default: 'false' }),
  ],
  exports: [exp('content', 'string', 'The file contents (a secret when `is_secret` is true).')],
});

const LOCAL_FILE_MATCH = component('local.file_match', 'generally-available', {
  doc: 'Expands `__path__` glob patterns into file targets.',
  complete: true,
  attributes: [
    req('path_targets', 'list(map(string))', 'Targets with a `__path__` glob (and optional `__path_exclude__`).', { accepts: 'Targets' }),
    opt('sync_period', 'duration', 'How often to re-evaluate the globs.', { default: '"10s"' }),
    opt('ignore_older_than', 'duration', 'Ignore files not modified for this long (0 = never).', { default: '"0s"' }),
  ],
  exports: [TARGETS_EXPORT],
});

const REMOTE_HTTP = component('remote.http', 'generally-available', {
  doc: 'Polls a URL and exposes the response body.',
  complete: true,
  attributes: [
    req('url', 'string', 'URL to poll.'),
    opt('method', 'string', 'HTTP method.', { default: '"GET"' }),
    opt('headers', 'map(string)', 'Request headers.', { default: '{}' }),
    opt('body', 'string', 'Request body.', { default: '""' }),
    opt('poll_frequency', 'duration', 'Polling interval.', { default: '"1m"' }),
    opt('poll_timeout', 'duration', 'Timeout of one poll.', { default: '"10s"' }),
    opt('is_secret', 'bool', 'Export the content as a secret.', { default: 'false' }),
  ],
  blocks: [httpClientBlock('client', 'HTTP client settings.')],
  exports: [exp('content', 'string', 'The response body (a secret when `is_secret` is true).')],
});

const kubernetesRemote = (kind: 'configmap' | 'secret', doc: string, dataType: string): ComponentSchema =>
  component(`remote.kubernetes.${kind}`, 'generally-available', {
    doc,
    complete: true,
    attributes: [
      req('namespace', 'string', 'Namespace of the object.'),
      req('name', 'string', 'Name of the object.'),
      opt('poll_frequency', 'duration', 'Polling interval.', { default: '"1m"' }),
      opt('poll_timeout', 'duration', 'Timeout of one poll.', { default: '"15s"' }),
    ],
    blocks: [kubernetesClientBlock()],
    exports: [exp('data', dataType, 'The data of the object.')],
  });

export const DISCOVERY_COMPONENTS: readonly ComponentSchema[] = [
  DISCOVERY_DOCKER,
  DISCOVERY_RELABEL,
  ...DISCOVERIES.map(([leaf, doc, ...attributes]) =>
    component(`discovery.${leaf}`, 'generally-available', {
      doc,
      ...(leaf === 'process' ? { note: 'Linux only (stub elsewhere).' } : {}),
      attributes,
      exports: [TARGETS_EXPORT],
    }),
  ),
  LOCAL_FILE,
  LOCAL_FILE_MATCH,
  REMOTE_HTTP,
  kubernetesRemote('configmap', 'Exposes the data of a Kubernetes ConfigMap.', 'map(string)'),
  kubernetesRemote('secret', 'Exposes the data of a Kubernetes Secret.', 'map(secret)'),
  component('remote.s3', 'generally-available', {
    doc: 'Polls an object in AWS S3 and exposes its content.',
    attributes: [req('path', 'string', 'Object path, for example `s3://bucket/file`.')],
    exports: [exp('content', 'string', 'The object content (a secret when `is_secret` is true).')],
  }),
  component('remote.vault', 'generally-available', {
    doc: 'Reads a secret from HashiCorp Vault.',
    attributes: [req('server', 'string', 'Vault server URL.'), req('path', 'string', 'Path of the secret.')],
    exports: [exp('data', 'map(secret)', 'The data of the secret.')],
  }),
];
