// The reading view: TOC (click, scroll spy, j/k, folding), find (/, count, hits,
// across line breaks and full width), number readings and popover, language toggle
// that survives a reload, screenshots (light, dark, print, narrow).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, shot, pickFiles, waitMessage } from '../lib.mjs';
import { bigReportFile, cn } from '../../bench/bigtext.mjs';

let server;
let browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Is the element fully or partly inside the viewport (below the sticky bars)? */
async function inView(page, selector) {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return r.bottom > 0 && r.top < window.innerHeight;
  }, selector);
}

/** The id of the marked TOC entry, or null. */
async function currentEntry(page) {
  return page.evaluate(() => document.querySelector('[data-testid=toc] a.current')?.dataset.toc ?? null);
}

async function tocIds(page) {
  return page.$$eval('[data-testid=toc] a[data-toc]', (as) => as.map((a) => a.dataset.toc));
}

test('the sample renders with a TOC that follows the outline', async () => {
  const { page, context, errors } = await openPage(browser, server.url);
  const ids = await tocIds(page);
  assert.ok(ids.length >= 4, `TOC entries: ${ids.length}`);
  // Every entry names a heading present in the text.
  for (const id of ids) {
    assert.ok(await page.$(`[id="sec-${id}"]`), `heading for ${id}`);
  }
  // Every extracted number is marked and carries a reading.
  const marks = await page.$$eval('[data-testid=report-text] mark.num', (ms) => ms.map((m) => m.title));
  assert.ok(marks.length >= 20, `marks: ${marks.length}`);
  assert.ok(marks.every((t) => / · /.test(t)), 'every number has a reading');
  await shot(page, 'view-light');
  assert.deepEqual(errors.filter((e) => /panic|unreachable/i.test(e)), []);
  await context.close();
});

test('clicking a TOC entry scrolls to its heading; scrolling marks the entry', async () => {
  const { page, context } = await openPage(browser, server.url);
  const ids = await tocIds(page);
  const target = ids[Math.min(ids.length - 1, Math.floor(ids.length * 0.7))];
  assert.equal(await inView(page, `[id="sec-${target}"]`), false, 'target starts off screen');
  await page.click(`[data-testid=toc] a[data-toc="${target}"]`);
  await page.waitForFunction((id) => {
    const r = document.getElementById(`sec-${id}`)?.getBoundingClientRect();
    return r && r.top >= 0 && r.bottom <= window.innerHeight;
  }, target, { timeout: 5000 });
  await page.waitForFunction((id) => document.querySelector('[data-testid=toc] a.current')?.dataset.toc === id, target);

  // Scroll by hand (no TOC click) to another heading: the marked entry follows.
  const other = ids[1];
  await page.evaluate((id) => document.getElementById(`sec-${id}`).scrollIntoView({ block: 'start' }), other);
  await page.waitForFunction((id) => document.querySelector('[data-testid=toc] a.current')?.dataset.toc === id, other, { timeout: 5000 });
  // The marked entry is announced to screen readers.
  assert.equal(await page.getAttribute(`[data-testid=toc] a[data-toc="${other}"]`, 'aria-current'), 'location');
  await context.close();
});

test('j / k move to the next / previous section, not while typing', async () => {
  const { page, context } = await openPage(browser, server.url);
  const ids = await tocIds(page);
  await page.click(`[data-testid=toc] a[data-toc="${ids[0]}"]`);
  await page.waitForFunction((id) => document.querySelector('[data-testid=toc] a.current')?.dataset.toc === id, ids[0]);
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('j');
  await page.waitForFunction((id) => document.querySelector('[data-testid=toc] a.current')?.dataset.toc === id, ids[1]);
  assert.ok(await inView(page, `[id="sec-${ids[1]}"]`));
  await page.keyboard.press('j');
  await page.waitForFunction((id) => document.querySelector('[data-testid=toc] a.current')?.dataset.toc === id, ids[2]);
  await page.keyboard.press('k');
  await page.waitForFunction((id) => document.querySelector('[data-testid=toc] a.current')?.dataset.toc === id, ids[1]);
  // Typing j in the find box does not move.
  await page.focus('[data-testid=find-input]');
  await page.keyboard.type('j');
  await page.waitForTimeout(200);
  assert.equal(await currentEntry(page), ids[1]);
  await context.close();
});

