/**
 * electron-builder.yml as the packager will read it (parsed with js-yaml, which
 * electron-builder itself uses): the security fuses and what they depend on. Nothing can
 * be packaged here, so this is the check that the shipped binary is locked down.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../core/context';

const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };
const config = yaml.load(readFileSync(join(PACKAGE_ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;

describe('electron-builder.yml', () => {
  it('flips the security fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs the app into an asar whose integrity hash is embedded (what the two asar fuses need)', () => {
    expect(config.asar).toBe(true);
    expect(config.disableAsarIntegrity ?? false).toBe(false);
    for (const platform of ['mac', 'win', 'linux']) {
      const p = (config[platform] ?? {}) as Record<string, unknown>;
      expect(p.asar ?? true, platform).toBe(true);
      expect(p.electronFuses, `${platform} must not override the fuses`).toBeUndefined();
    }
  });

  it('uses only fuse names electron-builder knows (a misspelt key would be ignored silently)', () => {
    const schema = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8')) as {
      definitions: Record<string, { properties?: Record<string, unknown> }>;
      properties: Record<string, unknown>;
    };
    expect(Object.keys(schema.properties)).toContain('electronFuses');
    const known = Object.keys(schema.definitions.FuseOptionsV1.properties ?? {});
    for (const k of Object.keys(config.electronFuses as object)) expect(known, k).toContain(k);
  });
});
