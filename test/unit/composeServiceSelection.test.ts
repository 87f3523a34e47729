import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadComposeProject } from '../../server/src/compose/composeProject';
import { memoryFileSystem } from '../../server/src/compose/fileSystem';
import { isAlloyImage, selectAlloyService } from '../../server/src/compose/serviceSelection';

function select(compose: string, configFiles = ['/p/alloy/config.alloy'], serviceName?: string) {
  const project = loadComposeProject({ composeFiles: ['/p/docker-compose.yml'], fs: memoryFileSystem({ '/p/docker-compose.yml': compose }), hostEnv: {} });
  return selectAlloyService(project, configFiles, { root: '/p', ...(serviceName !== undefined ? { serviceName } : {}) });
}

describe('isAlloyImage', () => {
  it('accepts grafana/alloy under any registry, tag or digest', () => {
    for (const image of [
      'grafana/alloy',
      'grafana/alloy:latest',
      'docker.io/grafana/alloy:v1.5.0',
      'registry.example.com:5000/mirror/grafana/alloy:v1.5.0',
      'grafana/alloy:latest@sha256:41c41849989b7e054ccbadc17938ee1e5592fe26bfbc56ef3ffc109c0b0b2739',
      'grafana/alloy-dev:main',
      'GRAFANA/ALLOY',
    ]) {
      assert.equal(isAlloyImage(image), true, image);
    }
  });

  it('rejects other images', () => {
    for (const image of ['grafana/agent', 'grafana/grafana', 'myorg/alloy', 'grafana/alloy-operator', 'alloy-integration-tests', 'grafana/alloyx']) {
      assert.equal(isAlloyImage(image), false, image);
    }
  });
});

describe('selectAlloyService', () => {
  it('prefers the service that mounts the config file', () => {
    const selection = select(
      [
        'services:',
        '  agent:',
        '    image: grafana/alloy',
        '  runner:',
        '    image: my/alloy-build',
        '    volumes:',
        '      - ./alloy/config.alloy:/etc/alloy/config.alloy:ro',
      ].join('\n'),
    );
    assert.equal(selection.service?.name, 'runner');
    assert.equal(selection.reason, 'mount');
    assert.equal(selection.explanation, 'service "runner" mounts alloy/config.alloy at /etc/alloy/config.alloy (docker-compose.yml:7)');
  });

  it('accepts a mount of the directory holding the config, the deepest one winning', () => {
    const selection = select(
      [
        'services:',
        '  dev:',
        '    image: node',
        '    volumes: [".:/app"]',
        '  everything:',
        '    image: node-exporter',
        '    volumes: ["/:/rootfs:ro"]',
        '  alloy:',
        '    image: custom',
        '    volumes: ["./alloy:/etc/alloy"]',
      ].join('\n'),
    );
    assert.equal(selection.service?.name, 'alloy');
    assert.match(selection.explanation, /mounts the directory alloy, which holds config.alloy, at \/etc\/alloy/);
  });

  it('ignores mounts of the filesystem or of the whole project by non-Alloy images', () => {
    const selection = select('services:\n  dev:\n    image: node\n    volumes: [".:/app"]\n  exporter:\n    volumes: ["/:/rootfs:ro"]\n');
    assert.equal(selection.service, null);
  });

  it('falls back to a grafana/alloy image, reporting the others', () => {
    const selection = select('services:\n  grafana:\n    image: grafana/grafana\n  a1:\n    image: grafana/alloy:v1\n  a2:\n    image: docker.io/grafana/alloy\n');
    assert.equal(selection.service?.name, 'a1');
    assert.equal(selection.reason, 'image');
    assert.deepEqual(selection.alsoMatching, ['a2']);
    assert.equal(selection.explanation, 'service "a1" runs the image grafana/alloy:v1 (docker-compose.yml:5)');
  });

  it('uses a locally built image named like alloy only as a last resort', () => {
    const built = select('services:\n  my-alloy:\n    build: ./alloy\n  web:\n    build: ./web\n');
    assert.equal(built.service?.name, 'my-alloy');
    assert.equal(built.reason, 'build');
    const notBuilt = select('services:\n  my-alloy:\n    image: alloy-integration-tests\n');
    assert.equal(notBuilt.service, null);
  });

  it('lets an explicit service name override everything', () => {
    const compose = 'services:\n  alloy:\n    image: grafana/alloy\n  sidecar:\n    image: busybox\n';
    const selection = select(compose, undefined, 'sidecar');
    assert.equal(selection.service?.name, 'sidecar');
    assert.equal(selection.reason, 'configured');
    const unknown = select(compose, undefined, 'nope');
    assert.equal(unknown.service, null);
    assert.match(unknown.explanation, /"nope" is not defined/);
  });

  it('selects nothing when no service fits', () => {
    const selection = select('services:\n  grafana:\n    image: grafana/grafana\n');
    assert.equal(selection.service, null);
    assert.equal(selection.reason, null);
    assert.match(selection.explanation, /no service mounts alloy\/config.alloy/);
  });
});
