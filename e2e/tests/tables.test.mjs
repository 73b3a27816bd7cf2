// Headline table, all-indicators table, CSV/JSON export — on the built-in sample (2017 自贡).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serve, launch, openPage, pickBuffers, pickFiles, waitMessage, shot } from '../lib.mjs';

// Chinese interface whatever the machine's locale.
const ZH = { context: { locale: 'zh-CN' } };

let server, browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** RFC 4180 reader (quotes, doubled quotes, CR/LF inside quotes). */
function parseCsv(text) {
  const rows = [];
  let row = [], field = '', i = 0, quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      field += c; i++; continue;
    }
    if (c === '"') { quoted = true; i++; continue; }
    if (c === ',') { row.push(field); field = ''; i++; continue; }
    if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i += 2; continue; }
    if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; continue; }
    field += c; i++;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

async function download(page, testid) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid=${testid}]`)]);
  const p = await dl.path();
  return { name: dl.suggestedFilename(), bytes: fs.readFileSync(p) };
}

/** The headline row whose name cell is exactly `name`. */
function headlineRow(page, name) {
  return page.locator('[data-testid=headline-table] tbody tr').filter({
    has: page.locator('th[scope=row]', { hasText: new RegExp(`^\\s*${name}\\s*$`) }),
  }).first();
}

async function highlightInViewport(page) {
  const hl = page.locator('[data-testid=highlight]');
  await hl.first().waitFor({ state: 'visible', timeout: 10000 });
  assert.equal(await hl.count(), 1, 'exactly one highlighted number');
  // Smooth scrolling: wait until it settles inside the viewport.
  await page.waitForFunction(() => {
    const el = document.querySelector('[data-testid=highlight]');
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;
  }, null, { timeout: 10000 });
  return hl.first();
}

async function showTable(page) {
  await page.click('[data-tab=indicators]');
  await page.locator('[data-testid=indicator-table]').waitFor();
}

async function tableIds(page) {
  return page.locator('[data-testid=indicator-table] tbody tr[data-indicator]').evaluateAll((rs) => rs.map((r) => r.dataset.indicator));
}

async function count(page) {
  const t = (await page.locator('[data-testid=indicator-count]').innerText()).trim();
  const m = t.match(/(\d+)\s*\/\s*(\d+)/);
  assert.ok(m, `count reads "N / M": ${t}`);
  return [Number(m[1]), Number(m[2])];
}

test('headline table: GDP 1230 亿元 / 7.6 % (预计) against the 2017 target 8 % 以上 (≥)', async () => {
  const { page, context, errors } = await openPage(browser, server.url, ZH);
  const table = page.locator('[data-testid=headline-table]');
  await table.waitFor();
  const row = headlineRow(page, '地区生产总值');
  const text = (await row.innerText()).replace(/\s+/g, ' ');
  assert.match(text, /1230\s*亿元/);
  assert.match(text, /7\.6\s*%/);
  assert.equal(await row.locator('.badge.est').count() > 0, true, 'an 预计 badge');
  assert.match(await row.locator('.badge.est').first().innerText(), /预计/);
  assert.match(text, /(?<![\d.])8\s*%/);
  assert.match(text, /以上/);
  assert.match(text, /≥/);
  // Column headers name the years.
  const head = await table.locator('thead').innerText();
  assert.match(head, /2016/);
  assert.match(head, /2017/);
  // Several headline indicators are there.
  assert.ok((await table.locator('tbody tr').count()) >= 5, 'at least five headline rows');
  await shot(page, 'tables-report-light');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a .docx with a table of results and targets: each figure under its column, the row one line, the glossary last', async () => {
  const { page, context, errors } = await openPage(browser, server.url, ZH);
  await pickFiles(page, ['synthetic/2024-district-table.docx']);
  await page.waitForFunction(() => /青岚/.test(document.querySelector('[data-testid=report-title]')?.innerText || ''), null, { timeout: 20000 });
  // the meeting line Word split over two paragraphs is one, with its date and place
  const title = (await page.locator('[data-testid=report-title]').innerText()).replace(/\s+/g, ' ');
  assert.match(title, /青岚区第十八届人民代表大会第四次会议上/);
  assert.match(title, /2024-01-09|2024年1月9日/);
  // the table's 2023年完成 column is last year's result, 2024年目标 this year's target
  const head = await page.locator('[data-testid=headline-table] thead').innerText();
  assert.match(head, /2023/);
  assert.match(head, /2024/);
  const row = (await headlineRow(page, '地区生产总值').innerText()).replace(/\s+/g, ' ');
  assert.match(row, /612\.4\s*亿元/);
  assert.match(row, /6\.1\s*%/);
  assert.match(row, /6\.5\s*%.*左右/);
  const jobs = (await headlineRow(page, '城镇新增就业').innerText()).replace(/\s+/g, ' ');
  assert.match(jobs, /1\.2\s*万人.*1\s*万人.*以上/);
  // a table row is one line of the text, as written
  const text = await page.locator('[data-testid=report-text]').innerText();
  assert.match(text, /城镇新增就业\s+1\.2万人\s+1万人以上/);
  // the glossary is the last entry of the contents, and none of its figures is an indicator
  const toc = await page.locator('[data-testid=toc]').innerText();
  assert.match(toc.trim().split('\n').pop(), /名词解释/);
  await showTable(page);
  const sentences = await page.locator('[data-testid=indicator-table] tbody tr[data-indicator]').allInnerTexts();
  assert.ok(sentences.length >= 18, `indicators: ${sentences.length}`);
  assert.ok(!sentences.some((t) => /2000万元|不低于3%/.test(t)), 'no figure from the glossary');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a saved web page with a table of results and targets: read as a Word table is, the page\'s layout tables left out', async () => {
  const { page, context, errors } = await openPage(browser, server.url, ZH);
  await pickFiles(page, ['synthetic/2024-city-webpage.html']);
  await page.waitForFunction(() => /云岭/.test(document.querySelector('[data-testid=report-title]')?.innerText || ''), null, { timeout: 20000 });
  const jobs = (await headlineRow(page, '城镇新增就业').innerText()).replace(/\s+/g, ' ');
  assert.match(jobs, /2\.1\s*万人.*2\s*万人.*以上/);
  const fai = (await headlineRow(page, '固定资产投资增速').innerText()).replace(/\s+/g, ' ');
  assert.match(fai, /下降\s*2\.3\s*%.*5\s*%/);
  // the table's rows are lines of the text; the site's navigation is not in it
  const text = await page.locator('[data-testid=report-text]').innerText();
  assert.match(text, /一般公共预算收入\s+亿元\s+86\.5\s+90/);
  assert.doesNotMatch(text, /互动交流|网站标识码/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the same page saved by a browser as one file (.mhtml, in GBK): read in the worker, the same contents, kept for a reload', async () => {
  const { page, context, errors } = await openPage(browser, server.url, ZH);
  await pickFiles(page, ['synthetic/2024-city-webpage.html']);
  await page.waitForFunction(() => /云岭/.test(document.querySelector('[data-testid=report-title]')?.innerText || ''), null, { timeout: 20000 });
  const toc = await page.locator('[data-testid=toc]').innerText();
  const headline = await page.locator('[data-testid=headline-table]').innerText();
  await pickFiles(page, ['synthetic/2024-city-webpage-gbk.mhtml']);
  assert.match(await waitMessage(page, /已打开 2024-city-webpage-gbk\.mhtml/, 30000), /MHTML \(GBK\)/);
  assert.equal(await page.locator('[data-testid=toc]').innerText(), toc);
  assert.equal(await page.locator('[data-testid=headline-table]').innerText(), headline);
  const text = await page.locator('[data-testid=report-text]').innerText();
  assert.match(text, /一般公共预算收入\s+亿元\s+86\.5\s+90/);
  assert.doesNotMatch(text, /=E4|=3D|MultipartBoundary/);
  // kept in the browser as the archive itself, read again after a reload
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('baogao:doc:') && localStorage.getItem(k).includes('2024-city-webpage-gbk.mhtml')), null, { timeout: 15000 });
  await page.goto(server.url);
  await page.waitForFunction(() => /2024-city-webpage-gbk\.mhtml/.test(document.querySelector('[data-testid=report-title]')?.innerText || ''), null, { timeout: 30000 });
  assert.equal(await page.locator('[data-testid=headline-table]').innerText(), headline);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a table set out with spaces (text from a PDF): figures under their columns, rows shown at tab stops', async () => {
  const { page, context, errors } = await openPage(browser, server.url, ZH);
  await pickFiles(page, ['synthetic/2025-city-pdf-table.txt']);
  await page.waitForFunction(() => /清河/.test(document.querySelector('[data-testid=report-title]')?.innerText || ''), null, { timeout: 20000 });
  // the foreign investment row is only in the table: its level and growth last year, its level asked for
  const fdi = (await headlineRow(page, '实际利用外资').innerText()).replace(/\s+/g, ' ');
  assert.match(fdi, /3\.2\s*亿美元.*5\.1\s*%.*3\.5\s*亿美元/);
  // the rows are lines of the text whose gaps are tab stops, and their numbers are marked
  const row = page.locator('[data-testid=report-text] p.cells', { hasText: '实际利用外资' });
  assert.equal(await row.count(), 1);
  assert.match(await row.innerText(), /实际利用外资\t亿美元\t3\.2\t5\.1\t3\.5/);
  assert.equal(await row.locator('mark.num').count(), 3);
  // prose with a wide gap stays prose
  assert.equal(await page.locator('[data-testid=report-text] p.cells', { hasText: '依法行政' }).count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('figures for part of the year (前三季度, 1—11月) are marked so in the headline table', async () => {
  const { page, context, errors } = await openPage(browser, server.url, ZH);
  await pickFiles(page, ['luzhou-2024-oneline.txt']);
  await page.waitForFunction(() => /泸州/.test(document.querySelector('[data-testid=report-title]')?.innerText || ''), null, { timeout: 20000 });
  const gdp = headlineRow(page, '地区生产总值');
  assert.match((await gdp.innerText()).replace(/\s+/g, ' '), /1995\.5\s*亿元.*5\.3\s*%/);
  assert.equal((await gdp.locator('.badge.part').innerText()).trim(), '前三季度');
  assert.equal((await headlineRow(page, '社会消费品零售总额').locator('.badge.part').innerText()).trim(), '1—11月');
  // a whole year's figure has none
  assert.equal(await headlineRow(page, '城镇新增就业').locator('.badge.part').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('clicking the GDP row highlights its number in the sentence, in view', async () => {
  const { page, context, errors } = await openPage(browser, server.url, ZH);
  const row = headlineRow(page, '地区生产总值');
  await row.click();
  const hl = await highlightInViewport(page);
  const sentence = await hl.evaluate((el) => (el.closest('p, [role=heading]') || el.parentElement).innerText);
  assert.match(sentence, /1230亿元/);
  assert.match(sentence, /7\.6%/);
  assert.match(await hl.innerText(), /7\.6|1230/);
  assert.equal(await page.locator('[data-tab=text]').getAttribute('aria-selected'), 'true');
  assert.match(await row.getAttribute('class'), /selected/);
  // Scroll away, then the keyboard: Enter on the target cell selects the target.
  await page.evaluate(() => window.scrollTo(0, 0));
  const target = row.locator('[data-role=target]').first();
  await target.focus();
  await page.keyboard.press('Enter');
  const hl2 = await highlightInViewport(page);
  const s2 = await hl2.evaluate((el) => (el.closest('p, [role=heading]') || el.parentElement).innerText);
  assert.match(s2, /地区生产总值增长8%以上/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('CSV and JSON downloads; the table has one row per exported indicator', async () => {
  const { page, context, errors } = await openPage(browser, server.url, ZH);
  await page.locator('[data-testid=headline-table]').waitFor();
  const csv = await download(page, 'export-csv');
  assert.match(csv.name, /\.csv$/);
  assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const text = csv.bytes.toString('utf8').replace(/^\uFEFF/, '');
  const rows = parseCsv(text);
  const header = rows[0];
  assert.deepEqual(header, ['file', 'id', 'name', 'indicator', 'measure', 'status', 'value', 'value_high', 'unit', 'value_base',
    'qualifier', 'direction', 'year', 'period', 'relative_to', 'section', 'sentence', 'span_start', 'span_end', 'parts']);
  const col = Object.fromEntries(header.map((h, i) => [h, i]));
  assert.ok(rows.every((r) => r.length === header.length), 'every row has every column');
  const gdpTarget = rows.find((r) => r[col.name] === '地区生产总值' && r[col.value] === '8' && r[col.qualifier] === '以上');
  assert.ok(gdpTarget, 'CSV has 地区生产总值, 8, 以上');
  assert.equal(gdpTarget[col.status], 'target');
  assert.match(gdpTarget[col.sentence], /地区生产总值增长8%以上/);

  const json = await download(page, 'export-json');
  assert.match(json.name, /\.json$/);
  const report = JSON.parse(json.bytes.toString('utf8'));
  for (const k of ['file', 'encoding', 'copies', 'removed', 'title', 'date', 'meeting', 'speaker', 'region', 'level',
    'report_year', 'review_year', 'sections', 'indicators']) {
    assert.ok(k in report, `JSON has ${k}`);
  }
  assert.equal(rows.length - 1, report.indicators.length, 'CSV and JSON agree');
  assert.ok(report.indicators.length > 20);

  await showTable(page);
  const ids = await tableIds(page);
  assert.equal(ids.length, report.indicators.length, 'one table row per indicator');
  assert.equal(await page.locator('[data-testid=indicator-table] tbody tr').count(), report.indicators.length, 'no extra rows');
  assert.deepEqual(ids, report.indicators.map((i) => i.id), 'text order by default');
  assert.deepEqual(await count(page), [report.indicators.length, report.indicators.length]);
  // The table tab has its own export buttons.
  const csv2 = await download(page, 'export-csv');
  assert.deepEqual(csv2.bytes, csv.bytes);
  assert.deepEqual(errors, []);
  await context.close();
});

test('sorting and filtering change the rows and the count; a row click jumps to the text', async () => {
  const { page, context, errors } = await openPage(browser, server.url, ZH);
  await showTable(page);
  const before = await tableIds(page);
  const [, total] = await count(page);

  // Sort by value: ascending, then descending.
  const th = page.locator('[data-testid=indicator-table] th[data-col=value]');
  await th.locator('button').click();
  assert.equal(await th.getAttribute('aria-sort'), 'ascending');
  const asc = await tableIds(page);
  assert.notDeepEqual(asc, before, 'sorting reorders the rows');
  assert.deepEqual([...asc].sort(), [...before].sort(), 'same rows');
  await th.locator('button').click();
  assert.equal(await th.getAttribute('aria-sort'), 'descending');
  const desc = await tableIds(page);
  assert.notDeepEqual(desc, asc);
  assert.equal(await page.locator('[data-testid=indicator-table] th[data-col=name]').getAttribute('aria-sort'), 'none');

  // Filter by status = target.
  await page.selectOption('[data-testid=filter-status]', 'target');
  const [shown, total2] = await count(page);
  assert.equal(total2, total);
  assert.ok(shown > 0 && shown < total, `some but not all are targets (${shown} / ${total})`);
  assert.equal((await tableIds(page)).length, shown);
  const statuses = await page.locator('[data-testid=indicator-table] tbody tr .col-status').allInnerTexts();
  assert.ok(statuses.every((s) => /目标/.test(s)), 'only targets are left');

  // Plus a text filter.
  await page.fill('[data-testid=filter-text]', '地区生产总值');
  const [shown2] = await count(page);
  assert.ok(shown2 >= 1 && shown2 < shown, `text filter narrows (${shown2})`);
  const names = await page.locator('[data-testid=indicator-table] tbody tr').evaluateAll((rs) => rs.map((r) => r.innerText));
  assert.ok(names.every((t) => t.includes('地区生产总值')));
  assert.equal(await page.locator('[data-testid=filter-text]').evaluate((el) => el === document.activeElement), true, 'typing keeps focus');

  // Measure filter.
  await page.fill('[data-testid=filter-text]', '');
  await page.selectOption('[data-testid=filter-status]', '');
  await page.selectOption('[data-testid=filter-measure]', 'level');
  const [shown3] = await count(page);
  assert.ok(shown3 > 0 && shown3 < total);
  const measures = await page.locator('[data-testid=indicator-table] tbody tr .col-measure').allInnerTexts();
  assert.ok(measures.every((m) => /总量/.test(m)));

  // Section filter: the first part (the review) only.
  await page.selectOption('[data-testid=filter-measure]', '');
  const firstSection = await page.locator('[data-testid=filter-section] option').nth(1).getAttribute('value');
  await page.selectOption('[data-testid=filter-section]', firstSection);
  const [shown4] = await count(page);
  assert.ok(shown4 > 0 && shown4 < total, `section filter (${shown4} / ${total})`);

  // Clear, then click the GDP target row: back to the report with the number highlighted.
  await page.click('[data-testid=filter-reset]');
  assert.deepEqual(await count(page), [total, total]);
  await shot(page, 'tables-table-light');
  await page.fill('[data-testid=filter-text]', '地区生产总值增长8%以上');
  await page.locator('[data-testid=indicator-table] tbody tr').first().click();
  const hl = await highlightInViewport(page);
  assert.match(await hl.evaluate((el) => el.closest('p').innerText), /地区生产总值增长8%以上/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('dark mode screenshots of both tables', async () => {
  const { page, context, errors } = await openPage(browser, server.url, { colorScheme: 'dark', ...ZH });
  await page.locator('[data-testid=headline-table]').waitFor();
  await shot(page, 'tables-report-dark');
  await showTable(page);
  await shot(page, 'tables-table-dark');
  const bg = await page.locator('[data-testid=indicator-table] thead th').first().evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.notEqual(bg, 'rgb(245, 246, 248)', 'dark header background');
  // English interface: the same tables, English labels.
  await page.click('[data-testid=lang-toggle]');
  assert.match(await page.locator('[data-testid=indicator-count]').innerText(), /^Showing \d+ \/ \d+$/);
  await page.click('[data-tab=text]');
  const row = headlineRow(page, '地区生产总值');
  assert.match(await row.locator('.badge.est').innerText(), /^est\.$/);
  assert.match((await row.innerText()).replace(/\s+/g, ' '), /\+7\.6 %/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a report with thousands of indicators: virtual rows, smooth to the end', async () => {
  const { page, context, errors } = await openPage(browser, server.url, ZH);
  const lines = ['政府工作报告', '一、2023年工作回顾'];
  const n = 3000;
  for (let i = 0; i < n; i++) lines.push(`第${i + 1}项重点工程完成投资${(i % 97) + 1}.${i % 10}亿元。`);
  await pickBuffers(page, [{ name: 'many.txt', mimeType: 'text/plain', buffer: Buffer.from(lines.join('\n'), 'utf8') }]);
  await waitMessage(page, /many\.txt/, 30000);
  const t0 = Date.now();
  await showTable(page);
  const [shown, total] = await count(page);
  const openMs = Date.now() - t0;
  assert.ok(total > 2000, `many indicators extracted (${total})`);
  assert.equal(shown, total);
  const table = page.locator('[data-testid=indicator-table]');
  assert.equal(await table.getAttribute('data-virtual'), 'true');
  const rendered = (await tableIds(page)).length;
  assert.ok(rendered < 200, `only a window is rendered (${rendered})`);
  // Row height is fixed (the virtual window relies on it).
  const h = await table.locator('tbody tr[data-indicator]').first().evaluate((r) => r.getBoundingClientRect().height);
  assert.ok(Math.abs(h - 32) < 0.6, `row height ${h}`);
  // Scroll to the end: the last indicator is rendered and visible.
  const scroller = page.locator('.table-scroll');
  const t1 = Date.now();
  await scroller.evaluate((el) => { el.scrollTop = el.scrollHeight; });
  await page.waitForFunction((want) => {
    const rows = document.querySelectorAll('[data-testid=indicator-table] tbody tr[data-indicator]');
    return rows.length && [...rows].some((r) => r.innerText.includes(want));
  }, `第${n}项`, { timeout: 5000 });
  const scrollMs = Date.now() - t1;
  // Sorting thousands of rows stays quick.
  const t2 = Date.now();
  await table.locator('th[data-col=value] button').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=indicator-table] th[data-col=value]').getAttribute('aria-sort') === 'ascending');
  const sortMs = Date.now() - t2;
  console.log(`# ${total} indicators: table opened in ${openMs} ms, scrolled to end in ${scrollMs} ms, sorted in ${sortMs} ms`);
  assert.deepEqual(errors, []);
  await context.close();
});