test('parts fold and unfold', async () => {
  const { page, context } = await openPage(browser, server.url);
  const toggle = page.locator('[data-testid=toc] .toc-toggle').first();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  const list = await toggle.getAttribute('aria-controls');
  assert.ok(await page.isVisible(`[id="${list}"]`));
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.isVisible(`[id="${list}"]`), false);
  await toggle.press('Enter');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.ok(await page.isVisible(`[id="${list}"]`));
  // Fold all / expand all.
  await page.click('[data-testid=toc-fold-all]');
  assert.equal(await page.locator('[data-testid=toc] .toc-toggle[aria-expanded=true]').count(), 0);
  await page.click('[data-testid=toc-fold-all]');
  assert.equal(await page.locator('[data-testid=toc] .toc-toggle[aria-expanded=false]').count(), 0);
  await context.close();
});

test('"/" focuses find; a query shows a count and highlights; Enter moves', async () => {
  const { page, context } = await openPage(browser, server.url);
  await page.locator('body').press('/');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'find-input');
  await page.keyboard.type('增长');
  await page.waitForFunction(() => /^\d+ \/ \d+$/.test(document.querySelector('[data-testid=find-count]').innerText.trim()));
  const count = (await page.innerText('[data-testid=find-count]')).trim();
  const total = Number(count.split('/')[1]);
  assert.ok(total >= 10, count);
  const hits = await page.$$eval('mark.find-hit', (ms) => {
    const by = {};
    for (const m of ms) by[m.dataset.hit] = (by[m.dataset.hit] || '') + m.textContent;
    return Object.values(by);
  });
  assert.equal(hits.length, total, `hits marked: ${hits.length}`);
  assert.ok(hits.every((t) => t.replace(/\s/g, '') === '增长'));
  assert.equal(await page.$$eval('mark.find-hit.current', (ms) => new Set(ms.map((m) => m.dataset.hit)).size), 1);
  const first = Number(count.split('/')[0]);
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => document.querySelector('[data-testid=find-count]').innerText.trim().startsWith(`${n} /`), first + 1);
  assert.ok(await inView(page, 'mark.find-hit.current'));
  await page.keyboard.press('Shift+Enter');
  await page.waitForFunction((n) => document.querySelector('[data-testid=find-count]').innerText.trim().startsWith(`${n} /`), first);
  await page.click('[data-testid=find-next]');
  await page.waitForFunction((n) => document.querySelector('[data-testid=find-count]').innerText.trim().startsWith(`${n} /`), first + 1);
  await shot(page, 'view-find');
  // No match.
  await page.fill('[data-testid=find-input]', '不存在的词语组合');
  await page.waitForFunction(() => /无结果|No matches/.test(document.querySelector('[data-testid=find-count]').innerText));
  assert.equal(await page.locator('mark.find-hit').count(), 0);
  await context.close();
});

test('find matches across line breaks, PDF spaces and full-width forms', async () => {
  const { page, context } = await openPage(browser, server.url);
  await page.click('[data-testid=paste-button]');
  await page.fill('[data-testid=paste-area]',
    '政府工作报告\n——2024年1月10日在市第一届人民代表大会第一次会议上\n市长 张三\n各位代表：\n一、过去一年工作回顾\n全市地区生产\n总值增长８％。\n地 区 生 产 总 值 实现1230亿元。\n二、今年工作安排\n地区生产总值增长8%左右。');
  await page.click('[data-testid=paste-open]');
  await page.waitForFunction(() => document.querySelector('[data-testid=report-text]')?.innerText.includes('8%左右'));
  await page.fill('[data-testid=find-input]', '地区生产总值');
  await page.waitForFunction(() => document.querySelector('[data-testid=find-count]').innerText.trim() === '1 / 3');
  await page.fill('[data-testid=find-input]', '8%');
  await page.waitForFunction(() => /\/ 2$/.test(document.querySelector('[data-testid=find-count]').innerText.trim()));
  // A hit may be cut by a number's mark: join its pieces.
  const hits = await page.$$eval('mark.find-hit', (ms) => {
    const by = {};
    for (const m of ms) by[m.dataset.hit] = (by[m.dataset.hit] || '') + m.textContent;
    return Object.values(by);
  });
  assert.deepEqual(hits.sort(), ['8%', '８％'].sort());
  await context.close();
});

