import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../core/http-policy';
import { PACKAGE_ROOT } from '../core/context';
import {
  APP_URL,
  appRequestPath,
  appResponseHeaders,
  isAppUrl,
  isSafeExternalUrl,
  isSaveContent,
  isTrustedSender,
  permissionDecision,
  safeSuggestedFileName,
  shouldAllowNavigation,
  webPreferences,
  windowOpenDecision,
  externalOpenDecision,
  confirmExternalOpenBox,
  APP_DOCUMENTATION_URLS,
  withCspHeader,
} from './security';

const FILE_APP = 'file:///opt/jiaodui/dist/renderer/index.html';

describe('webPreferences', () => {
  it('isolates and sandboxes the renderer', () => {
    const p = webPreferences('/app/dist/electron/preload.cjs');
    expect(p).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    });
  });
});

describe('isAppUrl', () => {
  it('accepts any page of the app scheme and host', () => {
    expect(isAppUrl(APP_URL, APP_URL)).toBe(true);
    expect(isAppUrl('jiaodui://app/', APP_URL)).toBe(true);
    expect(isAppUrl('jiaodui://app/index.html#/doc/3', APP_URL)).toBe(true);
    expect(isAppUrl('jiaodui://app', APP_URL)).toBe(true); // a permission check's origin
  });
  it('refuses other hosts, schemes, credentials and garbage', () => {
    for (const u of [
      'jiaodui://evil/index.html',
      'jiaodui://app.evil/index.html',
      'https://app/index.html',
      'file:///opt/jiaodui/dist/renderer/index.html',
      'jiaodui://user:pw@app/index.html',
      'about:blank',
      'data:text/html,hi',
      'not a url',
      '',
    ]) {
      expect(isAppUrl(u, APP_URL), u).toBe(false);
    }
    expect(isAppUrl(null, APP_URL)).toBe(false);
    expect(isAppUrl(undefined, APP_URL)).toBe(false);
  });
  it('with a file:// app, only that exact file', () => {
    expect(isAppUrl(FILE_APP, FILE_APP)).toBe(true);
    expect(isAppUrl(`${FILE_APP}#/library`, FILE_APP)).toBe(true);
    expect(isAppUrl('file:///etc/passwd', FILE_APP)).toBe(false);
    expect(isAppUrl('file:///home/me/Downloads/dropped.txt', FILE_APP)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('trusts only the top frame of the app', () => {
    expect(isTrustedSender({ url: APP_URL, isTopFrame: true }, APP_URL)).toBe(true);
    expect(isTrustedSender({ url: `${APP_URL}#/x`, isTopFrame: true }, APP_URL)).toBe(true);
  });
  it('refuses iframes, foreign pages and missing frames', () => {
    expect(isTrustedSender({ url: APP_URL, isTopFrame: false }, APP_URL)).toBe(false);
    expect(isTrustedSender({ url: 'https://example.com/', isTopFrame: true }, APP_URL)).toBe(false);
    expect(isTrustedSender({ url: 'file:///tmp/x.html', isTopFrame: true }, APP_URL)).toBe(false);
    expect(isTrustedSender(null, APP_URL)).toBe(false);
    expect(isTrustedSender(undefined, APP_URL)).toBe(false);
  });
});

describe('shouldAllowNavigation', () => {
  it('allows the app itself (a reload) and nothing else', () => {
    expect(shouldAllowNavigation(APP_URL, APP_URL)).toBe(true);
    for (const u of ['https://example.com/', 'http://127.0.0.1:8080/', 'file:///home/me/dropped.txt', 'javascript:alert(1)', 'about:blank', 'jiaodui://other/']) {
      expect(shouldAllowNavigation(u, APP_URL), u).toBe(false);
    }
  });
  it('refuses a dropped file when the app itself is a file', () => {
    expect(shouldAllowNavigation('file:///home/me/dropped.txt', FILE_APP)).toBe(false);
  });
});

describe('external links', () => {
  it('isSafeExternalUrl: only plain http(s)', () => {
    expect(isSafeExternalUrl('https://opencc.byvoid.com/')).toBe(true);
    expect(isSafeExternalUrl('http://example.com/a?b=c')).toBe(true);
    for (const u of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'mailto:a@b.c', 'https://user:pw@example.com/', 'jiaodui://app/', 'ms-msdt:foo', 'not a url', `https://e.com/${'x'.repeat(3000)}`]) {
      expect(isSafeExternalUrl(u), u.slice(0, 40)).toBe(false);
    }
    expect(isSafeExternalUrl(undefined as unknown as string)).toBe(false);
  });
  it('windowOpenDecision always denies a new window; only http(s) may go to the browser, after asking', () => {
    expect(windowOpenDecision('https://example.com/')).toEqual({ action: 'deny', external: { action: 'ask', url: 'https://example.com/', host: 'example.com' } });
    expect(windowOpenDecision('file:///etc/passwd')).toEqual({ action: 'deny', external: { action: 'refuse' } });
    expect(windowOpenDecision(APP_URL)).toEqual({ action: 'deny', external: { action: 'refuse' } });
    expect(windowOpenDecision('about:blank')).toEqual({ action: 'deny', external: { action: 'refuse' } });
  });

  it('externalOpenDecision: the documentation opens silently, other http(s) asks, everything else is refused', () => {
    const docs = ['https://docs.jiaodui.example/manual/'];
    expect(externalOpenDecision('https://docs.jiaodui.example/manual/import.html', docs)).toEqual({ action: 'open', url: 'https://docs.jiaodui.example/manual/import.html' });
    expect(externalOpenDecision('https://docs.jiaodui.example/manual/', docs)).toMatchObject({ action: 'open' });
    // look-alikes of the documentation ask: another path, another port, a longer host, http instead of https
    for (const u of ['https://docs.jiaodui.example/manualx', 'https://docs.jiaodui.example/other/', 'https://docs.jiaodui.example:8443/manual/', 'https://docs.jiaodui.example.evil.test/manual/', 'http://docs.jiaodui.example/manual/']) {
      expect(externalOpenDecision(u, docs).action, u).toBe('ask');
    }
    expect(externalOpenDecision('https://evil.example/x?y=1')).toEqual({ action: 'ask', url: 'https://evil.example/x?y=1', host: 'evil.example' });
    // no documentation site today: every address asks
    expect(APP_DOCUMENTATION_URLS).toEqual([]);
    for (const u of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,x', 'vbscript:x', 'file:///C:/Windows/System32/calc.exe', 'ms-msdt:/id', 'smb://host/share', 'https://user:pw@example.com/', 'mailto:a@b.c', 'jiaodui://app/index.html']) {
      expect(externalOpenDecision(u, docs), u).toEqual({ action: 'refuse' });
    }
  });

  it('the confirmation names the host and the whole address, with Cancel as the default', () => {
    const box = confirmExternalOpenBox({ url: 'https://evil.example/x', host: 'evil.example' });
    expect(box.message).toContain('evil.example');
    expect(box.detail).toContain('https://evil.example/x');
    expect(box.buttons[box.defaultId]).toBe('Cancel');
    expect(box.cancelId).toBe(box.defaultId);
  });
});

describe('permissionDecision', () => {
  it('denies by default', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen', 'midi', 'hid', 'usb', 'serial', 'unknown', 'display-capture']) {
      expect(permissionDecision(p, APP_URL, APP_URL), p).toBe(false);
    }
  });
  it('allows the short list only to the app', () => {
    expect(permissionDecision('clipboard-sanitized-write', APP_URL, APP_URL)).toBe(true);
    expect(permissionDecision('clipboard-sanitized-write', 'jiaodui://app', APP_URL)).toBe(true);
    expect(permissionDecision('clipboard-sanitized-write', 'https://example.com', APP_URL)).toBe(false);
    expect(permissionDecision('clipboard-sanitized-write', undefined, APP_URL)).toBe(false);
  });
});

