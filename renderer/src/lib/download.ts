/** Offer text as a file download (browser mode). */
export function downloadText(fileName: string, content: string, mime = 'text/plain;charset=utf-8'): void {
  downloadBlob(fileName, new Blob([content], { type: mime }));
}

/** Offer bytes given as base64 (a DOCX export) as a file download (browser mode). */
export function downloadBase64(fileName: string, base64: string, mime = 'application/octet-stream'): void {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  downloadBlob(fileName, new Blob([bytes], { type: mime }));
}

function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
