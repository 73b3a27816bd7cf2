// Sharing: ?url= loading and its failures, ?report=, #doc= links for every fixture,
// #sha256= links, deep links to sections, back/forward, reload restores, damaged links.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import zlib from 'node:zlib';
import { createHash } from 'node:crypto';
import { serve, launch, openPage, pickFiles, dropFiles, waitMessage, shot, fixture, FIXTURES } from '../lib.mjs';
import fs from 'node:fs';

let app, reports, browser, deadPort;

/** A second host on another port (so: cross-origin), serving fixtures with or without CORS. */
async function reportHost() {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const cors = url.pathname.startsWith('/cors/');
    const name = url.pathname.replace(/^\/(cors|nocors)\//, '');
    const file = `${FIXTURES}/${name}`;
    if (!/^[\w.-]+$/.test(name) || !fs.existsSync(file)) {
      res.writeHead(404, cors ? { 'access-control-allow-origin': '*' } : {});
      res.end('not found');
      return;
    }
    const body = fs.readFileSync(file);
    res.writeHead(200, {
      'content-type': name.endsWith('.docx') ? 'application/octet-stream' : 'text/plain',
      'content-length': body.length,
      ...(cors ? { 'access-control-allow-origin': '*' } : {}),
    });
    res.end(body);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}

async function freePort() {
  const s = http.createServer();
  await new Promise((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address();
  await new Promise((r) => s.close(r));
  return port;
}

before(async () => {
  app = await serve(undefined, { prefix: '/sub/dir/' });
  reports = await reportHost();
  deadPort = await freePort();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await app?.close();
  await reports?.close();
});

const reportText = (page) => page.locator('[data-testid=report-text]').innerText();

async function shareLink(page) {
  await page.click('[data-testid=share]');
  const input = page.locator('[data-testid=share-link]');
  await input.waitFor();
  const link = await input.inputValue();
  await page.click('[data-testid=share]'); // close
  return link;
}

test('?url= with CORS opens the report, with progress and the source in the share link', async () => {
  const target = `${reports.url}/cors/beijing-2024.txt`;
  const { page, context, errors } = await openPage(browser, `${app.url}?url=${encodeURIComponent(target)}`);
  assert.match(await reportText(page), /地区生产总值/);
  const link = await shareLink(page);
  assert.ok(link.startsWith(`${app.url}?url=`), link);
  assert.ok(decodeURIComponent(link).includes(target), link);
  assert.deepEqual(errors, []);
  await context.close();
});

test('?url= failures each get their own message', async () => {
  const cases = [
    [`${reports.url}/nocors/beijing-2024.txt`, /CORS|跨域/, 'cors'],
    [`${reports.url}/cors/missing.txt`, /404/, '404'],
    [`http://127.0.0.1:${deadPort}/r.txt`, /无法连接|Cannot reach/, 'unreachable'],
    ['javascript:alert(1)', /javascript:/, 'scheme'],
    ['file:///etc/passwd', /file:/, 'file scheme'],
  ];
  const seen = new Set();
  for (const [target, re, what] of cases) {
    const { page, context } = await openPage(browser, `${app.url}?url=${encodeURIComponent(target)}`, { waitFor: null });
    const msg = await waitMessage(page, re, 25000);
    assert.match(msg, re, what);
    assert.ok(!seen.has(msg), `${what}: same message as another case`);
    seen.add(msg);
    if (what === 'cors') {
      // Says what CORS is and what to do.
      assert.match(msg, /下载|save/);
      assert.match(msg, /拖到|drop/);
      await shot(page, 'share-cors-message');
    }
    await context.close();
  }
});

test('?report= opens from the catalog; several params open several reports', async () => {
  const target = `${reports.url}/cors/bozhou-2024.txt`;
  const { page, context, errors } = await openPage(browser, `${app.url}?report=zigong-2017&url=${encodeURIComponent(target)}`);
  await page.waitForFunction(() => document.querySelectorAll('[data-tab=compare]').length > 0, null, { timeout: 20000 });
  assert.match(await reportText(page), /亳州|地区生产总值/);
  const link = await shareLink(page);
  assert.match(link, /\?report=zigong-2017&url=/);
  // The catalog panel lists the sample.
  await page.click('[data-testid=catalog] summary');
  assert.ok(await page.locator('[data-testid=catalog-item][data-id=zigong-2017]').isVisible());
  assert.deepEqual(errors, []);
  await context.close();
});

test('a deep link scrolls to its section in a fresh browser', async () => {
  const { page, context } = await openPage(browser, `${app.url}?report=zigong-2017#s=s2&tab=text`);
  await page.waitForFunction(() => {
    const el = document.getElementById('sec-s2');
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  }, null, { timeout: 10000 });
  assert.equal(await page.locator('.toc a.current').count(), 1);
  assert.match(page.url(), /#s=s2$/);
  await context.close();
});

test('TOC clicks push history; back and forward move between views', async () => {
  const { page, context } = await openPage(browser, app.url);
  const links = page.locator('[data-testid=toc] a:visible');
  await links.nth(1).click();
  await page.waitForFunction(() => /s=/.test(location.hash));
  const first = new URL(page.url()).hash;
  await links.nth(4).click();
  await page.waitForFunction((h) => location.hash !== h && /s=/.test(location.hash), first);
  const second = new URL(page.url()).hash;
  await page.goBack();
  await page.waitForFunction((h) => location.hash === h, first);
  await page.waitForFunction((h) => document.querySelector('.toc a.current')?.getAttribute('href') === `#sec-${h.slice(3)}`, first);
  await page.goForward();
  await page.waitForFunction((h) => location.hash === h, second);
  await page.waitForFunction((h) => document.querySelector('.toc a.current')?.getAttribute('href') === `#sec-${h.slice(3)}`, second);
  await context.close();
});

const files = fs.readdirSync(FIXTURES).filter((f) => /\.(txt|docx)$/.test(f)).sort();

for (const file of files) {
  test(`#doc= link round trip: ${file}`, async () => {
    const { page, context, errors } = await openPage(browser, app.url);
    await pickFiles(page, [file]);
    await waitMessage(page, new RegExp(file.replace(/[.]/g, '[.]')), 30000);
    // Go somewhere: a section, if the report has an outline. The address names the
    // section clicked, even when it is too near the end to reach the top of the window.
    const toc = page.locator('[data-testid=toc] a:visible');
    let section = null;
    if ((await toc.count()) > 2) {
      const clicked = (await toc.nth(2).getAttribute('href')).replace('#sec-', '');
      await toc.nth(2).click();
      await page.waitForFunction(() => /s=/.test(location.hash));
      await page.waitForTimeout(300);
      section = new URLSearchParams(new URL(page.url()).hash.slice(1)).get('s');
      assert.equal(section, clicked, `${file}: the address names the section clicked`);
    }
    const sent = await reportText(page);
    const link = await shareLink(page);
    assert.match(link, /#doc=[A-Za-z0-9_-]+&name=/);
    const other = await browser.newContext();
    const rp = await other.newPage();
    const rerrors = [];
    rp.on('pageerror', (e) => rerrors.push(String(e)));
    await rp.goto(link);
    await rp.waitForSelector('[data-testid=report-text]', { timeout: 30000 });
    const got = await reportText(rp);
    assert.equal(got.length, sent.length, `${file}: text length differs`);
    assert.ok(got === sent, `${file}: text differs`);
    if (section) {
      // The receiver is at the same section: its heading is on screen.
      await rp.waitForFunction((sid) => {
        const el = document.getElementById(`sec-${sid}`);
        if (!el) return false;
        const r = el.getBoundingClientRect();
        return r.bottom > 0 && r.top < window.innerHeight;
      }, section, { timeout: 15000 });
    }
    assert.deepEqual(rerrors, []);
    assert.deepEqual(errors, []);
    if (file === 'zigong-2017-x8.txt') {
      await page.click('[data-testid=share]');
      await shot(page, 'share-panel-doc');
    }
    await other.close();
    await context.close();
  });
}

test('a #sha256= link asks for the file and checks it', async () => {
  const { page, context } = await openPage(browser, app.url);
  const before = await reportText(page);
  await pickFiles(page, ['bozhou-2024.txt']);
  await page.waitForFunction((b) => document.querySelector('[data-testid=report-text]')?.innerText !== b, before);
  await page.click('[data-testid=share]');
  await page.click('[data-testid=share-kind-hash]');
  const link = await page.locator('[data-testid=share-link]').inputValue();
  assert.match(link, /#sha256=[0-9a-f]{64}&name=bozhou-2024\.txt/);
  const other = await browser.newContext();
  const rp = await other.newPage();
  await rp.goto(link);
  await waitMessage(rp, /bozhou-2024\.txt/);
  assert.match(await rp.locator('[data-testid=message]').innerText(), /拖到|Drop/);
  await dropFiles(rp, [{ name: 'bozhou-2024.txt', buffer: fixture('bozhou-2024.txt') }]);
  await waitMessage(rp, /校验一致|matches/);
  // Another file: says it does not match.
  await rp.goto(link.replace(/sha256=[0-9a-f]{4}/, 'sha256=0000'));
  await rp.reload();
  await waitMessage(rp, /拖到|Drop/);
  await dropFiles(rp, [{ name: 'bozhou-2024.txt', buffer: fixture('bozhou-2024.txt') }]);
  await waitMessage(rp, /不一致|NOT match/);
  await other.close();
  await context.close();
});

test('damaged and bomb #doc= links get a clear message', async () => {
  const bomb = zlib.deflateRawSync(Buffer.alloc(80_000_000, 0x30), { level: 9 }).toString('base64url');
  const cases = [
    [`#doc=${bomb}&name=x.txt`, /压缩炸弹|refused|拒绝/],
    ['#doc=abc*def&name=x.txt', /损坏|damaged/],
    [`#doc=${zlib.deflateRawSync(Buffer.from('各位代表'.repeat(50))).toString('base64url').slice(0, 20)}`, /损坏|damaged/],
  ];
  for (const [hash, re] of cases) {
    const { page, context, errors } = await openPage(browser, app.url + hash, { waitFor: null });
    await waitMessage(page, re);
    assert.deepEqual(errors.filter((e) => !/Failed to load resource/.test(e)), []);
    await context.close();
  }
});

test('a report over one packing slice (402 KB) is kept whole and comes back after a reload', async () => {
  const { page, context } = await openPage(browser, app.url);
  await pickFiles(page, ['zigong-2017-x8.txt']);
  await waitMessage(page, /zigong-2017-x8\.txt/);
  // Kept: the browser's deflate and SHA-256 here (a secure page); the stored form is what
  // any raw-deflate reader and SHA-256 give back.
  const stored = await page.waitForFunction(() => {
    const k = Object.keys(localStorage).find((k) => k.startsWith('baogao:doc:'));
    const d = k && JSON.parse(localStorage.getItem(k));
    return d && d.data ? d : null;
  }, null, { timeout: 15000 }).then((h) => h.jsonValue());
  const bytes = fixture('zigong-2017-x8.txt');
  assert.deepEqual(zlib.inflateRawSync(Buffer.from(stored.data, 'base64url')), bytes);
  assert.equal(stored.sha256, createHash('sha256').update(bytes).digest('hex'));
  assert.equal(stored.name, 'zigong-2017-x8.txt');
  await page.goto(app.url);
  await page.waitForFunction(() => /zigong-2017-x8\.txt/.test(document.querySelector('[data-testid=report-title]')?.innerText || ''), null, { timeout: 15000 });
  await context.close();
});

test('reload restores the last report and view; recent list; clear', async () => {
  const { page, context } = await openPage(browser, app.url);
  const before = await reportText(page);
  await pickFiles(page, ['national-2017-gbk.txt']);
  await page.waitForFunction((b) => document.querySelector('[data-testid=report-text]')?.innerText !== b, before);
  await page.locator('[data-testid=toc] a:visible').nth(1).click();
  await page.waitForFunction(() => /s=/.test(location.hash));
  const hash = new URL(page.url()).hash;
  const text = await reportText(page);
  // Reload without the fragment: the session alone brings back report and view.
  await page.goto(app.url);
  await page.waitForSelector('[data-testid=report-text]');
  await page.waitForFunction((t) => document.querySelector('[data-testid=report-text]')?.innerText === t, text, { timeout: 15000 });
  await page.waitForFunction((h) => location.hash === h, hash, { timeout: 10000 });
  await page.click('[data-testid=catalog] summary');
  assert.match(await page.locator('[data-testid=recent-list]').innerText(), /national-2017-gbk\.txt/);
  await page.click('[data-testid=recent-clear]');
  await waitMessage(page, /已清除|Cleared/);
  await page.goto(app.url);
  await page.waitForSelector('[data-testid=report-text]');
  assert.match(await reportText(page), /地区生产总值实现1230亿元/);
  await context.close();
});
