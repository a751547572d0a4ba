import { toYaml } from './serialize.js';

/** version.Info as kubectl prints it (`kubectl version -o json`), fields in Go struct order. */
export interface VersionInfo {
  major: string;
  minor: string;
  gitVersion: string;
  gitCommit: string;
  gitTreeState: string;
  buildDate: string;
  goVersion: string;
  compiler: string;
  platform: string;
}

/** The Kubernetes release whose server behaviour pocketkube emulates. */
export const EMULATED_SERVER_VERSION = 'v1.32.0-pocketkube';

const GO_OS: Record<string, string> = { win32: 'windows' };
const GO_ARCH: Record<string, string> = { x64: 'amd64', ia32: '386' };

/** `linux/amd64`, in Go's names for the platform. */
export function goPlatform(platform: string = process.platform, arch: string = process.arch): string {
  return `${GO_OS[platform] ?? platform}/${GO_ARCH[arch] ?? arch}`;
}

/** The version.Info of a `vMAJOR.MINOR.PATCH[-suffix]` version; build details pocketkube does not have stay empty. */
export function versionInfo(gitVersion: string, compiler: string): VersionInfo {
  const m = /^v?(\d+)\.(\d+)/.exec(gitVersion);
  return {
    major: m?.[1] ?? '',
    minor: m?.[2] ?? '',
    gitVersion,
    gitCommit: '',
    gitTreeState: '',
    buildDate: '',
    goVersion: '',
    compiler,
    platform: goPlatform(),
  };
}

export interface Versions {
  clientVersion: VersionInfo;
  serverVersion?: VersionInfo;
}

/** `kubectl version` in its three shapes: the two lines, JSON (2-space indent), YAML (followed by an empty line). */
export function printVersions(v: Versions, output: '' | 'json' | 'yaml'): string {
  if (output === 'json') return JSON.stringify(v, null, 2) + '\n';
  if (output === 'yaml') return toYaml(v) + '\n';
  let out = `Client Version: ${v.clientVersion.gitVersion}\n`;
  if (v.serverVersion) out += `Server Version: ${v.serverVersion.gitVersion}\n`;
  return out;
}
