// Hostile input in the real page: markup never runs, odd bytes never break the page,
// bombs are refused with a message, and after every failure the open report is kept
// and the page still opens a real report.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { serve, launch, openPage, pickFiles, pickBuffers, waitMessage, message, shot, fixture } from '../lib.mjs';

let server, browser;
before(async () => {
  server = await serve(undefined, { prefix: '/hostile/' });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const REPORT = (middle) => `政府工作报告\n各位代表：\n一、2023年工作回顾\n全市地区生产总值增长5.2%。${middle}\n二、2024年工作安排\n地区生产总值增长5%左右。\n`;
// Each payload, if it ever ran, would bump window.__pwned.
const PAYLOADS = [
  '<script>window.__pwned=(window.__pwned||0)+1</script>',
  '<img src=x onerror="window.__pwned=(window.__pwned||0)+1">',
  '<svg onload="window.__pwned=(window.__pwned||0)+1"></svg>',
  '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
];

const reportText = (page) => page.locator('[data-testid=report-text]').innerText();

async function fresh() {
  const r = await openPage(browser, server.url, { context: { locale: 'zh-CN' } });
  r.panics = () => r.errors.filter((e) => /panic|unreachable|RuntimeError/i.test(e));
  return r;
}

/** The page still works: a real report opens after whatever went before. */
async function stillUsable(page) {
  await pickFiles(page, ['beijing-2024.txt']);
  await waitMessage(page, /已打开 beijing-2024\.txt|Opened beijing-2024\.txt/);
  assert.match(await reportText(page), /地区生产总值/);
}

/** Nothing injected ran or entered the DOM. */
async function assertInert(page) {
  await page.waitForTimeout(300); // let any onerror/onload fire if it were going to
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'a payload ran');
  assert.equal(await page.locator('main img[src="x"], main svg[onload], main iframe[srcdoc], body script:not([src]):not([type])').count(), 0);
}

test('markup in report text and in the file name shows as text and never runs', async () => {
  const { page, context, panics } = await fresh();
  const name = '<img src=x onerror="window.__pwned=1">报告.txt';
  await pickBuffers(page, [{ name, mimeType: 'text/plain', buffer: Buffer.from(REPORT(PAYLOADS.join(''))) }]);
  const msg = await waitMessage(page, /报告\.txt/);
  assert.ok(msg.includes('<img src=x onerror="window.__pwned=1">'), `file name shown as text: ${msg}`);
  const text = await reportText(page);
  for (const p of PAYLOADS) assert.ok(text.includes(p), `shown as text: ${p}`);
  await assertInert(page);
  // Pasted text takes another path (no file decoding).
  await page.click('[data-testid=paste-button]');
  await page.fill('[data-testid=paste-area]', REPORT(PAYLOADS.join('\n')));
  await page.click('[data-testid=paste-open]');
  await page.waitForFunction(() => document.querySelector('[data-testid=report-text]')?.innerText.includes('<svg onload'));
  await assertInert(page);
  await shot(page, 'hostile-markup');
  await stillUsable(page);
  assert.deepEqual(panics(), []);
  await context.close();
});

test('NUL bytes inside a text file do not break it; a file of NULs is refused', async () => {
  const { page, context, panics } = await fresh();
  const withNul = Buffer.from(REPORT('他说\u0000\u0000了\u0000什么。'));
  await pickBuffers(page, [{ name: 'nul.txt', mimeType: 'text/plain', buffer: withNul }]);
  await waitMessage(page, /nul\.txt/);
  assert.match(await reportText(page), /地区生产总值增长5%左右/);
  const before = await reportText(page);
  await pickBuffers(page, [{ name: 'zeros.txt', mimeType: 'text/plain', buffer: Buffer.alloc(64 * 1024) }]);
  const msg = await waitMessage(page, /zeros\.txt/);
  assert.match(msg, /不是|空|not|empty/i);
  assert.match(msg, /当前报告保持不变|kept/);
  assert.equal(await reportText(page), before);
  await stillUsable(page);
  assert.deepEqual(panics(), []);
  await context.close();
});

test('a one-million-character line opens and the page keeps answering', async () => {
  const { page, context, panics } = await fresh();
  const line = '我们坚持以人民为中心的发展思想，'.repeat(62_500); // 1,000,000 characters, 3 MB
  const body = `政府工作报告\n各位代表：\n一、2023年工作回顾\n${line}全市地区生产总值增长5.2%。\n二、2024年工作安排\n地区生产总值增长5%左右。\n`;
  await pickBuffers(page, [{ name: 'long-line.txt', mimeType: 'text/plain', buffer: Buffer.from(body) }]);
  const t0 = Date.now();
  await page.evaluate(() => 1);
  assert.ok(Date.now() - t0 < 2000, 'the page answers while a 3 MB line is parsed');
  await waitMessage(page, /long-line\.txt/, 120000);
  assert.match(await message(page), /已打开|Opened/);
  assert.match(await reportText(page), /我们坚持以人民为中心的发展思想/);
  await stillUsable(page);
  assert.deepEqual(panics(), []);
  await context.close();
});

// --- a minimal zip writer (stored central directory, deflated entries) ---
function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data, size, crc, method = 8 } of entries) {
    const n = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0, 6);
    local.writeUInt16LE(method, 8); local.writeUInt32LE(0, 10); local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18); local.writeUInt32LE(size, 22); local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10); central.writeUInt32LE(crc, 16); central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24); central.writeUInt16LE(n.length, 28); central.writeUInt32LE(offset, 42);
    locals.push(local, n, data);
    centrals.push(central, n);
    offset += 30 + n.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