describe('CSP and the app scheme', () => {
  it('withCspHeader replaces any CSP, keeps the rest', () => {
    const h = withCspHeader({ 'content-security-policy': ['default-src *'], 'Content-Type': 'text/html', 'X-A': ['1', '2'] });
    expect(h['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(h['content-security-policy']).toBeUndefined();
    expect(h['Content-Type']).toEqual(['text/html']);
    expect(h['X-A']).toEqual(['1', '2']);
    expect(withCspHeader(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
  it("the app's CSP allows scripts and styles only from the app (no unsafe-inline, no unsafe-eval)", () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("style-src 'self';");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    // index.html's <meta> copy (the renderer without our header, e.g. vite dev) is no looser
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(readFileSync(join(PACKAGE_ROOT, 'renderer', 'index.html'), 'utf8'))?.[1];
    expect(meta).toContain("style-src 'self';");
    expect(meta).not.toContain('unsafe-inline');
  });
  it('appRequestPath maps app URLs into dist/renderer and refuses escapes', () => {
    expect(appRequestPath('jiaodui://app/index.html')).toBe('index.html');
    expect(appRequestPath('jiaodui://app/')).toBe('index.html');
    expect(appRequestPath('jiaodui://app/assets/index-abc.js?v=1')).toBe('assets/index-abc.js');
    // The URL parser resolves dot segments first: this one stays inside dist/renderer.
    expect(appRequestPath('jiaodui://app/%2e%2e/%2e%2e/etc/passwd')).toBe('etc/passwd');
    expect(appRequestPath('jiaodui://app/..%2f..%2fetc/passwd')).toBeNull();
    expect(appRequestPath('jiaodui://app/a%5c..%5c..%5csecret')).toBeNull();
    expect(appRequestPath('jiaodui://app/a%00.js')).toBeNull();
    expect(appRequestPath('jiaodui://other/index.html')).toBeNull();
    expect(appRequestPath('file:///etc/passwd')).toBeNull();
  });
  it('every app response carries the CSP and nosniff', () => {
    const h = appResponseHeaders('text/html; charset=utf-8');
    expect(h['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(h['X-Content-Type-Options']).toBe('nosniff');
  });
});

describe('save dialog arguments', () => {
  it('safeSuggestedFileName keeps a base name only', () => {
    expect(safeSuggestedFileName('商湯 2023.hant.txt')).toBe('商湯 2023.hant.txt');
    expect(safeSuggestedFileName('../../etc/passwd')).toBe('passwd');
    expect(safeSuggestedFileName('C:\\Windows\\system.ini')).toBe('system.ini');
    expect(safeSuggestedFileName('a<b>:c|?*.txt')).toBe('a_b__c___.txt');
    expect(safeSuggestedFileName('.bashrc')).toBe('bashrc');
    expect(safeSuggestedFileName('')).toBe('export.txt');
    expect(safeSuggestedFileName(42)).toBe('export.txt');
    expect(safeSuggestedFileName('x'.repeat(500)).length).toBe(200);
  });
  it('isSaveContent wants a string', () => {
    expect(isSaveContent('text')).toBe(true);
    expect(isSaveContent('')).toBe(true);
    expect(isSaveContent(undefined)).toBe(false);
    expect(isSaveContent({ length: 1 })).toBe(false);
  });
});
