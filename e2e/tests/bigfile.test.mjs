// Big files: a 20 MB report opens in the Web Worker with a progress bar while the page
// keeps answering; a 50 MB file can be cancelled and the open report stays.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, pickFiles, waitMessage, message, shot } from '../lib.mjs';
import { bigReportFile } from '../../bench/bigtext.mjs';

let server, browser;
before(async () => {
  server = await serve(undefined, { prefix: '/big/' });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const fresh = () => openPage(browser, server.url, { context: { locale: 'zh-CN' } });
const reportText = (page) => page.locator('[data-testid=report-text]').innerText();

/** Time one round trip to the page's main thread. */
async function roundTrip(page) {
  const t0 = Date.now();
  await page.evaluate(() => new Promise((r) => setTimeout(r, 0)));
  return Date.now() - t0;
}

test('a 20 MB report opens with progress while the page keeps answering', async () => {
  const file = bigReportFile(20_000_000);
  const { page, context, errors } = await fresh();
  await pickFiles(page, [file]);
  // Progress with a percentage, from the worker.
  await page.waitForSelector('[data-testid=progress]', { timeout: 30000 });
  await page.waitForFunction(() => /\d+%/.test(document.querySelector('[data-testid=progress]')?.innerText || ''), null, { timeout: 30000, polling: 20 });
  await shot(page, 'bigfile-progress');
  // While the worker parses: the main thread answers quickly, and a TOC click goes through.
  const parsing = () => page.evaluate(() => /正在解析/.test(document.querySelector('[data-testid=progress]')?.innerText || ''));
  const trips = [];
  let clicked = false;
  while ((await parsing()) && trips.length < 30) {
    trips.push(await roundTrip(page));
    if (!clicked) {
      await page.locator('[data-testid=toc] a, [data-testid=toc] button').first().click({ timeout: 2000 });
      clicked = true;
    }
    await page.waitForTimeout(100);
  }
  assert.ok(trips.length > 0, 'the parse lasted long enough to probe');
  assert.ok(Math.max(...trips) < 500, `main thread answered in ${trips.join(', ')} ms`);
  // Drawn: progress gone, the new text on screen, a message naming the file.
  await page.waitForFunction(() => !document.querySelector('[data-testid=progress]')
      && /第一部分工作/.test(document.querySelector('[data-testid=report-text]')?.innerText || ''), null, { timeout: 240000, polling: 500 });
  assert.match(await message(page), /baogao-big-20mb\.txt/);
  assert.match(await page.locator('[data-testid=report-title]').innerText(), /政府工作报告|工作报告/);
  assert.match(await reportText(page), /第一部分工作/);
  // Its characters are counted in a task of their own, then shown in the title block.
  await page.waitForFunction(() => /[\d,]+ 字/.test(document.querySelector('[data-testid=report-title]')?.innerText || ''), null, { timeout: 10000 });
  const chars = Number((await page.locator('[data-testid=report-title]').innerText()).match(/([\d,]+) 字/)[1].replace(/,/g, ''));
  assert.ok(chars > 1_000_000 && chars < 20_000_000, `${chars} characters`);
  await shot(page, 'bigfile-opened');
  assert.deepEqual(errors.filter((e) => /panic|unreachable|RuntimeError/i.test(e)), []);
  await context.close();
});

test('cancel stops a 50 MB parse and keeps the open report', async () => {
  const file = bigReportFile(50_000_000);
  const { page, context, errors } = await fresh();
  const before = await reportText(page);
  await pickFiles(page, [file]);
  const cancel = page.locator('[data-testid=cancel]');
  await cancel.waitFor({ timeout: 60000 });
  await cancel.click();
  const msg = await waitMessage(page, /已取消/, 10000);
  assert.match(msg, /当前报告保持不变/);
  assert.equal(await page.locator('[data-testid=progress]').count(), 0, 'progress gone');
  assert.equal(await reportText(page), before);
  // The cancelled job does not come back later.
  await page.waitForTimeout(3000);
  assert.match(await message(page), /已取消/);
  assert.equal(await reportText(page), before);
  // And the page still opens files.
  await pickFiles(page, ['bozhou-2024.txt']);
  await waitMessage(page, /已打开 bozhou-2024\.txt/);
  assert.match(await reportText(page), /亳州/);
  assert.deepEqual(errors.filter((e) => /panic|unreachable|RuntimeError/i.test(e)), []);
  await context.close();
});

test('over 60 MB is refused at once with the limit in the message', async () => {
  const { page, context } = await fresh();
  const before = await reportText(page);
  const fs = await import('node:fs');
  const big = '/tmp/baogao-big-61mb.bin';
  if (!fs.existsSync(big) || fs.statSync(big).size !== 61_000_000) {
    const fd = fs.openSync(big, 'w');
    fs.ftruncateSync(fd, 61_000_000);
    fs.closeSync(fd);
  }
  await pickFiles(page, [big]);
  const msg = await waitMessage(page, /baogao-big-61mb\.bin/);
  assert.match(msg, /60 MB/);
  assert.equal(await reportText(page), before);
  await context.close();
});
