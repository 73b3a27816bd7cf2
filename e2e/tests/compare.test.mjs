// Comparing reports: four consecutive national reports opened at once → the compare view
// pairs each year's GDP growth target with the outcome the next report gives, charts it,
// leads every figure to its sentence, counts keywords, and exports the panel as CSV.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serve, launch, openPage, pickFiles, shot } from '../lib.mjs';

const NATIONAL = ['national-2014-gbk.txt', 'national-2015-gbk.txt', 'national-2016-gbk.txt', 'national-2017-gbk.txt'];

let server, browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Open the four national reports in one pick and show the Compare tab. */
async function openCompare(opts = {}) {
  const { page, context, errors } = await openPage(browser, server.url, opts);
  await pickFiles(page, NATIONAL);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=doc-item]').length === 4, null, { timeout: 30000 });
  await page.locator('[data-tab=compare]').click();
  await page.waitForSelector('[data-testid=compare] [data-testid=panel-table]', { timeout: 20000 });
  return { page, context, errors };
}

/** The GDP growth row of the panel table: {year: {target, actual, met}}. */
async function gdpRow(page) {
  return page.evaluate(() => {
    const table = document.querySelector('[data-testid=panel-table]');
    const years = [...table.querySelectorAll('thead th')].slice(1).map((th) => th.textContent.trim());
    const row = table.querySelector('tr[data-indicator=gdp][data-measure=growth]');
    if (!row) return null;
    const out = {};
    [...row.querySelectorAll('td')].forEach((td, i) => {
      const val = (kind) => td.querySelector(`[data-kind=${kind}] .panel-fig-value`)?.textContent.trim() || null;
      out[years[i]] = { target: val('target'), actual: val('actual'), met: td.dataset.met };
    });
    return out;
  });
}

test('four national reports: GDP targets against next-year outcomes, chart, jump, CSV', async () => {
  const { page, context, errors } = await openCompare();
  const compare = page.locator('[data-testid=compare]');
  assert.ok(await compare.isVisible());
  assert.equal(await page.locator('[data-testid=panel-table]').getAttribute('data-axis'), 'years');

  const row = await gdpRow(page);
  assert.ok(row, 'a GDP growth row');
  assert.match(row['2014'].target, /^7\.5%左右/);
  assert.match(row['2014'].actual, /^7\.4%/);
  assert.equal(row['2014'].met, 'yes');
  assert.match(row['2015'].target, /^7%左右/);
  assert.match(row['2015'].actual, /^6\.9%/);
  assert.match(row['2016'].target, /^6\.5–7%/);
  assert.match(row['2016'].actual, /^6\.7%/);
  assert.equal(row['2016'].met, 'yes');
  assert.match(row['2017'].target, /^6\.5%左右/);
  assert.equal(row['2017'].actual, null, 'no outcome for 2017 yet');

  // The chart inside the compare view has drawn pixels (not one flat colour).
  const chart = compare.locator('[data-testid=chart] canvas');
  await chart.scrollIntoViewIfNeeded();
  const ink = await chart.evaluate((c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const colours = new Set();
    for (let i = 0; i < d.length; i += 4 * 97) colours.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
    return { w: c.width, h: c.height, colours: colours.size };
  });
  assert.ok(ink.w > 200 && ink.h > 200, `canvas size ${ink.w}×${ink.h}`);
  assert.ok(ink.colours > 5, `canvas has drawn content (${ink.colours} colours)`);
  await page.locator('[data-testid=compare]').scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, 'compare-national', { fullPage: true });
  await chart.screenshot({ path: (process.env.SHOTS || '/tmp/baogao-shots') + '/compare-chart.png' });

  // Keyword counts: the default terms are counted in every report.
  const kw = page.locator('[data-testid=keywords-input]');
  await kw.fill('改革, 创新');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=keywords-table] tbody tr').length === 2);
  const reform = await page.locator('[data-testid=keywords-table] tr[data-term=改革] td').allInnerTexts();
  assert.equal(reform.length, 4);
  for (const n of reform) assert.ok(Number(n) > 10, `改革 counted (${n})`);

  // The panel CSV holds the GDP rows with their sentences.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-testid=export-panel-csv]').click(),
  ]);
  const csv = fs.readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
  const lines = csv.trim().split('\n');
  const head = lines[0].split(',');
  for (const c of ['file', 'region', 'level', 'report_year', 'year', 'period', 'indicator', 'name', 'measure', 'status', 'value', 'value_high', 'unit', 'qualifier', 'sentence']) {
    assert.ok(head.includes(c), `column ${c}`);
  }
  const has = (re) => lines.some((l) => re.test(l));
  assert.ok(has(/national-2014-gbk\.txt,全国,national,2014,2014,,gdp,[^,]*,growth,target,7\.5,,%,左右,.*国内生产总值增长7\.5%左右/), 'target 2014 row');
  assert.ok(has(/national-2015-gbk\.txt,.*,2015,2014,,gdp,[^,]*,growth,actual,7\.4,,%,/), 'actual 2014 row');
  assert.ok(has(/national-2016-gbk\.txt,.*,2016,2016,,gdp,[^,]*,growth,target,6\.5,7,%,/), 'target 2016 range row');
  assert.ok(has(/national-2017-gbk\.txt,.*,2017,2016,,gdp,[^,]*,growth,actual,6\.7,,%,/), 'actual 2016 row');

  // Clicking a cell goes to that report's sentence.
  await page.locator('tr[data-indicator=gdp][data-measure=growth] td[data-col="2014"] [data-kind=actual]').click();
  await page.waitForSelector('[data-testid=report-text]');
  const active = await page.locator('[data-testid=doc-item].active').innerText();
  assert.match(active, /2015/);
  const selected = page.locator('[data-testid=report-text] .selected').first();
  await selected.waitFor({ timeout: 10000 });
  assert.match(await selected.innerText(), /7\.4/);
  assert.ok(await selected.isVisible());
  await shot(page, 'compare-jump');

  assert.deepEqual(errors, []);
  await context.close();
});

