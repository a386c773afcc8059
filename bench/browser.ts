/**
 * Browser-mode figures for `npm run bench`: Debian's Chromium (through Playwright) against
 * `jiaodui serve` on a temporary database.
 *
 * - time from start (navigation) to the library painted, in a fresh page each time: what the
 *   renderer's initial JavaScript costs to load, parse and run (renderer/src/lazy.tsx);
 * - time from opening a 10,000-segment document in the library to its first rows painted
 *   (in the page: click → rows in the DOM → two animation frames), and how many grid rows
 *   the DOM holds (virtualization);
 * - scripting time while typing in a segment (CDP Performance.getMetrics ScriptDuration
 *   over 40 keystrokes, per keystroke), and the delay from each input event to the next
 *   animation frame (median and longest);
 * - the server process's RSS (the main process in browser mode) with the 1 MB document
 *   open in the page, and after the page switched to another document.
 *
 * Needs /usr/bin/chromium and a built renderer (dist/renderer); returns a reason otherwise.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveUnavailable, startServe } from './serve-api';
import { generateLargeDocument } from '../e2e/generate';
import { median } from './stats';

export const CHROMIUM = '/usr/bin/chromium';

export interface BrowserFigures {
  /** navigation start → the library's first document painted (two animation frames later), per fresh page */
  libraryPaintMs: number[];
  firstPaintMs: number[];
  domRows: number;
  segments: number;
  scriptMsPerKey: number;
  taskMsPerKey: number;
  maxInputToFrameMs: number;
  medianInputToFrameMs: number;
  /** the server right after start (sample imported, checks warmed up) */
  rssStartMb: number;
  rssBeforeMb: number;
  rssOpenMb: number;
  rssClosedMb: number;
}

/** Why the browser figures cannot be measured here, or null. */
export function browserUnavailable(): string | null {
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} not found (apt-get install chromium)`;
  return serveUnavailable();
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

export async function browserBench(oneMbText: string, runs = 3): Promise<BrowserFigures> {
  const { chromium } = await import('@playwright/test');
  const dir = mkdtempSync(join(tmpdir(), 'jiaodui-bench-browser-'));
  const srv = await startServe(join(dir, 'bench.db'));
  await new Promise((r) => setTimeout(r, 1000)); // the checks' warm-up runs just after start
  const rssStartMb = rssMb(srv.child.pid);
  const call = srv.call;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
    const large = await call<{ documentId: number; segments: number }>('importDocument', { fileName: 'large-10000.txt', data: b64(generateLargeDocument(10_000)), projectName: 'Bench' });
    const oneMb = await call<{ documentId: number; segments: number }>('importDocument', { fileName: 'one-mb.txt', data: b64(oneMbText), projectName: 'Bench' });
    const small = await call<{ documentId: number; segments: number }>('importDocument', { fileName: 'small.txt', data: b64('短文。\n\n第二段。\n'), projectName: 'Bench' });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(srv.url);
    await page.getByTestId('grid').waitFor();

    // Open a document in the library; resolve when its first row is painted. (In-page code is
    // passed as source text: tsx's name-keeping helpers do not exist in the page.)
    const openAndPaint = (documentId: number, rows: number) =>
      page.evaluate(`new Promise((resolve, reject) => {
        const button = document.querySelector('[data-testid="doc-${documentId}"] .doc-open');
        if (!button) return reject(new Error('document ${documentId} is not in the library'));
        const t0 = performance.now();
        button.click();
        function poll() {
          const grid = document.querySelector('[data-testid="grid"]');
          const ready = grid && grid.getAttribute('aria-rowcount') === '${rows + 1}' && document.querySelector('[data-testid="row-0"]');
          if (ready) requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
          else if (performance.now() - t0 > 60000) reject(new Error('no rows after 60 s'));
          else requestAnimationFrame(poll);
        }
        requestAnimationFrame(poll);
      })`) as Promise<number>;
    const firstPaintMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      await openAndPaint(small.documentId, small.segments);
      firstPaintMs.push(await openAndPaint(large.documentId, large.segments));
    }
    const domRows = await page.locator('[data-testid="grid-body"] [role="row"]').count();

    // Typing in a segment: scripting time per keystroke (CDP), longest input → next frame.
    await page.getByTestId('row-5').click();
    await page.keyboard.press('Enter');
    const editor = page.getByTestId('edit-textarea');
    await editor.waitFor();
    await page.evaluate(`(() => {
      window.__inputDelays = [];
      document.addEventListener('input', (e) => {
        const t = e.timeStamp;
        requestAnimationFrame(() => window.__inputDelays.push(performance.now() - t));
      }, true);
    })()`);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const metric = async () => Object.fromEntries(((await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }).metrics.map((m) => [m.name, m.value]));
    const keys = '校對測試文字輸入速度ABCDEFGHIJ'.repeat(2);
    const m0 = await metric();
    for (const ch of keys) await page.keyboard.insertText(ch);
    await page.waitForTimeout(200);
    const m1 = await metric();
    const delays = (await page.evaluate('window.__inputDelays')) as number[];
    await page.keyboard.press('Escape');

    // Memory: the server process with the 1 MB document open in the page, then after leaving it.
    const pid = srv.child.pid;
    await openAndPaint(small.documentId, small.segments);
    await page.waitForTimeout(500);
    const rssBeforeMb = rssMb(pid);
    await openAndPaint(oneMb.documentId, oneMb.segments);
    await page.waitForTimeout(1000);
    const rssOpenMb = rssMb(pid);
    await openAndPaint(small.documentId, small.segments);
    await page.waitForTimeout(3000);
    const rssClosedMb = rssMb(pid);

    // Start → library painted (after the memory figures, which it would disturb): a fresh context each time (no stored last document, nothing cached;
    // the server sends no-store). Timed in the page from its time origin (navigation start).
    const libraryPaintMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const fresh = await context.newPage();
      await fresh.addInitScript(`(() => {
        function poll() {
          if (document.querySelector('[data-testid^="doc-"] .doc-open')) requestAnimationFrame(() => requestAnimationFrame(() => (window.__libraryPaintedMs = performance.now())));
          else requestAnimationFrame(poll);
        }
        requestAnimationFrame(poll);
      })()`);
      await fresh.goto(srv.url);
      // (polled from here: waitForFunction with source text is an eval the page's CSP refuses)
      let painted: number | undefined;
      for (const t0 = Date.now(); painted === undefined && Date.now() - t0 < 60_000; await fresh.waitForTimeout(50)) {
        painted = (await fresh.evaluate('window.__libraryPaintedMs')) as number | undefined;
      }
      if (painted === undefined) throw new Error('the library was not painted within 60 s');
      libraryPaintMs.push(painted);
      await context.close();
    }


    return {
      libraryPaintMs,
      firstPaintMs,
      domRows,
      segments: large.segments,
      scriptMsPerKey: ((m1.ScriptDuration - m0.ScriptDuration) * 1000) / keys.length,
      taskMsPerKey: ((m1.TaskDuration - m0.TaskDuration) * 1000) / keys.length,
      maxInputToFrameMs: delays.length ? Math.max(...delays) : NaN,
      medianInputToFrameMs: delays.length ? median(delays) : NaN,
      rssStartMb,
      rssBeforeMb,
      rssOpenMb,
      rssClosedMb,
    };
  } finally {
    await browser.close();
    await srv.child.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export { median };
