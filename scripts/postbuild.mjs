// Trunk post-build hook (Trunk.toml [[hooks]] stage = "post_build"); also runnable as
// `node scripts/postbuild.mjs <dist dir>`.
//
// 1. Content-Security-Policy: Trunk writes an inline <script type="module"> that loads
//    the wasm. Its text changes with every build (it names hashed files), so its
//    SHA-256 is computed here and put in place of 'sha256-BAOGAO_INLINE_SCRIPTS' in the
//    CSP <meta> of index.html.
// 2. Service worker: stamps sw.js with the list of files to precache and a build id
//    (hash of the file names, which carry content hashes) so each build gets a new cache.
// 3. The sample's first picture, prerendered (see prerender.mjs).
import { readFileSync, writeFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative, sep } from 'node:path';
import { prerender } from './prerender.mjs';

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) {
  console.error('postbuild: no TRUNK_STAGING_DIR and no directory given');
  process.exit(2);
}
const PLACEHOLDER = "'sha256-BAOGAO_INLINE_SCRIPTS'";

const htmlPath = join(dir, 'index.html');
const source = readFileSync(htmlPath, 'utf8');

/** index.html with the CSP placeholder replaced by the hashes of its inline scripts. */
function withCsp(html) {
  if (!html.includes(PLACEHOLDER)) return html;
  const hashes = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/i.test(m[1])) continue;
    hashes.push(`'sha256-${createHash('sha256').update(m[2], 'utf8').digest('base64')}'`);
  }
  console.log(`postbuild: CSP allows ${hashes.length} inline script(s) by hash`);
  return html.split(PLACEHOLDER).join(hashes.join(' '));
}

// 3. The sample's first picture (scripts/prerender.mjs): the built page is opened as it
//    is, the app's drawing of the sample copied into <template>s at the marker.
let html = withCsp(source);
writeFileSync(htmlPath, html);
const MARKER = '<!--baogao:prerender-->';
if (source.includes(MARKER)) {
  const shot = await prerender(dir);
  if (shot) {
    const templates = ['zh', 'en'].map((l) => `<template id="prerender-${l}">${shot[l]}</template>`).join('\n  ');
    html = withCsp(source.replace(MARKER, templates));
    writeFileSync(htmlPath, html);
  }
}

const swPath = join(dir, 'sw.js');
if (existsSync(swPath)) {
  const files = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else files.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  // The app's files and the catalog; not sw.js itself, not source maps, not the PDF
  // reader (fetched, then cached, only when a PDF is opened).
  const assets = files
    .filter((f) => f !== 'sw.js' && !f.endsWith('.map') && !f.startsWith('baogao-pdf') && (!f.startsWith('reports/') || f === 'reports/index.json'))
    .map((f) => (f === 'index.html' ? './' : './' + f))
    .sort();
  const build = createHash('sha256').update(assets.join('\n') + html).digest('hex').slice(0, 16);
  let sw = readFileSync(swPath, 'utf8');
  sw = sw.replace('__BAOGAO_BUILD__', build).replace('/*__BAOGAO_ASSETS__*/[]', JSON.stringify(assets));
  writeFileSync(swPath, sw);
  console.log(`postbuild: sw.js build ${build}, ${assets.length} files to precache`);
}