test('a number shows its reading on hover and its section one click away', async () => {
  const { page, context } = await openPage(browser, server.url);
  const mark = page.locator('[data-testid=report-text] mark.num').nth(5);
  const title = await mark.getAttribute('title');
  assert.match(title, /(实际|预计|目标|actual|estimate|target) · /);
  await mark.click();
  assert.equal(await page.locator('[data-testid=highlight]').count(), 1);
  assert.equal(await page.getAttribute('[data-testid=highlight]', 'id'), await mark.getAttribute('id'));
  await page.waitForSelector('[data-testid=num-popover]');
  assert.match(await page.innerText('[data-testid=num-popover]'), / · /);
  await shot(page, 'view-popover');
  const link = page.locator('[data-testid=num-section]');
  if (await link.count()) {
    await link.click();
    await page.waitForFunction(() => {
      const id = document.querySelector('[data-testid=toc] a.current')?.dataset.toc;
      const r = id && document.getElementById(`sec-${id}`)?.getBoundingClientRect();
      return r && r.top >= 0 && r.bottom <= window.innerHeight;
    }, null, { timeout: 5000 });
  }
  // Keyboard: a number is reachable and selectable with Enter.
  await page.locator('[data-testid=report-text] mark.num').nth(2).focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute('[data-testid=highlight]', 'id'), await page.locator('[data-testid=report-text] mark.num').nth(2).getAttribute('id'));
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('[data-testid=num-popover]').count(), 0);
  await context.close();
});

test('the language toggle switches interface text and survives a reload', async () => {
  const { page, context } = await openPage(browser, server.url, { context: { locale: 'zh-CN' } });
  await page.evaluate(() => localStorage.removeItem('baogao:lang'));
  await page.reload();
  await page.waitForSelector('[data-testid=toc]');
  assert.match(await page.innerText('[data-testid=toc] .toc-title'), /目录/);
  await page.click('[data-testid=lang-toggle]');
  await page.waitForFunction(() => /Contents/.test(document.querySelector('[data-testid=toc] .toc-title').innerText));
  assert.match(await page.getAttribute('[data-testid=find-input]', 'placeholder'), /Find/);
  const title = await page.locator('[data-testid=report-text] mark.num').first().getAttribute('title');
  assert.match(title, /(actual|estimate|target) · /);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.reload();
  await page.waitForSelector('[data-testid=toc]');
  assert.match(await page.innerText('[data-testid=toc] .toc-title'), /Contents/);
  await shot(page, 'view-english');
  await page.click('[data-testid=lang-toggle]');
  await page.waitForFunction(() => /目录/.test(document.querySelector('[data-testid=toc] .toc-title').innerText));
  await context.close();
});

