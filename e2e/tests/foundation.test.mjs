// The foundation: the sample renders, fixtures open by file pick, bad input keeps the report.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, pickFiles, pickBuffers, dropFiles, waitMessage, shot, measure, fixture } from '../lib.mjs';

let server, browser;
before(async () => {
  server = await serve(undefined, { prefix: '/some/sub/path/' });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('the sample report is shown at once with title block, TOC and text', async () => {
  const { page, context, errors } = await openPage(browser, server.url);
  const title = await page.locator('[data-testid=report-title]').innerText();
  assert.match(title, /政\s*府\s*工\s*作\s*报\s*告|自贡/);
  assert.match(title, /刘永湘/);
  assert.match(title, /第十七届人民代表大会第一次会议/);
  const toc = page.locator('[data-testid=toc]');
  assert.ok((await toc.locator('a, button').count()) >= 3, 'TOC has entries');
  const text = await page.locator('[data-testid=report-text]').innerText();
  assert.match(text, /地区生产总值实现1230亿元/);
  // One copy only, though the sample file held eight.
  assert.equal(text.split('我代表市第十六届人民政府向大会报告工作').length - 1, 1);
  const first = await page.waitForFunction(() => performance.getEntriesByName('baogao:first-render', 'measure').length > 0);
  assert.ok(first);
  assert.ok((await measure(page, 'baogao:first-render')) > 0);
  // index.html's font warm-up is gone once the app is in the page.
  assert.equal(await page.locator('#font-warm').count(), 0);
  await shot(page, 'foundation-sample');
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [file, expect, enc] of [
  ['national-2017-gbk.txt', /国内生产总值/, /GBK|GB18030/],
  ['national-2002-gbk-crcrlf.txt', /国内生产总值/, /GBK|GB18030/],
  ['beijing-2024.txt', /地区生产总值/, /UTF-8/],
  ['zigong-2017-x8.txt', /地区生产总值实现1230亿元/, /UTF-8/],
  // Word 97–2003 (read in the worker, as .docx is)
  ['qiandongnan-2024.doc', /地区生产总值/, /·\s*doc(\s|$)/],
]) {
  test(`picking ${file} opens it and says the encoding`, async () => {
    const { page, context } = await openPage(browser, server.url);
    await pickFiles(page, [file]);
    const msg = await waitMessage(page, new RegExp(file.replace(/\./g, '\\.')));
    assert.match(msg, enc);
    await page.waitForFunction((f) => document.querySelector('[data-testid=report-title]')?.innerText.includes(f) || true, file);
    const text = await page.locator('[data-testid=report-text]').innerText();
    assert.match(text, expect);
    assert.ok(!text.includes('\r'), 'no CR in the rendered text');
    await context.close();
  });
}

test('UTF-16 with BOM and a dropped file are decoded', async () => {
  const { page, context } = await openPage(browser, server.url);
  const body = '政府工作报告\n各位代表：\n一、2023年工作回顾\n全市地区生产总值增长5.2%。\n二、2024年工作安排\n地区生产总值增长5%左右。\n';
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body, 'utf16le')]);
  await dropFiles(page, [{ name: 'utf16.txt', mimeType: 'text/plain', buffer: le }]);
  const msg = await waitMessage(page, /utf16\.txt/);
  assert.match(msg, /UTF-16/);
  assert.match(await page.locator('[data-testid=report-text]').innerText(), /地区生产总值增长5%左右/);
  await context.close();
});

for (const [name, buffer, why] of [
  ['empty.txt', Buffer.alloc(0), /空|empty/i],
  ['picture.png', Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e1f8c30b0000000049454e44ae426082', 'hex'), /PNG|图片|image/i],
  ['random.bin', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)), /不是|not/i],
  ['archive.zip', Buffer.from('504b0506000000000000000000000000000000000000', 'hex'), /ZIP|zip|压缩/i],
  // an OLE file that is not a Word document (or not one at all)
  ['broken.doc', Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(600, 7)]), /Word/],
]) {
  test(`${name} gives a message and the open report stays`, async () => {
    const { page, context, errors } = await openPage(browser, server.url);
    const before = await page.locator('[data-testid=report-text]').innerText();
    await pickBuffers(page, [{ name, mimeType: 'application/octet-stream', buffer }]);
    const msg = await waitMessage(page, new RegExp(name.replace('.', '\\.')));
    assert.match(msg, why);
    assert.equal(await page.locator('[data-testid=report-text]').innerText(), before);
    assert.deepEqual(errors.filter((e) => /panic|unreachable/i.test(e)), []);
    await context.close();
  });
}

test('text that is not a report is shown as plain paragraphs with a notice', async () => {
  const { page, context } = await openPage(browser, server.url);
  await pickBuffers(page, [{ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('今天天气很好。\n我们去公园散步，看见很多人在跑步。\n') }]);
  const msg = await waitMessage(page, /notes\.txt/);
  assert.match(msg, /不像|not look like/);
  assert.match(await page.locator('[data-testid=report-text]').innerText(), /公园散步/);
  await context.close();
});

test('pasted text opens as a report', async () => {
  const { page, context } = await openPage(browser, server.url);
  await page.click('[data-testid=paste-button]');
  await page.fill('[data-testid=paste-area]', '政府工作报告\n一、过去一年工作回顾\n地区生产总值增长6%。\n二、今年工作安排\n地区生产总值增长5.5%左右。');
  await page.click('[data-testid=paste-open]');
  await page.waitForFunction(() => document.querySelector('[data-testid=report-text]')?.innerText.includes('5.5%左右'));
  await context.close();
});
