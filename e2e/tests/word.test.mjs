// Word files in the page: a Word 97–2003 .doc opens (read in the worker), is kept and
// comes back after a reload; headings Word numbers itself show their numbers in the TOC.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, pickFiles, waitMessage, shot } from '../lib.mjs';

let server, browser;
before(async () => {
  server = await serve(undefined, { prefix: '/word/' });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const ZH = { context: { locale: 'zh-CN' } };

test('a .doc opens with the parts and figures of its .docx, and comes back after a reload', async () => {
  const { page, context, errors } = await openPage(browser, server.url, ZH);
  await pickFiles(page, ['qiandongnan-2024.docx']);
  await waitMessage(page, /已打开 qiandongnan-2024\.docx/, 30000);
  const toc = await page.locator('[data-testid=toc]').innerText();
  const headline = await page.locator('[data-testid=headline-table]').innerText();
  await pickFiles(page, ['qiandongnan-2024.doc']);
  assert.match(await waitMessage(page, /已打开 qiandongnan-2024\.doc\b/, 30000), /·\s*doc(\s|$)/);
  assert.equal(await page.locator('[data-testid=toc]').innerText(), toc);
  assert.equal(await page.locator('[data-testid=headline-table]').innerText(), headline);
  // kept in the browser as the .doc itself, read again after a reload
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('baogao:doc:')), null, { timeout: 15000 });
  await page.goto(server.url);
  await page.waitForFunction(() => /qiandongnan-2024\.doc\b/.test(document.querySelector('[data-testid=report-title]')?.innerText || ''), null, { timeout: 30000 });
  assert.equal(await page.locator('[data-testid=toc]').innerText(), toc);
  await shot(page, 'word-doc');
  assert.deepEqual(errors, []);
  await context.close();
});

test('headings Word numbers itself show their numbers in the contents', async () => {
  const { page, context, errors } = await openPage(browser, server.url, ZH);
  await pickFiles(page, ['synthetic/2025-city-autonumber.docx']);
  await waitMessage(page, /已打开 2025-city-autonumber\.docx/, 30000);
  const toc = await page.locator('[data-testid=toc]').innerText();
  assert.match(toc, /一、\s*2024年工作回顾/);
  assert.match(toc, /（二）\s*着力扩大有效需求/);
  assert.deepEqual(errors, []);
  await context.close();
});
