// Offline: after one visit the service worker serves the app with the network cut; a
// ?url= download while offline says why it failed; a new build announces itself.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, waitMessage, shot, DIST } from '../lib.mjs';

let app, browser;
let swVersion = 'A';

before(async () => {
  const sw = fs.readFileSync(path.join(DIST, 'sw.js'), 'utf8');
  app = await serve(undefined, {
    prefix: '/offline/app/',
    // sw.js with a version we can change, to stand for a new deploy.
    extra: (req, res) => {
      if (!req.url.startsWith('/offline/app/sw.js')) return false;
      res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-cache' });
      res.end(sw.replace("const VERSION = '1';", `const VERSION = '1-${swVersion}';`));
      return true;
    },
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await app?.close();
});

async function visitUntilControlled(context, url) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForSelector('[data-testid=report-text]', { timeout: 20000 });
  await page.evaluate(() => navigator.serviceWorker.ready);
  // The worker claims open pages when it activates.
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 20000 });
  return { page, errors };
}

test('after one visit the page reloads with the network cut', async () => {
  const context = await browser.newContext();
  const { page, errors } = await visitUntilControlled(context, app.url);
  const text = await page.locator('[data-testid=report-text]').innerText();
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('[data-testid=report-text]', { timeout: 20000 });
  assert.equal(await page.locator('[data-testid=report-text]').innerText(), text);
  // Another address of the app (a deep link) works offline too.
  await page.goto(`${app.url}#s=s2`);
  await page.waitForFunction(() => document.querySelector('.toc a.current')?.getAttribute('href') === '#sec-s2', null, { timeout: 10000 });
  await shot(page, 'offline-reload');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a ?url= download while offline names the cause', async () => {
  const context = await browser.newContext();
  const { page } = await visitUntilControlled(context, app.url);
  await context.setOffline(true);
  await page.goto(`${app.url}?url=${encodeURIComponent('https://example.org/report.txt')}`);
  const msg = await waitMessage(page, /离线|offline/i, 20000);
  assert.match(msg, /example\.org/);
  await context.close();
});

test('a new version is announced', async () => {
  const context = await browser.newContext();
  const { page } = await visitUntilControlled(context, app.url);
  swVersion = 'B';
  await page.reload();
  await page.waitForSelector('[data-testid=report-text]');
  await waitMessage(page, /新版本已就绪，刷新后生效|new version is ready/, 20000);
  swVersion = 'A';
  await context.close();
});
