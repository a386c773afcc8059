/**
 * The app's Content Security Policy allows styles only from the app's own stylesheet
 * (no 'unsafe-inline'): injected <style> elements and style="…" attributes are refused,
 * while React's style props (set through the CSSOM) still apply. The `app` fixture fails
 * any spec that triggers a CSP violation, so every browser-mode spec checks this too.
 */
import { expect, runCommand, test } from './fixtures';

test('the policy the server sends has no unsafe-inline; injected styles are refused', async ({ page, server }) => {
  const res = await page.request.get(server.origin + '/');
  const csp = res.headers()['content-security-policy'];
  expect(csp).toContain("style-src 'self'");
  expect(csp).not.toContain('unsafe-inline');

  await page.goto(server.url);
  await expect(page.getByTestId('grid')).toBeVisible();
  const violations = await page.evaluate(async () => {
    const seen: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => seen.push(e.effectiveDirective));
    const style = document.createElement('style');
    style.textContent = 'body { outline: 9px solid red }';
    document.head.append(style);
    const div = document.createElement('div');
    div.setAttribute('style', 'outline: 9px solid red');
    document.body.append(div);
    await new Promise((r) => setTimeout(r, 100));
    return { seen, body: getComputedStyle(document.body).outlineStyle, div: getComputedStyle(div).outlineStyle };
  });
  // each refused twice: by the header's policy and by index.html's <meta> copy
  expect(violations.seen.sort()).toEqual(['style-src-attr', 'style-src-attr', 'style-src-elem', 'style-src-elem']);
  expect(violations.body).toBe('none');
  expect(violations.div).toBe('none');
});

test('the app renders under the stricter policy: stylesheet, style props, dialogs', async ({ app: page }) => {
  // the stylesheet applies (the grid is a CSS grid/flex layout, not unstyled flow)
  expect(await page.evaluate(() => document.styleSheets.length)).toBeGreaterThan(0);
  // React style props (the virtual rows are positioned with transform) apply
  const transform = await page.getByTestId('row-1').evaluate((el) => getComputedStyle(el).transform);
  expect(transform).not.toBe('none');
  // a few screens that use inline style props: the command palette, dialogs
  for (const label of ['Export…', 'Machine Translation Settings…', 'About Jiaodui and Licences…']) {
    await runCommand(page, label);
    await expect(page.locator('[role="dialog"]').first()).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.locator('[role="dialog"]')).toHaveCount(0);
  }
  // (the fixture then checks that nothing above caused a CSP violation)
});
