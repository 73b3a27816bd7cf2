// Shared harness for the end-to-end tests: serve a built dist/ on loopback, launch
// Debian's Chromium through playwright-core, open the page.
//
// Env: BAOGAO_DIST (default ../dist), CHROMIUM (default /usr/bin/chromium),
// SHOTS (screenshot folder, default /tmp/baogao-shots).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '..');
export const DIST = path.resolve(process.env.BAOGAO_DIST || path.join(ROOT, 'dist'));
export const FIXTURES = path.join(ROOT, 'tests', 'fixtures');
export const SHOTS = process.env.SHOTS || '/tmp/baogao-shots';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/**
 * Serve `dir` on 127.0.0.1 (free port) under `prefix` (e.g. '/app/', to prove sub-path hosting).
 * `extra(req, res)` may answer a request first (return true when it did).
 */
export async function serve(dir = DIST, { prefix = '/', extra } = {}) {
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`no built page in ${dir}: run scripts/test.sh (it builds dist/ first) or set BAOGAO_DIST`);
  }
  const server = http.createServer((req, res) => {
    if (extra && extra(req, res)) return;
    const url = new URL(req.url, 'http://x');
    if (!url.pathname.startsWith(prefix)) { res.writeHead(404); res.end('not found'); return; }
    let rel = decodeURIComponent(url.pathname.slice(prefix.length));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = path.join(dir, rel);
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404); res.end('not found'); return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}${prefix}`, port, close: () => new Promise((r) => server.close(r)) };
}

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Launch headless Chromium (Debian's). */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/**
 * Open the page at `url` in a fresh context and wait until the app has drawn a report
 * (`[data-testid=report-text]`) or shown a message. Collects console errors and page errors.
 */
export async function openPage(browser, url, { colorScheme = 'light', waitFor = '[data-testid=report-text]', viewport = { width: 1280, height: 900 }, context: ctxOpts = {} } = {}) {
  const context = await browser.newContext({ colorScheme, viewport, acceptDownloads: true, ...ctxOpts });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(url);
  if (waitFor) await page.waitForSelector(waitFor, { timeout: 20000 });
  return { context, page, errors };
}

/** Choose files with the file input and wait for the app to react. */
export async function pickFiles(page, files) {
  const paths = files.map((f) => (path.isAbsolute(f) ? f : path.join(FIXTURES, f)));
  await page.setInputFiles('[data-testid=file-input]', paths);
}

/** Choose in-memory files: [{name, mimeType, buffer}]. */
export async function pickBuffers(page, files) {
  await page.setInputFiles('[data-testid=file-input]', files);
}

/** Drop files on the page with a synthetic drop event carrying a DataTransfer. */
export async function dropFiles(page, files) {
  const payload = files.map((f) => ({ name: f.name, mime: f.mimeType || 'text/plain', data: [...f.buffer] }));
  await page.evaluate((items) => {
    const dt = new DataTransfer();
    for (const it of items) dt.items.add(new File([new Uint8Array(it.data)], it.name, { type: it.mime }));
    const target = document.querySelector('main') || document.body;
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, payload);
}

/** Text of the message area. */
export async function message(page) {
  return (await page.locator('[data-testid=message]').innerText()).trim();
}

/** Wait until the message area's text matches `re`. */
export async function waitMessage(page, re, timeout = 15000) {
  await page.waitForFunction(
    ([src, flags]) => new RegExp(src, flags).test(document.querySelector('[data-testid=message]')?.innerText || ''),
    [re.source, re.flags], { timeout },
  );
  return message(page);
}

/** Save a screenshot to SHOTS/name.png and return its path. */
export async function shot(page, name, opts = {}) {
  fs.mkdirSync(SHOTS, { recursive: true });
  const p = path.join(SHOTS, `${name}.png`);
  await page.screenshot({ path: p, ...opts });
  return p;
}

/** Read a `baogao:*` performance measure (ms), or null. */
export async function measure(page, name) {
  return page.evaluate((n) => {
    const m = performance.getEntriesByName(n, 'measure');
    return m.length ? m[m.length - 1].duration : null;
  }, name);
}

/** Read a fixture as a Buffer. */
export function fixture(name) {
  return fs.readFileSync(path.join(FIXTURES, name));
}
