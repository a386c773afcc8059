import { describe, expect, it } from 'vitest';
import { cleanBuildEnv, isNetworkFailure, isUpToDate, wantedStamp } from './build-electron-native.mjs';

describe('build-electron-native', () => {
  it('tells a download failure from a compile failure', () => {
    expect(isNetworkFailure('prebuild-install warn install getaddrinfo ENOTFOUND github.com')).toBe(true);
    expect(isNetworkFailure('gyp ERR! stack is related to network connectivity. In most cases you are behind a proxy')).toBe(true);
    expect(isNetworkFailure('FetchError: request to https://electronjs.org/headers failed, reason: connect ECONNREFUSED')).toBe(true);
    expect(isNetworkFailure("error: 'v8::Isolate' has no member named 'Foo'\nmake: *** [better_sqlite3.target.mk:123] Error 1")).toBe(false);
  });

  it('drops npm settings that would build against Node instead of Electron', () => {
    const env = cleanBuildEnv({ PATH: '/bin', npm_config_nodedir: '/usr', NPM_CONFIG_NODEDIR: '/usr', npm_config_target: '20.0.0', npm_config_cache: '/c' });
    expect(env).toEqual({ PATH: '/bin', npm_config_cache: '/c' });
  });

  it('a build is up to date only for the same Electron, better-sqlite3, platform and arch', () => {
    const wanted = { electron: '42.11.18', betterSqlite3: '12.11.1', platform: 'linux', arch: 'x64' };
    expect(isUpToDate({ ...wanted, method: 'compiled' }, wanted)).toBe(true);
    expect(isUpToDate({ ...wanted, electron: '41.0.0' }, wanted)).toBe(false);
    expect(isUpToDate({ ...wanted, arch: 'arm64' }, wanted)).toBe(false);
    expect(isUpToDate(null, wanted)).toBe(false);
  });

  it('reads the installed versions', () => {
    const w = wantedStamp();
    expect(w.electron).toMatch(/^\d+\.\d+\.\d+/);
    expect(w.betterSqlite3).toMatch(/^\d+\.\d+\.\d+/);
  });
});
