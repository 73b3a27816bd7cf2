// The sample's first picture, taken from the built app itself (used by postbuild.mjs).
//
// The app needs its wasm downloaded, compiled and run before it can draw anything
// (≈ 0.7 s on the bench machine). The page a visitor sees first, though, is always the
// same: the built-in sample, in Chinese or in English. So at build time the built page is
// opened in headless Chromium, the app draws the sample as it would for a visitor, and
// its DOM is copied into index.html (one <template> per language). index.html's early
// script shows the copy at once when the app is going to open the sample anyway (no link,
// no kept session); the app removes it the moment it mounts, in the same task as it draws
// its own, identical view. Nothing in the copy is written by hand: it is the app's own
// output, so it cannot drift from it. The copy carries no data-testid and no id (it is
// not the app), is `inert` (it does not answer clicks; files dropped on it are kept and
// opened by the app when it starts), reaches only 2000 px down (laying out the whole
// report text would delay the picture it is there for) and its canvases are blank (the
// chart is below the first screen; the app draws it).
//
// Returns { zh, en } (HTML of the app's root element) or null when it could not be taken
// (no Chromium, no playwright-core, BAOGAO_PRERENDER=0): the page then works as before,
// it only shows its first picture later.
import path from 'node:path';

/**
 * Copy of the app's root as drawn, made inert: no test ids, no ids, no scripts; and only
 * what lies within `reach` pixels of the top (a visitor sees the first screen while the
 * wasm loads; laying out the whole report text would delay that picture).
 */
function snapshot(reach) {
  const app = document.querySelector('.app');
  if (!app) return null;
  const CUT = 'data-prerender-cut';
  for (const e of app.querySelectorAll('*')) {
    if (e.getBoundingClientRect().top > reach && !e.parentElement.hasAttribute(CUT)) e.setAttribute(CUT, '');
  }
  const copy = app.cloneNode(true);
  for (const e of app.querySelectorAll(`[${CUT}]`)) e.removeAttribute(CUT);
  for (const e of copy.querySelectorAll(`[${CUT}], script`)) e.remove();
  for (const e of [copy, ...copy.querySelectorAll('*')]) {
    e.removeAttribute('data-testid');
    e.removeAttribute('id');
    e.removeAttribute('autofocus');
  }
  return copy.outerHTML;
}

/** How far down (CSS px) the copy reaches: the first screen of a tall monitor. */
const REACH = 2000;

export async function prerender(dir) {
  if (process.env.BAOGAO_PRERENDER === '0') {
    console.log('postbuild: prerender skipped (BAOGAO_PRERENDER=0)');
    return null;
  }
  // The end-to-end harness serves a directory on loopback and launches Debian's Chromium
  // through playwright-core (e2e/node_modules, installed by scripts/setup.sh).
  let lib;
  try {
    lib = await import('../e2e/lib.mjs');
  } catch (e) {
    console.warn(`postbuild: no prerendered first picture (playwright-core not installed: run scripts/setup.sh): ${e.message}`);
    return null;
  }
  const server = await lib.serve(path.resolve(dir));
  let browser;
  try {
    browser = await lib.launch();
    const out = {};
    for (const [lang, locale] of [['zh', 'zh-CN'], ['en', 'en-US']]) {
      const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(server.url);
      await page.waitForFunction(() => performance.getEntriesByName('baogao:app-ready', 'measure').length > 0, null, { timeout: 60000 });
      // The catalog is fetched after the first picture: wait for it, so every build copies
      // the same page (not "Loading…" one time and the list the next).
      await page.waitForLoadState('networkidle');
      if (errors.length) throw new Error(`the page failed while drawing the sample: ${errors.join('; ')}`);
      const html = await page.evaluate(snapshot, REACH);
      if (!html || !html.includes('class="app')) throw new Error('no .app element after the first render');
      out[lang] = html;
      await context.close();
    }
    console.log(`postbuild: prerendered the sample (zh ${Buffer.byteLength(out.zh)} B, en ${Buffer.byteLength(out.en)} B of HTML)`);
    return out;
  } catch (e) {
    console.warn(`postbuild: no prerendered first picture: ${e.message}`);
    return null;
  } finally {
    if (browser) await browser.close();
    await server.close();
  }
}
