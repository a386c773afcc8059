/**
 * Base64 of bytes and of text, for import payloads. Chunked, so a 10 MB file never
 * spreads millions of arguments into String.fromCharCode.
 */
// A multiple of 3, so every chunk but the last encodes to base64 without padding and
// the encoded chunks can simply be concatenated.
const CHUNK = 3 * 8192;

export function bytesToBase64(bytes: Uint8Array): string {
  const out: string[] = [];
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const slice = bytes.subarray(i, i + CHUNK);
    out.push(btoa(String.fromCharCode.apply(null, slice as unknown as number[])));
  }
  return out.join('');
}

export function textToBase64(text: string): string {
  return bytesToBase64(new TextEncoder().encode(text));
}

export async function fileToBase64(file: Blob): Promise<string> {
  return bytesToBase64(new Uint8Array(await file.arrayBuffer()));
}

/** Size in bytes of a base64 payload (for display before the preview answers). */
export function base64ByteLength(b64: string): number {
  const pad = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;
  return Math.floor((b64.length * 3) / 4) - pad;
}
