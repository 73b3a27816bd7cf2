// Charts on the built-in sample (2017 自贡): canvas drawn and crisp, tooltip on hover,
// click → sentence highlighted, SVG/PNG export, dark mode, resize.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serve, launch, openPage, shot } from '../lib.mjs';

const ZH = { context: { locale: 'zh-CN' } };
// The light theme's target colour (chart::Theme::light().series[1]) and the backgrounds.
const TARGET_LIGHT = [0xc2, 0x3b, 0x22];
const BG_LIGHT = [0xff, 0xff, 0xff];
const BG_DARK = [0x14, 0x17, 0x1a];

let server, browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Page errors, less the browser's own favicon request (the page declares no icon). */
const pageErrors = (errors) => errors.filter((e) => !/^Failed to load resource: .*404/.test(e));

async function download(page, locator) {
  const [dl] = await Promise.all([page.waitForEvent('download'), locator.click()]);
  return { name: dl.suggestedFilename(), bytes: fs.readFileSync(await dl.path()) };
}

/** Canvas facts: size, CSS size, distinct colours, the corner colour, and the CSS-pixel
 *  position of the first bar of colour `rgb` (a run of at least 30 CSS pixels, so legend
 *  swatches do not count), or null. */
async function canvasInfo(locator, rgb = TARGET_LIGHT) {
  return locator.evaluate((c, rgb) => {
    const ctx = c.getContext('2d');
    const { data } = ctx.getImageData(0, 0, c.width, c.height);
    const colours = new Set();
    const scale = c.width / c.clientWidth;
    let found = null;
    let run = 0;
    for (let i = 0; i < data.length; i += 4) {
      colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      const p = i / 4;
      if (p % c.width === 0) run = 0;
      const match = Math.abs(data[i] - rgb[0]) < 6 && Math.abs(data[i + 1] - rgb[1]) < 6 && Math.abs(data[i + 2] - rgb[2]) < 6;
      run = match ? run + 1 : 0;
      if (!found && run >= 30 * scale) {
        // A point inside the bar, a little below its top edge.
        found = { x: (p % c.width) / scale - 10, y: Math.floor(p / c.width) / scale + 4 };
      }
    }
    return {
      width: c.width, height: c.height, cssWidth: c.clientWidth, cssHeight: c.clientHeight,
      colours: colours.size, corner: [data[0], data[1], data[2]], found, dpr: window.devicePixelRatio,
    };
  }, rgb);
}

async function openCharts(page) {
  await page.click('[data-tab=charts]');
  await page.waitForSelector('[data-testid=charts] [data-testid=chart] canvas');
}

test('the report tab shows the headline chart, drawn and crisp on HiDPI', async () => {
  const { context, page, errors } = await openPage(browser, server.url, { context: { ...ZH.context, deviceScaleFactor: 2 } });
  const chart = page.locator('[data-testid=chart]').first();
  await chart.waitFor();
  assert.equal(await chart.getAttribute('data-chart'), 'growth');
  const canvas = chart.locator('canvas');
  await page.waitForFunction((el) => el.width > 0, await canvas.elementHandle());
  const info = await canvasInfo(canvas);
  assert.ok(info.colours > 20, `non-blank canvas (${info.colours} colours)`);
  assert.deepEqual(info.corner, BG_LIGHT);
  assert.equal(info.dpr, 2);
  assert.equal(info.width, Math.round(info.cssWidth * 2), 'drawn at device pixels');
  assert.equal(info.height, Math.round(info.cssHeight * 2));
  assert.ok(info.found, 'a target bar is drawn');
  assert.equal(await canvas.getAttribute('role'), 'img');
  assert.match(await canvas.getAttribute('aria-label'), /主要指标增速/);
  assert.deepEqual(pageErrors(errors), []);
  await context.close();
});

test('the charts tab shows every chart the sample has, with export buttons', async () => {
  const { context, page, errors } = await openPage(browser, server.url, ZH);
  await openCharts(page);
  const kinds = await page.locator('[data-testid=charts] [data-testid=chart]').evaluateAll((els) => els.map((e) => e.dataset.chart));
  assert.deepEqual(kinds, ['growth', 'amounts', 'structure', 'goals']);
  for (const c of await page.locator('[data-testid=charts] [data-testid=chart]').all()) {
    assert.equal(await c.locator('[data-testid=export-svg]').count(), 1);
    assert.equal(await c.locator('[data-testid=export-png]').count(), 1);
    const info = await canvasInfo(c.locator('canvas'));
    assert.ok(info.colours > 10, 'drawn');
    assert.ok(info.cssHeight >= 140);
  }
  await shot(page, 'charts-light', { fullPage: true });
  assert.deepEqual(pageErrors(errors), []);
  await context.close();
});

test('export SVG is a valid SVG document with the indicator names', async () => {
  const { context, page } = await openPage(browser, server.url, ZH);
  await openCharts(page);
  const growth = page.locator('[data-testid=chart][data-chart=growth]');
  const { name, bytes } = await download(page, growth.locator('[data-testid=export-svg]'));
  assert.match(name, /^zigong-2017[\w-]*-growth\.svg$/);
  const svg = bytes.toString('utf8');
  assert.match(svg, /^<\?xml version="1.0" encoding="UTF-8"\?>\s*<svg /);
  assert.ok(svg.includes('地区生产总值') || svg.includes('GDP'));
  assert.ok(svg.includes('≥8%'));
  // The browser's XML parser accepts it as SVG.
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return { error: doc.getElementsByTagName('parsererror').length, root: doc.documentElement.localName, texts: doc.getElementsByTagName('text').length };
  }, svg);
  assert.deepEqual([parsed.error, parsed.root], [0, 'svg']);
  assert.ok(parsed.texts > 20);
  await context.close();
});

