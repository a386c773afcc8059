/**
 * The machine-translation API key belongs to one provider at one origin (scheme, host,
 * port). It is stored together with that binding, and used only while the settings
 * still point there: change the provider or the host and the key is forgotten, so a
 * changed address never receives a key that was entered for another one. A different
 * path on the same origin keeps it (…/v1 → …/v1/chat/completions is the same server).
 * Pure; the renderer uses keyOrigin to warn before saving.
 */
import type { MtProvider } from './schemas';

export interface BoundKey {
  key: string;
  provider: MtProvider;
  /** `https://api.example.com` (WHATWG origin: lower-case host, default port dropped) */
  origin: string;
}

/** The origin an address sends to; '' when it is not an http(s) address. */
export function keyOrigin(url: string): string {
  try {
    const u = new URL(url.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : '';
  } catch {
    return '';
  }
}

/** Whether a stored key may go to these settings: same provider, same origin. */
export function keyFits(bound: Pick<BoundKey, 'provider' | 'origin'>, settings: { provider: MtProvider; url: string }): boolean {
  const origin = keyOrigin(settings.url);
  return origin !== '' && bound.provider === settings.provider && bound.origin === origin;
}

const TAG = 'jiaodui-mt-key/1';

/** The string a SecretStore keeps: the key with its binding. */
export function encodeBoundKey(b: BoundKey): string {
  return JSON.stringify({ t: TAG, key: b.key, provider: b.provider, origin: b.origin });
}

/**
 * A stored string back to its key and binding. A key stored by an older version is a
 * bare string with no binding: `provider`/`origin` null, never sent anywhere (it may
 * have been entered for another address), so the reviewer enters it again.
 */
export function decodeBoundKey(stored: string | null): BoundKey | { key: string; provider: null; origin: null } | null {
  if (!stored) return null;
  try {
    const v = JSON.parse(stored) as Record<string, unknown>;
    if (v && v.t === TAG && typeof v.key === 'string' && v.key && (v.provider === 'openai' || v.provider === 'libretranslate') && typeof v.origin === 'string') {
      return { key: v.key, provider: v.provider, origin: v.origin };
    }
  } catch {
    // not ours: an unbound key
  }
  return { key: stored, provider: null, origin: null };
}