test('dark, print and narrow renderings', async () => {
  const dark = await openPage(browser, server.url, { colorScheme: 'dark' });
  const bg = await dark.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.notEqual(bg, 'rgb(255, 255, 255)');
  // Text and marks are legible: foreground far from background.
  const [fg, mark] = await dark.page.evaluate(() => [
    getComputedStyle(document.querySelector('[data-testid=report-text] p')).color,
    getComputedStyle(document.querySelector('mark.num')).backgroundColor,
  ]);
  assert.notEqual(fg, bg);
  assert.notEqual(mark, 'rgb(255, 243, 196)');
  await dark.page.fill('[data-testid=find-input]', '增长');
  await dark.page.locator('[data-testid=toc] a[data-toc]').nth(2).click();
  await shot(dark.page, 'view-dark');
  await dark.context.close();

  const print = await openPage(browser, server.url);
  await print.page.emulateMedia({ media: 'print' });
  for (const sel of ['.toolbar', '.sidebar', '[data-testid=find-input]']) {
    assert.equal(await print.page.isVisible(sel), false, `${sel} hidden in print`);
  }
  for (const sel of ['[data-testid=report-title]', '[data-testid=report-text]']) {
    assert.ok(await print.page.isVisible(sel), `${sel} printed`);
  }
  await shot(print.page, 'view-print', { fullPage: false });
  await print.context.close();

  const narrow = await openPage(browser, server.url, { viewport: { width: 390, height: 844 } });
  const overflow = await narrow.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `no sideways scroll on a phone (overflow ${overflow}px)`);
  await narrow.page.locator('[data-testid=toc] a[data-toc]').nth(3).click();
  const id = await narrow.page.locator('[data-testid=toc] a[data-toc]').nth(3).getAttribute('data-toc');
  await narrow.page.waitForFunction((i) => {
    const r = document.getElementById(`sec-${i}`)?.getBoundingClientRect();
    return r && r.top >= 0 && r.bottom <= window.innerHeight;
  }, id, { timeout: 5000 });
  await shot(narrow.page, 'view-narrow');
  await narrow.context.close();
});

test('a big report renders only what is near the screen, and navigation reaches the rest', async () => {
  const file = bigReportFile(4_000_000);
  const { page, context, errors } = await openPage(browser, server.url);
  await pickFiles(page, [file]);
  await waitMessage(page, /baogao-big/, 240000);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=report-text] .chunk').length > 20, null, { timeout: 30000 });
  const counts = () => page.evaluate(() => ({
    chunks: document.querySelectorAll('[data-testid=report-text] .chunk').length,
    rendered: [...document.querySelectorAll('[data-testid=report-text] .chunk')].filter((c) => c.childElementCount > 0).length,
    paras: document.querySelectorAll('[data-testid=report-text] p').length,
  }));
  const start = await counts();
  assert.ok(start.rendered <= 4, `rendered ${start.rendered} of ${start.chunks} chunks`);
  assert.ok(start.paras <= 800, `paragraphs in the page: ${start.paras}`);
  // Placeholders give the page its full height (the scrollbar means something).
  assert.ok(await page.evaluate(() => document.documentElement.scrollHeight) > 100000);

  // The last part, far away and not rendered: a TOC click renders it and scrolls to it.
  const ids = await page.$$eval('[data-testid=toc] a[data-toc]', (as) => as.filter((a) => a.offsetParent).map((a) => a.dataset.toc));
  const last = ids[ids.length - 1];
  assert.equal(await page.$(`[id="sec-${last}"]`), null, 'last part not rendered at first');
  await page.click(`[data-testid=toc] a[data-toc="${last}"]`);
  await page.waitForFunction((id) => {
    const r = document.getElementById(`sec-${id}`)?.getBoundingClientRect();
    return r && r.top >= 0 && r.bottom <= window.innerHeight;
  }, last, { timeout: 10000 });
  const after = await counts();
  assert.ok(after.rendered <= 6, `rendered after the jump: ${after.rendered}`);

  // Find reaches text in chunks that are not rendered: back to the top via the first part's heading.
  await page.fill('[data-testid=find-input]', `第${cn(1)}部分工作`);
  await page.waitForFunction(() => document.querySelector('[data-testid=find-count]').innerText.trim() === '1 / 1', null, { timeout: 10000 });
  await page.waitForFunction(() => {
    const r = document.querySelector('mark.find-hit.current')?.getBoundingClientRect();
    return r && r.top >= 0 && r.bottom <= window.innerHeight;
  }, null, { timeout: 10000 });
  // Scrolling by hand keeps the outline in step.
  await page.mouse.wheel(0, 3000);
  await page.waitForFunction(() => document.querySelector('[data-testid=toc] a.current'), null, { timeout: 5000 });
  await shot(page, 'view-big');
  assert.deepEqual(errors.filter((e) => /panic|unreachable|RuntimeError/i.test(e)), []);
  await context.close();
});