const entry = (name, raw) => ({ name, data: zlib.deflateRawSync(raw, { level: 9 }), size: raw.length, crc: zlib.crc32(raw) });

test('a .docx zip bomb (600 MB of zeros in < 1 MB) is refused with a message', async () => {
  const { page, context, panics } = await fresh();
  const before = await reportText(page);
  const document = entry('word/document.xml', Buffer.alloc(600_000_000));
  const bomb = zip([
    entry('[Content_Types].xml', Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')),
    document,
  ]);
  assert.ok(bomb.length < 1_000_000, `bomb is ${bomb.length} bytes`);
  // Also a bomb that lies about its size in the headers (declares 1 KB).
  const liar = zip([{ ...document, size: 1000 }]);
  for (const [name, buffer] of [['bomb.docx', bomb], ['liar.docx', liar]]) {
    await pickBuffers(page, [{ name, mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer }]);
    const msg = await waitMessage(page, new RegExp(name.replace('.', '\\.')), 60000);
    assert.match(msg, /解压后超过|inflates to more than|拒绝|refused|损坏|damaged/, msg);
    assert.match(msg, /当前报告保持不变|kept/);
    assert.equal(await reportText(page), before);
  }
  await shot(page, 'hostile-zip-bomb');
  await stillUsable(page);
  assert.deepEqual(panics(), []);
  await context.close();
});

test('files that claim .docx but are not Word files get a message', async () => {
  const { page, context, panics } = await fresh();
  const before = await reportText(page);
  const noise = Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 2654435761 >>> 13) & 255));
  const truncated = zip([entry('word/document.xml', Buffer.from('<w:document><w:body><w:p><w:r><w:t>政府工作报告</w:t></w:r></w:p></w:body></w:document>'))]).subarray(0, 60);
  const noDocument = zip([entry('hello.txt', Buffer.from('hello'))]);
  for (const [name, buffer, why] of [
    ['noise.docx', noise, /不是|not/],
    ['truncated.docx', truncated, /Word|损坏|damaged|zip/i],
    ['no-document.docx', noDocument, /Word|损坏|damaged|document/i],
  ]) {
    await pickBuffers(page, [{ name, mimeType: 'application/octet-stream', buffer }]);
    const msg = await waitMessage(page, new RegExp(name.replace(/[.-]/g, '\\$&')));
    assert.match(msg, why, msg);
    assert.match(msg, /当前报告保持不变|kept/);
    assert.equal(await reportText(page), before);
  }
  await stillUsable(page);
  assert.deepEqual(panics(), []);
  await context.close();
});

test('a #doc= link that inflates to gigabytes shows a message, not a frozen page', async () => {
  // 100 MB of zeros deflates to ~100 KB: over the 60 MB cap.
  const packed = zlib.deflateRawSync(Buffer.alloc(100_000_000), { level: 9 }).toString('base64url');
  const { page, context, errors } = await openPage(browser, `${server.url}#doc=${packed}`, { waitFor: null, context: { locale: 'zh-CN' } });
  const msg = await waitMessage(page, /超过|more than|拒绝|refused|损坏|damaged/, 30000);
  assert.ok(msg.length > 0);
  await stillUsable(page);
  assert.deepEqual(errors.filter((e) => /panic|unreachable|RuntimeError/i.test(e)), []);
  await context.close();
  // A damaged link too.
  const damaged = await openPage(browser, `${server.url}#doc=!!!not-base64!!!`, { waitFor: null, context: { locale: 'zh-CN' } });
  await waitMessage(damaged.page, /损坏|damaged/, 30000);
  await stillUsable(damaged.page);
  await damaged.context.close();
});

test('invalid UTF-8 in the middle of a UTF-8 file is replaced, with a notice', async () => {
  const { page, context, panics } = await fresh();
  // A real report (50 KB of UTF-8) with three broken bytes inside a sentence, early
  // enough to be on screen.
  const good = fixture('beijing-2024.txt');
  const at = good.indexOf(Buffer.from('地区生产总值'));
  assert.ok(at > 0);
  const bad = Buffer.concat([good.subarray(0, at), Buffer.from([0xff, 0xfe, 0xc3]), good.subarray(at)]);
  await pickBuffers(page, [{ name: 'broken-utf8.txt', mimeType: 'text/plain', buffer: bad }]);
  const msg = await waitMessage(page, /broken-utf8\.txt/);
  assert.match(msg, /UTF-8/);
  assert.match(msg, /替换|replaced/, msg);
  const text = await reportText(page);
  assert.ok(text.includes('\uFFFD'), 'replacement character shown');
  assert.match(text, /各位代表/);
  await stillUsable(page);
  assert.deepEqual(panics(), []);
  await context.close();
});
