// A report as a PDF: read to text in the page's PDF worker, then shown like any report;
// a damaged PDF gets a message and the open report stays.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, pickFiles, pickBuffers, dropFiles, waitMessage, shot, fixture } from '../lib.mjs';

let server, browser;
before(async () => {
  server = await serve(undefined, { prefix: '/pdf/' });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const ZH = { context: { locale: 'zh-CN' } };
const reportText = (page) => page.locator('[data-testid=report-text]').innerText();

/** The headline row whose name cell is exactly `name`. */
function headlineRow(page, name) {
  return page.locator('[data-testid=headline-table] tbody tr').filter({
    has: page.locator('th[scope=row]', { hasText: new RegExp(`^\\s*${name}\\s*$`) }),
  }).first();
}

test('a PDF report opens: title block, parts, paragraphs joined back, its targets and actuals', async () => {
  const { page, context, errors } = await openPage(browser, server.url, ZH);
  await pickFiles(page, ['synthetic/2025-city.pdf']);
  const msg = await waitMessage(page, /已打开 2025-city\.pdf/, 30000);
  assert.match(msg, /PDF/);
  assert.match(await page.locator('[data-testid=report-title]').innerText(), /海澜/);
  assert.match(await page.locator('[data-testid=toc]').innerText(), /2025年工作安排/);
  // the printed lines are one paragraph again, its figures marked
  const para = page.locator('[data-testid=report-text] p', { hasText: '同口径增长3.2%' });
  assert.match(await para.first().innerText(), /一般公共预算收入486亿元，同口径增长3\.2%，其中税收收入占比76\.5%/);
  const gdp = (await headlineRow(page, '地区生产总值').innerText()).replace(/\s+/g, ' ');
  assert.match(gdp, /5\.6\s*%/);
  assert.match(gdp, /5\.5\s*%/);
  await shot(page, 'pdf-open');
  // kept in the browser as the PDF itself, it comes back after a reload (read again)
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('baogao:doc:')), null, { timeout: 15000 });
  await page.goto(server.url);
  await page.waitForFunction(() => /2025-city\.pdf/.test(document.querySelector('[data-testid=report-title]')?.innerText || ''), null, { timeout: 30000 });
  assert.match(await page.locator('[data-testid=report-title]').innerText(), /海澜/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a damaged PDF, or one dropped while another report is open, gets a message and the report stays', async () => {
  const { page, context, errors } = await openPage(browser, server.url, ZH);
  const before = await reportText(page);
  const good = fixture('synthetic/2025-city.pdf');
  for (const [name, buffer] of [
    ['cut.pdf', good.subarray(0, Math.floor(good.length / 3))],
    ['header-only.pdf', Buffer.from('%PDF-1.7\n%%EOF\n')],
  ]) {
    await pickBuffers(page, [{ name, mimeType: 'application/pdf', buffer }]);
    const msg = await waitMessage(page, new RegExp(name.replace(/[.-]/g, '\\$&')), 30000);
    assert.match(msg, /PDF/);
    assert.match(msg, /当前报告保持不变/);
    assert.equal(await reportText(page), before);
  }
  // a PDF whose fonts name no characters: said so, not taken for a scan
  await pickFiles(page, ['synthetic/2025-city-nomap.pdf']);
  const nomap = await waitMessage(page, /2025-city-nomap\.pdf/, 30000);
  assert.match(nomap, /ToUnicode/);
  assert.match(nomap, /当前报告保持不变/);
  assert.equal(await reportText(page), before);
  // the page still opens a PDF afterwards, dropped this time
  await dropFiles(page, [{ name: '2025-city.pdf', mimeType: 'application/pdf', buffer: good }]);
  await waitMessage(page, /已打开 2025-city\.pdf/, 30000);
  assert.match(await page.locator('[data-testid=report-title]').innerText(), /海澜/);
  assert.deepEqual(errors.filter((e) => /panic|unreachable|RuntimeError/i.test(e)), []);
  await context.close();
});

test('a real report printed to PDF by an office suite reads as its Word file', async () => {
  const { page, context, errors } = await openPage(browser, server.url, ZH);
  await pickFiles(page, ['qiandongnan-2024.docx']);
  await waitMessage(page, /已打开 qiandongnan-2024\.docx/, 30000);
  const tocDocx = await page.locator('[data-testid=toc]').innerText();
  const gdpDocx = await headlineRow(page, '地区生产总值').innerText();
  await pickFiles(page, ['qiandongnan-2024-office.pdf']);
  await waitMessage(page, /已打开 qiandongnan-2024-office\.pdf/, 30000);
  // the same parts, the same headline figures
  assert.equal(await page.locator('[data-testid=toc]').innerText(), tocDocx);
  assert.match(tocDocx, /2024年工作安排/);
  assert.equal(await headlineRow(page, '地区生产总值').innerText(), gdpDocx);
  // a sentence that ended at the printed line's end did not end its paragraph
  const para = page.locator('[data-testid=report-text] p', { hasText: '推动经济复苏' });
  assert.match(await para.first().innerText(), /推动经济复苏。“桥头堡”建设初步成势见效。/);
  await shot(page, 'pdf-office');
  assert.deepEqual(errors, []);
  await context.close();
});
