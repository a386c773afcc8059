import { describe, expect, it } from 'vitest';
import { decideFor, safeStorageSecretStore, secretPersistence, type SafeStorageLike, type SecretFile } from './secret-policy';

function fakeSafe(available: boolean, backend?: string): SafeStorageLike & { encrypted: string[] } {
  const encrypted: string[] = [];
  return {
    encrypted,
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: backend === undefined ? undefined : () => backend,
    encryptString: (s) => {
      encrypted.push(s);
      return Buffer.from(`enc:${Buffer.from(s).toString('base64')}`);
    },
    decryptString: (b) => {
      const t = b.toString();
      if (!t.startsWith('enc:')) throw new Error('bad');
      return Buffer.from(t.slice(4), 'base64').toString();
    },
  };
}

function memFile(): SecretFile & { data: Buffer | null } {
  const f = {
    data: null as Buffer | null,
    read: () => f.data,
    write: (d: Buffer) => void (f.data = d),
    remove: () => void (f.data = null),
  };
  return f;
}

describe('secret policy', () => {
  it('treats basic_text and unknown on Linux as unavailable', () => {
    expect(secretPersistence('linux', true, 'basic_text')).toBe('session');
    expect(secretPersistence('linux', true, 'unknown')).toBe('session');
    expect(secretPersistence('linux', true, undefined)).toBe('session');
    expect(secretPersistence('linux', true, 'gnome_libsecret')).toBe('encrypted');
    expect(secretPersistence('linux', true, 'kwallet6')).toBe('encrypted');
    expect(secretPersistence('linux', false, 'gnome_libsecret')).toBe('session');
  });

  it('trusts Keychain and DPAPI when encryption is available', () => {
    expect(secretPersistence('darwin', true, undefined)).toBe('encrypted');
    expect(secretPersistence('win32', true, undefined)).toBe('encrypted');
    expect(secretPersistence('win32', false, undefined)).toBe('session');
    expect(secretPersistence('freebsd', true, undefined)).toBe('session');
  });

  it('reads the backend only on Linux and survives a throwing safeStorage', () => {
    expect(decideFor(fakeSafe(true, 'basic_text'), 'linux')).toBe('session');
    expect(decideFor(fakeSafe(true, 'basic_text'), 'darwin')).toBe('encrypted');
    const throwing: SafeStorageLike = { ...fakeSafe(true), isEncryptionAvailable: () => { throw new Error('not ready'); } };
    expect(decideFor(throwing, 'darwin')).toBe('session');
  });

  it('keeps the key in memory only with basic_text: nothing written, nothing encrypted', () => {
    const safe = fakeSafe(true, 'basic_text');
    const file = memFile();
    const store = safeStorageSecretStore(safe, 'linux', file);
    expect(store.storage).toBe('session');
    store.set('sk-1');
    expect(store.get()).toBe('sk-1');
    expect(file.data).toBeNull();
    expect(safe.encrypted).toEqual([]);
  });

  it('writes only ciphertext with a real keyring, reads it back in a new run, forgets it', () => {
    const safe = fakeSafe(true, 'gnome_libsecret');
    const file = memFile();
    const store = safeStorageSecretStore(safe, 'linux', file);
    expect(store.storage).toBe('encrypted');
    store.set('sk-secret');
    expect(file.data!.toString()).not.toContain('sk-secret');
    expect(safeStorageSecretStore(safe, 'linux', file).get()).toBe('sk-secret');
    store.set(null);
    expect(file.data).toBeNull();
    expect(store.get()).toBeNull();
    file.data = Buffer.from('garbage');
    expect(safeStorageSecretStore(safe, 'linux', file).get()).toBeNull();
  });
});
