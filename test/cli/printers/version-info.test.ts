import { describe, expect, it } from 'vitest';
import { EMULATED_SERVER_VERSION, goPlatform, printVersions, versionInfo } from '../../../src/cli/printers/version-info.js';

describe('version output', () => {
  const client = versionInfo('v0.1.0', 'node');
  const server = versionInfo(EMULATED_SERVER_VERSION, 'node');

  it('reads major and minor from the version', () => {
    expect([server.major, server.minor, server.gitVersion]).toEqual(['1', '32', 'v1.32.0-pocketkube']);
    expect([client.major, client.minor]).toEqual(['0', '1']);
  });

  it('names the platform as Go does', () => {
    expect(goPlatform('linux', 'x64')).toBe('linux/amd64');
    expect(goPlatform('win32', 'arm64')).toBe('windows/arm64');
  });

  it('prints the two lines, or JSON in struct order, or YAML with sorted keys and an empty line', () => {
    expect(printVersions({ clientVersion: client, serverVersion: server }, '')).toBe('Client Version: v0.1.0\nServer Version: v1.32.0-pocketkube\n');
    expect(printVersions({ clientVersion: client }, '')).toBe('Client Version: v0.1.0\n');
    const json = printVersions({ clientVersion: client }, 'json');
    expect(json.startsWith('{\n  "clientVersion": {\n    "major": "0",\n    "minor": "1",\n    "gitVersion": "v0.1.0",')).toBe(true);
    const yaml = printVersions({ clientVersion: client, serverVersion: server }, 'yaml');
    expect(yaml.startsWith('clientVersion:\n  buildDate: ""\n  compiler: node\n')).toBe(true);
    expect(yaml).toContain('serverVersion:\n');
    expect(yaml).toContain('  major: "1"\n  minor: "32"\n');
    expect(yaml.endsWith('\n\n')).toBe(true);
  });
});
