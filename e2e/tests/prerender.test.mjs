// The sample's first picture, prerendered at build time (scripts/prerender.mjs): shown
// while the wasm loads, only when the app is going to open the sample, replaced by the
// app's own view, and files dropped meanwhile are not lost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, dropFiles, waitMessage, FIXTURES } from '../lib.mjs';

let server, browser;
before(async () => {
  server = await serve(undefined, { prefix: '/sub/' });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Records, when the document has been parsed, what the early script showed. */
const RECORD = () => {
  document.addEventListener('DOMContentLoaded', () => {
    const p = document.getElementById('prerender');
    window.__pre = p && {
      text: p.innerText,
      title: p.querySelector('.title-block')?.innerText ?? '',
      testids: p.querySelectorAll('[data-testid]').length,
      ids: p.querySelectorAll('[id]').length,
      inert: p.inert,
      app: !!document.querySelector('.app:not(#prerender .app)'),
    };
  });
};

test('index.html holds the app\'s own drawing of the sample in both languages, without test ids or scripts', async () => {
  const html = await (await fetch(server.url)).text();
  for (const lang of ['zh', 'en']) {
    const m = html.match(new RegExp(`<template id="prerender-${lang}">([\\s\\S]*?)</template>`));
    assert.ok(m, `template for ${lang}`);
    assert.match(m[1], /^<div class="app/);
    assert.match(m[1], /刘永湘/);
    assert.match(m[1], /地区生产总值/);
    assert.doesNotMatch(m[1], /data-testid|<script|\son[a-z]+=/i);
  }
  // The CSP still names every inline script by hash (the early script included).
  assert.doesNotMatch(html, /BAOGAO_INLINE_SCRIPTS/);
});

for (const [locale, word] of [['zh-CN', /目录|打开/], ['en-US', /Contents|Open/]]) {
  test(`a first visit (${locale}) shows the sample before the app starts; the app then replaces it with the same view`, async () => {
    const ctx2 = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
    await ctx2.addInitScript(RECORD);
    const p2 = await ctx2.newPage();
    const errs = [];
    p2.on('pageerror', (e) => errs.push(String(e)));
    await p2.goto(server.url);
    await p2.waitForFunction(() => performance.getEntriesByName('baogao:app-ready', 'measure').length > 0);
    const shown = await p2.evaluate(() => window.__pre);
    assert.ok(shown, 'the prerendered sample was in the page when it was parsed');
    assert.equal(shown.testids, 0);
    assert.equal(shown.ids, 0);
    assert.equal(shown.inert, true);
    assert.equal(shown.app, false, 'the app had not mounted yet');
    assert.match(shown.text, /刘永湘/);
    assert.match(shown.text, word, 'in the language the app uses');
    // The app's view replaced it: one .app, no #prerender, the same title block.
    assert.equal(await p2.locator('#prerender').count(), 0);
    assert.equal(await p2.locator('.app').count(), 1);
    const title = await p2.locator('[data-testid=report-title]').innerText();
    assert.equal(shown.title.replace(/\s+/g, ''), title.replace(/\s+/g, ''));
    const app = await p2.locator('.app').innerText();
    assert.match(app, word);
    // first-render (the copy painted) never comes after app-ready (the app drew it).
    const [first, ready] = await p2.evaluate(() => ['baogao:first-render', 'baogao:app-ready'].map((n) => performance.getEntriesByName(n, 'measure')));
    assert.equal(first.length, 1);
    assert.equal(ready.length, 1);
    assert.ok(first[0].duration <= ready[0].duration);
    assert.deepEqual(errs, []);
    await ctx2.close();
  });
}

for (const [what, suffix, init] of [
  ['a link', '?report=zigong-2017', null],
  ['a view in the address', '#tab=indicators', null],
  ['a kept session', '', () => localStorage.setItem('baogao:session', '{"docs":[]}')],
]) {
  test(`with ${what} the sample's copy is never shown, and the app measures its first report`, async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    if (init) await context.addInitScript(init);
    await context.addInitScript(RECORD);
    const page = await context.newPage();
    await page.goto(server.url + suffix);
    await page.waitForFunction(() => window.__pre !== undefined);
    assert.equal(await page.evaluate(() => window.__pre), null);
    // The app measures its first report itself, whatever opened it.
    await page.waitForFunction(() => performance.getEntriesByName('baogao:app-ready', 'measure').length > 0, null, { timeout: 20000 });
    assert.equal(await page.evaluate(() => performance.getEntriesByName('baogao:first-render', 'measure').length), 1);
    assert.equal(await page.locator('#prerender').count(), 0);
    await context.close();
  });
}

test('a file dropped before the app has started is opened when it starts', async () => {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // Hold the wasm back until the file has been dropped.
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/_bg\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(server.url, { waitUntil: 'domcontentloaded' });
  assert.equal(await page.locator('[data-testid=report-text]').count(), 0, 'the app has not started');
  const buffer = fs.readFileSync(path.join(FIXTURES, 'beijing-2024.txt'));
  await dropFiles(page, [{ name: 'beijing-2024.txt', buffer }]);
  // The browser did not navigate away to the file.
  assert.match(page.url(), /\/sub\/$/);
  release();
  await waitMessage(page, /beijing-2024\.txt/, 30000);
  assert.match(await page.locator('[data-testid=report-text]').innerText(), /地区生产总值/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('when the app\'s program cannot load, the page says so (and the sample\'s picture stays readable)', async () => {
  for (const [suffix, copy] of [['', 1], ['#tab=indicators', 0]]) {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.route(/_bg\.wasm$/, (route) => route.abort());
    await page.goto(server.url + suffix);
    await page.waitForSelector('#boot-error', { timeout: 20000 });
    assert.match(await page.locator('#boot-error').innerText(), /没能加载/);
    assert.match(await page.locator('#boot-error').innerText(), /could not load/);
    assert.equal(await page.locator('#prerender').count(), copy);
    await context.close();
  }
});
