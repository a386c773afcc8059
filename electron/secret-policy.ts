/**
 * Where the machine-translation API key may be kept, decided in one pure function, and
 * a SecretStore over Electron's safeStorage that follows the decision.
 *
 * safeStorage really encrypts on macOS (Keychain) and Windows (DPAPI). On Linux it
 * depends on the selected backend: with a keyring (gnome_libsecret, kwallet*) it does;
 * with `basic_text` it "encrypts" with a hard-coded password, which is plain text with
 * extra steps, and `unknown` means it has not been decided (or is not Linux at all).
 * Those count as unavailable: the key stays in memory for the session only, and the UI
 * says so. The key is never written to the database. What is stored is the key together
 * with the provider and origin it was entered for (shared/mt/key-binding.ts), so a key read
 * back here is only ever sent to that address.
 */
import type { SecretStore } from '../core/mt';

export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  getSelectedStorageBackend?(): string;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export type SecretPersistence = 'encrypted' | 'session';

/** Linux backends that are only obfuscation (or undecided). */
const WEAK_LINUX_BACKENDS = new Set(['basic_text', 'unknown']);

export function secretPersistence(platform: NodeJS.Platform | string, encryptionAvailable: boolean, linuxBackend: string | undefined): SecretPersistence {
  if (!encryptionAvailable) return 'session';
  if (platform === 'linux') return linuxBackend && !WEAK_LINUX_BACKENDS.has(linuxBackend) ? 'encrypted' : 'session';
  if (platform === 'darwin' || platform === 'win32') return 'encrypted';
  return 'session';
}

export function decideFor(safe: SafeStorageLike, platform: string): SecretPersistence {
  let available = false;
  let backend: string | undefined;
  try {
    available = safe.isEncryptionAvailable();
    backend = platform === 'linux' ? safe.getSelectedStorageBackend?.() : undefined;
  } catch {
    available = false;
  }
  return secretPersistence(platform, available, backend);
}

/** The encrypted key's file (in userData, beside nothing else): read/write/remove. */
export interface SecretFile {
  read(): Buffer | null;
  write(data: Buffer): void;
  remove(): void;
}

/**
 * A store that encrypts to `file` when the policy allows, else keeps the key in memory.
 * The decision is taken once, when the store is made (after app 'ready').
 */
export function safeStorageSecretStore(safe: SafeStorageLike, platform: string, file: SecretFile): SecretStore {
  const persistence = decideFor(safe, platform);
  let memory: string | null = null;
  if (persistence === 'session') {
    // a key written while a keyring was available cannot be trusted to decrypt now; leave it
    return {
      storage: 'session',
      get: () => memory,
      set: (v) => {
        memory = v || null;
      },
    };
  }
  let cached: string | null | undefined;
  return {
    storage: 'encrypted',
    get: () => {
      if (cached !== undefined) return cached;
      const data = file.read();
      try {
        cached = data && data.length ? safe.decryptString(data) : null;
      } catch {
        cached = null; // another machine's or user's key: unreadable, ask again
      }
      return cached;
    },
    set: (v) => {
      if (!v) {
        file.remove();
        cached = null;
        return;
      }
      file.write(safe.encryptString(v));
      cached = v;
    },
  };
}