test('export PNG is a PNG at twice the chart size', async () => {
  const { context, page } = await openPage(browser, server.url, ZH);
  await openCharts(page);
  const chart = page.locator('[data-testid=chart][data-chart=structure]');
  const info = await canvasInfo(chart.locator('canvas'));
  const { name, bytes } = await download(page, chart.locator('[data-testid=export-png]'));
  assert.match(name, /^zigong-2017[\w-]*-structure\.png$/);
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  // IHDR: width and height, big-endian, at bytes 16..24.
  assert.equal(bytes.readUInt32BE(16), info.cssWidth * 2);
  assert.equal(bytes.readUInt32BE(20), info.cssHeight * 2);
  await context.close();
});

test('hover shows the value; click highlights the sentence in the report', async () => {
  const { context, page, errors } = await openPage(browser, server.url, ZH);
  await openCharts(page);
  const canvas = page.locator('[data-testid=chart][data-chart=growth] canvas');
  const info = await canvasInfo(canvas);
  assert.ok(info.found, 'found a target bar');
  await canvas.hover({ position: info.found });
  const tip = page.locator('[data-testid=chart-tooltip]');
  await tip.waitFor({ state: 'visible' });
  const text = await tip.innerText();
  assert.match(text, /目标增长/);
  assert.match(text, /\d%/);
  const id = await tip.getAttribute('data-indicator');
  assert.match(id, /^i\d+$/);
  await canvas.click({ position: info.found });
  // Back on the report, the number is highlighted and scrolled into view.
  await page.waitForSelector('[data-testid=report-text]');
  const hl = page.locator('[data-testid=highlight]');
  await hl.first().waitFor({ state: 'visible', timeout: 10000 });
  assert.equal(await hl.count(), 1);
  await page.waitForFunction(() => {
    const r = document.querySelector('[data-testid=highlight]').getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  }, null, { timeout: 10000 });
  assert.equal(await page.locator('[data-tab=text]').getAttribute('aria-selected'), 'true');
  // The highlighted number is the one the tooltip named.
  assert.equal(await hl.getAttribute('data-indicator'), id);
  assert.match(await hl.innerText(), /\d/);
  assert.deepEqual(pageErrors(errors), []);
  await context.close();
});

test('the data list selects with the keyboard too', async () => {
  const { context, page } = await openPage(browser, server.url, ZH);
  await openCharts(page);
  const chart = page.locator('[data-testid=chart][data-chart=amounts]');
  await chart.locator('.chart-data summary').click();
  const item = chart.locator('.chart-data button').first();
  const id = await item.getAttribute('data-indicator');
  await item.focus();
  await page.keyboard.press('Enter');
  const hl = page.locator('[data-testid=highlight]');
  await hl.first().waitFor({ state: 'visible', timeout: 10000 });
  assert.equal(await hl.getAttribute('data-indicator'), id);
  await context.close();
});

test('dark mode draws on a dark background; resizing redraws', async () => {
  const { context, page, errors } = await openPage(browser, server.url, { colorScheme: 'dark', context: ZH.context });
  await openCharts(page);
  const canvas = page.locator('[data-testid=chart][data-chart=growth] canvas');
  let info = await canvasInfo(canvas);
  assert.deepEqual(info.corner, BG_DARK);
  await shot(page, 'charts-dark', { fullPage: true });
  // Flip the scheme live: the chart follows.
  await page.emulateMedia({ colorScheme: 'light' });
  await page.waitForFunction((el) => {
    const d = el.getContext('2d').getImageData(0, 0, 1, 1).data;
    return d[0] === 255 && d[1] === 255 && d[2] === 255;
  }, await canvas.elementHandle(), { timeout: 5000 });
  // Narrower window → narrower canvas, redrawn at the new size.
  const before = info.cssWidth;
  await page.setViewportSize({ width: 700, height: 900 });
  await page.waitForFunction(([el, w]) => el.clientWidth < w && el.width === Math.round(el.clientWidth * devicePixelRatio), [await canvas.elementHandle(), before], { timeout: 5000 });
  info = await canvasInfo(canvas);
  assert.ok(info.colours > 10);
  await shot(page, 'charts-narrow', { fullPage: true });
  assert.deepEqual(pageErrors(errors), []);
  await context.close();
});

test('English interface: chart texts in English', async () => {
  const { context, page } = await openPage(browser, server.url, { context: { locale: 'en-US' } });
  await openCharts(page);
  const canvas = page.locator('[data-testid=chart][data-chart=growth] canvas');
  assert.match(await canvas.getAttribute('aria-label'), /Growth: 2016 actual vs 2017 target/);
  const { bytes } = await download(page, page.locator('[data-testid=chart][data-chart=goals] [data-testid=export-svg]'));
  assert.ok(bytes.toString('utf8').includes('Five-year goals'));
  await context.close();
});
