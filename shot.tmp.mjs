import { chromium } from 'playwright-core';
const base = 'http://localhost:3100';
const [w, h] = (process.env.VP ?? '1280x900').split('x').map(Number);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const ctx = await browser.newContext({ viewport: { width: w, height: h } });
const page = await ctx.newPage();
page.on('console', (m) => { if (m.type() === 'error') console.log('console error:', m.text()); });
page.on('pageerror', (e) => console.log('page error:', e.message));
if (!process.env.ANON) {
await page.goto(base + '/admin/login');
await page.fill('input[name=email]', 'admin@example.jp');
await page.fill('input[name=password]', 'correct horse battery staple 42');
await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
}
const urls = process.argv.slice(2);
for (const spec of urls) {
  const [u, y0 = '0', hh = '1800'] = spec.split('@');
  await page.goto(base + u);
  await page.waitForTimeout(1000);
  const name = u.replace(/[^a-z0-9]+/gi, '_') + '_' + y0;
  const size = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]);
  const wide = await page.evaluate(() => [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 3).map((e) => e.tagName + '.' + e.className));
  await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: true, clip: { x: 0, y: Number(y0), width: w, height: Math.min(Number(hh), size[1] - Number(y0)) } });
  console.log(u, 'size', size, 'overflow:', wide.join(' '));
}
await browser.close();
