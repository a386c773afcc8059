import { describe, expect, it } from 'vitest';
import { isWebUrl } from './urls';

describe('isWebUrl', () => {
  it('allows http(s) addresses with a host', () => {
    for (const u of ['https://example.com', 'http://example.com/a?b=1#c', 'HTTPS://EXAMPLE.COM', '  https://例子.香港/路徑 ']) expect(isWebUrl(u)).toBe(true);
  });
  it('refuses every other scheme, however it is spelled', () => {
    for (const u of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', '\u0001javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'file:///etc/passwd', 'mailto:a@b.c', 'ftp://x.y', 'http:', 'https://', '//example.com', 'example.com', '']) {
      expect(isWebUrl(u), u).toBe(false);
    }
  });
});
