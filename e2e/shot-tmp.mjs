import { serve, launch, openPage, shot } from '/work/main/e2e/lib.mjs';
const server = await serve('/tmp/dist-tables'); const browser = await launch();
const { page } = await openPage(browser, server.url, { context: { locale: 'zh-CN' } });
await page.locator('[data-testid=headline-table] tbody tr[data-key=gdp]').click();
await page.waitForTimeout(1500);
await shot(page, 'tables-after-click');
await browser.close(); await server.close();
