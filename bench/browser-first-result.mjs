// Time from page load to the playground's first result in headless Chromium, and how the start divides (BENCHMARKS.md, "Browser").
//
// Usage: npm run build && node bench/browser-first-result.mjs [profiles] [loads]
// Each profile is fresh (a new --user-data-dir: nothing cached); its later loads reuse its cache.
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'web');
const [profiles = 5, loads = 3] = process.argv.slice(2).map(Number);
const types = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json' };
const server = createServer((req, res) => {
  const u = new URL(req.url, 'http://x').pathname;
  const f = join(web, u === '/' ? 'index.html' : u);
  if (!f.startsWith(web) || !existsSync(f) || !statSync(f).isFile()) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': types[extname(f)] ?? 'application/octet-stream' }).end(readFileSync(f));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${server.address().port}/`;
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
console.log('profile load first-result-ms worker-start-ms image-load-ms');
for (let c = 0; c < profiles; c++) {
  const dir = mkdtempSync(join(tmpdir(), 'tsmacs-chromium-'));
  const ctx = await chromium.launchPersistentContext(dir, { executablePath: process.env.TSMACS_CHROMIUM ?? '/usr/bin/chromium', headless: true, args });
  for (let i = 0; i < loads; i++) {
    const page = await ctx.newPage();
    await page.goto(`${url}?${i}`, { waitUntil: 'load' });
    await page.fill('#editor', '(+ 1 2)');
    await page.click('#run');
    await page.waitForSelector('#result[data-kind]');
    // The worker reports its start with the image; wait for it if the result came first.
    await page.waitForFunction(() => document.body.dataset.imageLoadMs !== undefined);
    const d = await page.evaluate(() => ({ ...document.body.dataset }));
    console.log(c, i, d.firstResultMs, d.workerStartMs, d.imageLoadMs);
    await page.close();
  }
  await ctx.close();
  rmSync(dir, { recursive: true, force: true });
}
server.close();
