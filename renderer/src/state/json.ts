/** Stored JSON read back (local storage): its value, or undefined for text that is not JSON (JSON never makes undefined). */
export function parseStoredJson(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}