test('clicking the chart goes to the figure; dark mode draws too', async () => {
  const { page, context, errors } = await openCompare({ colorScheme: 'dark' });
  const canvas = page.locator('[data-testid=compare] [data-testid=chart] canvas');
  await canvas.scrollIntoViewIfNeeded();
  // Find a point over a figure: sweep synthetic mouse moves in the page and watch the cursor.
  await canvas.screenshot({ path: (process.env.SHOTS || '/tmp/baogao-shots') + '/compare-chart-dark.png' });
  const box = await canvas.boundingBox();
  const hit = await canvas.evaluate((c) => {
    const r = c.getBoundingClientRect();
    for (let y = 30; y < r.height; y += 4) {
      for (let x = 40; x < r.width; x += 6) {
        c.dispatchEvent(new MouseEvent('mousemove', { clientX: r.left + x, clientY: r.top + y, bubbles: true }));
        if (c.style.cursor === 'pointer') return { x, y };
      }
    }
    return null;
  });
  if (hit) await page.mouse.move(box.x + hit.x, box.y + hit.y);
  assert.ok(hit, 'some figure in the chart can be pointed at');
  const title = await canvas.getAttribute('title');
  assert.match(title, /national-201\d-gbk\.txt/);
  await page.mouse.click(box.x + hit.x, box.y + hit.y);
  await page.waitForSelector('[data-testid=report-text] .selected', { timeout: 10000 });
  await shot(page, 'compare-dark-jump');
  assert.deepEqual(errors, []);
  await context.close();
});

test('same year, several regions: columns are regions, targets charted across regions (中文)', async () => {
  const { page, context, errors } = await openPage(browser, server.url, { context: { locale: 'zh-CN' } });
  const files = ['beijing-2024.txt', 'bozhou-2024.txt', 'zaozhuang-2024-pdftext.txt', 'qiandongnan-2024.docx'];
  await pickFiles(page, files);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=doc-item]').length === 4, null, { timeout: 30000 });
  await page.locator('[data-tab=compare]').click();
  await page.waitForSelector('[data-testid=panel-table]');
  assert.equal(await page.locator('[data-testid=panel-table]').getAttribute('data-axis'), 'regions');
  const heads = await page.locator('[data-testid=panel-table] thead th').allInnerTexts();
  for (const r of ['北京', '亳州', '枣庄', '黔东南']) assert.ok(heads.some((h) => h.includes(r)), `column ${r} in ${heads}`);
  const targets = await page.locator('tr[data-indicator=gdp][data-measure=growth] [data-kind=target] .panel-fig-value').allInnerTexts();
  assert.deepEqual([...targets].sort(), ['5%左右', '5.5%左右', '6%左右', '7%左右']);
  const across = page.locator('[data-testid=region-chart] canvas');
  await across.scrollIntoViewIfNeeded();
  const colours = await across.evaluate((c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const s = new Set();
    for (let i = 0; i < d.length; i += 4 * 89) s.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
    return s.size;
  });
  assert.ok(colours > 5, `region chart drawn (${colours} colours)`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, 'compare-regions-zh', { fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('closing reports from the list leaves one and hides the list', async () => {
  const { page, context, errors } = await openCompare();
  for (let i = 0; i < 3; i++) {
    await page.locator('[data-testid=doc-close]').first().click();
  }
  await page.waitForFunction(() => !document.querySelector('[data-testid=doc-list]'));
  assert.equal(await page.locator('[data-tab=compare]').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});
