// A large, report-shaped UTF-8 text for benchmarks and the big-file tests: a title
// block, then numbered parts (一、二、… 三百零一、…) filled with paragraphs drawn in a
// pseudo-random order from the UTF-8 fixture reports. Paragraphs recur, but no long run
// repeats as a whole, so the parser's duplicate-copy detection does not fold it away.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const FIXTURES = path.resolve(here, '..', 'tests', 'fixtures');
const SOURCES = ['beijing-2024.txt', 'bozhou-2024.txt', 'zaozhuang-2024-pdftext.txt'];

const DIGITS = '零一二三四五六七八九';
/** Chinese numeral for 1 ≤ n < 10000 (一, 十一, 一百零五 …). */
export function cn(n) {
  if (n < 10) return DIGITS[n];
  if (n < 20) return '十' + (n % 10 ? DIGITS[n % 10] : '');
  const units = [[1000, '千'], [100, '百'], [10, '十']];
  let out = '';
  let zero = false;
  for (const [u, name] of units) {
    const d = Math.floor(n / u) % 10;
    if (d) { if (zero && out) out += '零'; out += DIGITS[d] + name; zero = false; } else if (out) zero = true;
  }
  if (n % 10) out += (zero ? '零' : '') + DIGITS[n % 10];
  return out;
}

function paragraphs() {
  return SOURCES.flatMap((f) => fs.readFileSync(path.join(FIXTURES, f), 'utf8').split(/\n+|(?<=。)\s+/))
    .map((p) => p.trim())
    .filter((p) => p.length >= 30 && !/^[一二三四五六七八九十]+、/.test(p));
}

/** A Buffer of about `bytes` bytes of UTF-8 report text (deterministic for a seed). */
export function bigReport(bytes, seed = 1) {
  const paras = paragraphs();
  const head = '政府工作报告\n——2024年1月16日在市第十六届人民代表大会第三次会议上\n市长 张三\n各位代表：\n现在，我代表市人民政府，向大会报告工作，请予审议。\n';
  const out = [head];
  let size = Buffer.byteLength(head);
  let x = seed >>> 0;
  let part = 0;
  let n = 0;
  while (size < bytes) {
    if (n % 300 === 0) {
      part += 1;
      const h = `${cn(part)}、第${cn(part)}部分工作\n`;
      out.push(h);
      size += Buffer.byteLength(h);
    }
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const p = paras[(x >>> 8) % paras.length] + '\n';
    out.push(p);
    size += Buffer.byteLength(p);
    n += 1;
  }
  return Buffer.from(out.join(''), 'utf8');
}

/** Write `bigReport(bytes)` to `file` (cached by size) and return the path. */
export function bigReportFile(bytes, file = `/tmp/baogao-big-${Math.round(bytes / 1e6)}mb.txt`) {
  if (!fs.existsSync(file) || Math.abs(fs.statSync(file).size - bytes) > 200_000) {
    fs.writeFileSync(file, bigReport(bytes));
  }
  return file;
}

// `node bench/bigtext.mjs BYTES OUT` writes a file (used by bench/run.sh).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const bytes = Number(process.argv[2] || 20e6);
  const out = process.argv[3] || `/tmp/baogao-big-${Math.round(bytes / 1e6)}mb.txt`;
  fs.writeFileSync(out, bigReport(bytes));
  console.log(out);
}
