// Browser figures for bench/run.sh (prints, asserts nothing). Needs a built dist/:
//   node bench/browser.mjs [DIST]   (default: $BAOGAO_DIST or /tmp/bench-dist)
// For each scenario: the app's own performance measure, the longest main-thread task
// (PerformanceObserver 'longtask', buffered), and the JS heap afterwards
// (performance.memory with --enable-precise-memory-info; wasm memory is reported apart).
import path from 'node:path';
import { createRequire } from 'node:module';
import { serve, CHROMIUM_ARGS, FIXTURES } from '../e2e/lib.mjs';
import { bigReportFile } from './bigtext.mjs';

// playwright-core lives in e2e/node_modules.
const { chromium } = createRequire(new URL('../e2e/package.json', import.meta.url))('playwright-core');

const DIST = path.resolve(process.argv[2] || process.env.BAOGAO_DIST || '/tmp/bench-dist');
const RUNS = Number(process.env.BENCH_RUNS || 5);
const BIG = Number(process.env.BENCH_BIG_BYTES || 20e6);

const INIT = () => {
  window.__longtasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longtasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  } catch { /* no longtask support: reported as n/a */ }
};

const median = (xs) => {
  const s = xs.filter((x) => x != null).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : null;
};
const ms = (x) => (x == null ? 'n/a' : `${x.toFixed(0)} ms`);
const mb = (x) => (x == null ? 'n/a' : `${(x / 1e6).toFixed(1)} MB`);
const line = (what, value, budget = '') => console.log(`  ${what.padEnd(46)} ${String(value).padStart(12)}   ${budget}`);

async function newPage(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  await context.addInitScript(INIT);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  // app-ready: the app has drawn the sample itself (after the prerendered copy, if shown).
  await page.waitForFunction(() => performance.getEntriesByName('baogao:app-ready', 'measure').length > 0, null, { timeout: 60000 });
  return { context, page, errors };
}

const readMeasure = (page, name) => page.evaluate((n) => {
  const m = performance.getEntriesByName(n, 'measure');
  return m.length ? m[m.length - 1].duration : null;
}, name);
const renders = (page) => page.evaluate(() => performance.getEntriesByName('baogao:render', 'measure').length);
const longest = (page) => page.evaluate(() => (window.__longtasks.length ? Math.max(...window.__longtasks) : 0));
const heap = (page) => page.evaluate(() => performance.memory?.usedJSHeapSize ?? null);

/** Main-thread milliseconds spent running code in the next `span` ms (CDP sampling profiler):
 * what the page still does after a report is drawn (keeping it, laying out the rest). */
async function busyAfter(context, page, span) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  await cdp.send('Profiler.start');
  await page.waitForTimeout(span);
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach();
  const idle = new Set(profile.nodes.filter((n) => ['(idle)', '(program)', '(root)'].includes(n.callFrame.functionName)).map((n) => n.id));
  let busy = 0;
  profile.samples.forEach((id, i) => { if (!idle.has(id)) busy += profile.timeDeltas[i] / 1000; });
  return busy;
}

/** Open a file through the file input; wait until it is drawn. Returns figures. */
async function openFile(page, file, timeout) {
  const before = await renders(page);
  await page.evaluate(() => { window.__longtasks = []; });
  const t0 = Date.now();
  // Round trips while it parses: how long the page takes to answer.
  let worstRoundTrip = 0;
  let done = false;
  const probe = (async () => {
    while (!done) {
      const s = Date.now();
      await page.evaluate(() => 1);
      worstRoundTrip = Math.max(worstRoundTrip, Date.now() - s);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  await page.setInputFiles('[data-testid=file-input]', file);
  await page.waitForFunction((n) => performance.getEntriesByName('baogao:render', 'measure').length > n
      || document.querySelector('[data-testid=message].error'), before, { timeout, polling: 100 });
  const wall = Date.now() - t0;
  done = true;
  await probe;
  const error = await page.evaluate(() => document.querySelector('[data-testid=message].error')?.innerText || null);
  return { render: await readMeasure(page, 'baogao:render'), wall, long: await longest(page), heap: await heap(page), worstRoundTrip, error };
}

const server = await serve(DIST);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'],
});
try {
  // 1. Navigation → sample drawn, fresh load each time.
  const first = [];
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await newPage(browser, server.url);
    first.push({
      render: await readMeasure(page, 'baogao:first-render'),
      ready: await readMeasure(page, 'baogao:app-ready'),
      fcp: await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null),
      long: await longest(page),
      heap: await heap(page),
    });
    await context.close();
  }
  console.log(`first load (sample on screen), median of ${RUNS} fresh loads:`);
  line('navigation → sample on screen (baogao:first-render)', ms(median(first.map((r) => r.render))), 'budget ≤ 300 ms');
  line('  first contentful paint (the browser\'s own)', ms(median(first.map((r) => r.fcp))));
  line('navigation → app drew it, answers (app-ready)', ms(median(first.map((r) => r.ready))));
  line('longest main-thread task', ms(median(first.map((r) => r.long))));
  line('JS heap after', mb(median(first.map((r) => r.heap))));

  // 2. The 402 KB fixture (eight copies), bytes → drawn.
  const small = [];
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await newPage(browser, server.url);
    small.push(await openFile(page, path.join(FIXTURES, 'zigong-2017-x8.txt'), 60000));
    await context.close();
  }
  console.log(`402 KB file zigong-2017-x8.txt, median of ${RUNS}:`);
  line('bytes → drawn (baogao:render)', ms(median(small.map((r) => r.render))), 'budget ≤ 100 ms');
  line('pick → drawn (wall clock, from node)', ms(median(small.map((r) => r.wall))));
  line('longest main-thread task', ms(median(small.map((r) => r.long))));
  line('JS heap after', mb(median(small.map((r) => r.heap))));

  // 3. A generated big file, bytes → drawn, and how the page answers meanwhile.
  const file = bigReportFile(BIG);
  const { context, page, errors } = await newPage(browser, server.url);
  const big = await openFile(page, file, 300000);
  console.log(`${(BIG / 1e6).toFixed(0)} MB generated report (${path.basename(file)}), one run:`);
  if (big.error) console.log(`  the page said: ${big.error}`);
  line('bytes → drawn (baogao:render)', ms(big.render), 'budget ≤ 2000 ms');
  line('pick → drawn (wall clock, incl. reading the file)', ms(big.wall));
  line('longest main-thread task', ms(big.long), 'budget ≤ 200 ms');
  line('main thread busy in the 3 s after drawn', ms(await busyAfter(context, page, 3000)));
  line('slowest page.evaluate round trip meanwhile', ms(big.worstRoundTrip));
  line('JS heap after', mb(big.heap));
  line('JS heap total (allocated)', mb(await page.evaluate(() => performance.memory?.totalJSHeapSize ?? null)));
  if (errors.length) console.log(`  page errors: ${errors.join(' | ')}`);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
