import { serve, launch, openPage, pickBuffers, waitMessage } from '/work/main/e2e/lib.mjs';
const dist = process.argv[2];
const server = await serve(dist); const browser = await launch();
for (const n of [1500, 10000]) {
const { page, context, errors } = await openPage(browser, server.url, { context: { locale: 'zh-CN' } });
const lines = ['政府工作报告', '一、2023年工作回顾'];
for (let i = 0; i < n; i++) lines.push(`第${i + 1}项重点工程完成投资${(i % 97) + 1}.${i % 10}亿元。`);
await pickBuffers(page, [{ name: 'many.txt', mimeType: 'text/plain', buffer: Buffer.from(lines.join('\n'), 'utf8') }]);
await waitMessage(page, /many\.txt/, 60000);
await page.waitForTimeout(1000);
const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
const open = await page.evaluate(() => new Promise((res) => {
  const t = performance.now();
  document.querySelector('[data-tab=indicators]').click();
  requestAnimationFrame(() => setTimeout(() => res(performance.now() - t), 0));
}));
const cnt = await page.locator('[data-testid=indicator-count]').innerText();
const rows = await page.locator('[data-testid=indicator-table] tbody tr').count();
const frames = await page.evaluate(() => new Promise(async (res) => {
  const el = document.querySelector('.table-scroll'); const out = [];
  for (let k = 0; k < 30; k++) {
    const t = performance.now(); el.scrollTop += 600;
    el.dispatchEvent(new Event('scroll'));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    out.push(performance.now() - t);
  }
  res(out);
}));
const sort = await page.evaluate(() => new Promise((res) => {
  const t = performance.now();
  document.querySelector('[data-testid=indicator-table] th[data-col=value] button').click();
  requestAnimationFrame(() => setTimeout(() => res(performance.now() - t), 0));
}));
const filt = await page.evaluate(() => new Promise((res) => {
  const t = performance.now(); const i = document.querySelector('[data-testid=filter-text]');
  i.value = '第2'; i.dispatchEvent(new Event('input', { bubbles: true }));
  requestAnimationFrame(() => setTimeout(() => res(performance.now() - t), 0));
}));
const cnt2 = await page.locator('[data-testid=indicator-count]').innerText();
frames.sort((a,b)=>a-b);
console.log(n, cnt, 'rows in DOM', rows, '| open ms', open.toFixed(0), '| scroll step ms median', frames[15].toFixed(1), 'max', frames[29].toFixed(1), '| sort ms', sort.toFixed(0), '| filter ms', filt.toFixed(0), cnt2, errors);
await context.close();
}
await browser.close(); await server.close();
