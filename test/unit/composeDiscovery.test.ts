import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { composeFileRole, discoverComposeFiles, findRepositoryRoot, groupComposeFiles } from '../../server/src/compose/discovery';
import { memoryFileSystem } from '../../server/src/compose/fileSystem';

describe('composeFileRole', () => {
  it('classifies compose file names', () => {
    assert.equal(composeFileRole('compose.yaml'), 'main');
    assert.equal(composeFileRole('docker-compose.yml'), 'main');
    assert.equal(composeFileRole('docker-compose.override.yaml'), 'override');
    assert.equal(composeFileRole('compose.override.yml'), 'override');
    assert.equal(composeFileRole('docker-compose.base.yml'), 'alternative');
    assert.equal(composeFileRole('docker-compose.prod.yml'), 'alternative');
    assert.equal(composeFileRole('docker-compose-otel.yml'), 'alternative');
    assert.equal(composeFileRole('compose.json'), null);
    assert.equal(composeFileRole('my-compose.yml'), null);
  });
});

describe('groupComposeFiles', () => {
  it('merges only the main file and its override; every other compose file is a project of its own', () => {
    assert.deepEqual(
      groupComposeFiles(['docker-compose.override.yml', 'docker-compose.yml', 'README.md', 'docker-compose.test.yml', 'docker-compose.example.yml', 'docker-compose-otel.yml']),
      [['docker-compose.yml', 'docker-compose.override.yml'], ['docker-compose-otel.yml'], ['docker-compose.example.yml'], ['docker-compose.test.yml']],
    );
  });

  it("uses Compose's preferred main file and the matching override; the other main names are run alone", () => {
    assert.deepEqual(groupComposeFiles(['docker-compose.yml', 'compose.yaml', 'compose.yml']), [['compose.yaml'], ['compose.yml'], ['docker-compose.yml']]);
    assert.deepEqual(groupComposeFiles(['compose.override.yaml', 'compose.yaml', 'docker-compose.override.yml']), [
      ['compose.yaml', 'compose.override.yaml'],
      ['docker-compose.override.yml'],
    ]);
  });

  it('a lone file with a suffix (the example project) is one project', () => {
    assert.deepEqual(groupComposeFiles(['docker-compose.base.yml', 'config.alloy']), [['docker-compose.base.yml']]);
  });
});

describe('discoverComposeFiles', () => {
  const fs = memoryFileSystem({
    '/repo/.git/HEAD': 'ref: refs/heads/main',
    '/repo/docker-compose.yml': 'services: {}',
    '/repo/docker-compose.override.yml': 'services: {}',
    '/repo/deploy/alloy/config.alloy': '',
    '/repo/stack/compose.yaml': 'services: {}',
    '/repo/stack/alloy/config.alloy': '',
    '/outside/project/alloy/config.alloy': '',
  });

  it('finds the nearest directory with compose files, searching parents', () => {
    assert.deepEqual(discoverComposeFiles('/repo/deploy/alloy', fs), {
      files: ['/repo/docker-compose.yml', '/repo/docker-compose.override.yml'],
      projects: [['/repo/docker-compose.yml', '/repo/docker-compose.override.yml']],
      projectDir: '/repo',
      repositoryRoot: '/repo',
    });
    assert.deepEqual(discoverComposeFiles('/repo/stack/alloy', fs).files, ['/repo/stack/compose.yaml']);
  });

  it('stops at the repository root', () => {
    const nested = memoryFileSystem({
      '/docker-compose.yml': 'services: {}',
      '/work/repo/.git': 'gitdir: elsewhere',
      '/work/repo/alloy/config.alloy': '',
    });
    assert.deepEqual(discoverComposeFiles('/work/repo/alloy', nested), { files: [], projects: [], projectDir: null, repositoryRoot: '/work/repo' });
  });

  it('searches up to the filesystem root when there is no repository', () => {
    assert.deepEqual(discoverComposeFiles('/outside/project/alloy', fs), { files: [], projects: [], projectDir: null, repositoryRoot: null });
    const rootCompose = memoryFileSystem({ '/compose.yml': 'services: {}', '/a/b/config.alloy': '' });
    assert.deepEqual(discoverComposeFiles('/a/b', rootCompose).files, ['/compose.yml']);
  });

  it('finds the repository root', () => {
    assert.equal(findRepositoryRoot('/repo/deploy/alloy', fs), '/repo');
    assert.equal(findRepositoryRoot('/outside/project', fs), null);
  });
});
