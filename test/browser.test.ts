// The browser playground in real headless Chromium: dist/web/ served from localhost, Lisp evaluated in the Worker, outputs compared with the CLI's on the same image.
//
// Needs Debian's chromium (/usr/bin/chromium, or TSMACS_CHROMIUM) and a build (npm run build).
// Without chromium the test fails and says how to install it: a browser test that passes
// without a browser would hide a broken playground. Expected values come from the CLI
// (dist/tsmacs.cjs) evaluating the same forms on the same image: the CLI is the one the
// differential corpus holds to GNU Emacs 28.2, so this checks the browser build against it.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { brotliCompressSync, constants as zc, gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { repoRoot } from './support/runtime.ts';

const CHROMIUM = process.env.TSMACS_CHROMIUM ?? '/usr/bin/chromium';
const WEB = join(repoRoot, 'dist', 'web');
const CLI = join(repoRoot, 'dist', 'tsmacs.cjs');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json',
  '.el': 'text/plain; charset=utf-8', '.txt': 'text/plain; charset=utf-8',
};

/** A static server for dist/web on a free localhost port. */
function serve(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const file = join(WEB, path === '/' ? 'index.html' : path);
    if (!file.startsWith(WEB) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const addr = server.address();
    resolve({ server, url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/` });
  }));
}

/** What the CLI gives for SOURCE's forms: the last value as prin1 prints it, or the error's message. */
function cliExpect(source: string): { ok: boolean; text: string } {
  const wrapped = `(condition-case err (prin1 (progn ${source})) (error (princ "\\nERROR:") (princ (error-message-string err))))`;
  const r = spawnSync(process.execPath, ['--stack-size=6000', CLI, '--batch', '--eval', wrapped], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const cut = r.stdout.indexOf('\nERROR:');
  return cut < 0 ? { ok: true, text: r.stdout } : { ok: false, text: r.stdout.slice(cut + 7) };
}

let context: BrowserContext | null = null;
let server: Server | null = null;
let page: Page;
let userDir = '';
let firstResultMs = NaN;

before(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(`The browser test needs Chromium at ${CHROMIUM} (or set TSMACS_CHROMIUM). On Debian/Ubuntu: apt-get update && apt-get install -y chromium`);
  if (!existsSync(join(WEB, 'tsmacs.pdmp')) || !existsSync(join(WEB, 'worker.js')))
    throw new Error(`dist/web/ is not built: run npm run build`);
  const s = await serve();
  server = s.server;
  userDir = mkdtempSync(join(tmpdir(), 'tsmacs-chromium-'));
  // A fresh profile, no network beyond localhost, nothing phoning home.
  context = await chromium.launchPersistentContext(userDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  page = context.pages()[0] ?? await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(s.url, { waitUntil: 'load' });
  // Right after load, as a visitor would: the request waits in the worker's queue until the image is in.
  await runForm('(+ 1 2)');
  firstResultMs = Number(await page.evaluate(() => document.body.dataset.firstResultMs));
  assert.deepEqual(problems, []);
});

after(async () => {
  await context?.close();
  server?.close();
  if (userDir) rmSync(userDir, { recursive: true, force: true });
});

/** Put SOURCE in the editor, press Run, wait for the result; gives the value (or error) panel and the output panels. */
async function runForm(source: string): Promise<{ kind: string; result: string; output: string; errors: string }> {
  await page.fill('#editor', source);
  await page.click('#run');
  await page.waitForSelector('#result[data-kind]', { timeout: 60_000 });
  return page.evaluate(() => ({
    kind: document.getElementById('result')!.dataset.kind!,
    result: document.getElementById('result')!.textContent!,
    output: document.getElementById('output')!.textContent!,
    errors: document.getElementById('errors')!.textContent!,
  }));
}

test('(+ 1 2) gives 3, as the first result after page load', async () => {
  const got = await page.evaluate(() => document.getElementById('result')!.textContent);
  assert.equal(got, cliExpect('(+ 1 2)').text);
  assert.ok(firstResultMs > 0, 'the page records the time to its first result');
  console.log(`# page load to first result: ${firstResultMs.toFixed(0)} ms`);
});

test('a cl-loop (cl-lib fetched on demand from the worker) gives what the CLI gives', async () => {
  const src = "(require 'cl-lib) (cl-loop for i from 1 to 10 when (cl-oddp i) collect (* i i) into sq finally return (list sq (apply #'+ sq)))";
  const got = await runForm(src);
  assert.equal(got.kind, 'value');
  assert.equal(got.result, cliExpect(src).text);
  assert.equal(got.errors, '');
});

test('strings, regexps and docstrings (from the DOC file) match the CLI', async () => {
  for (const src of [
    '(let ((s "Emacs 28.2")) (string-match "\\\\([0-9]+\\\\)\\\\.\\\\([0-9]+\\\\)" s) (list (match-string 1 s) (match-string 2 s) (upcase s)))',
    "(documentation 'car)",
    "(get-char-code-property ?é 'name)",
    '(format "%S %s %05.1f" (list 1 "two") (expt 2 70) 3.14159)',
  ]) {
    const got = await runForm(src);
    assert.equal(got.kind, 'value', `${src}: ${got.errors}`);
    assert.equal(got.result, cliExpect(src).text, src);
  }
});

test('an error is shown as an error, apart from the output', async () => {
  const src = "(princ \"before\") (car 'not-a-list)";
  const got = await runForm(src);
  assert.equal(got.kind, 'error');
  assert.equal(got.result, '');
  assert.equal(got.output, 'before');
  assert.equal(got.errors, cliExpect(src).text);
});

test('stdout goes to the output, messages to the errors panel, as the CLI writes them', async () => {
  const src = '(princ "to stdout") (message "to stderr %d" 42) (princ "more\\n") (message "again")';
  const got = await runForm(src + ' :done');
  const cli = spawnSync(process.execPath, ['--stack-size=6000', CLI, '--batch', '--eval', `(progn ${src})`], { encoding: 'utf8' });
  assert.equal(got.output, cli.stdout);
  assert.equal(got.errors, cli.stderr);
  assert.equal(got.result, ':done');
});

test('a runaway evaluation leaves the page responsive, and Stop restarts the worker', async () => {
  await page.fill('#editor', '(while t)');
  await page.click('#run');
  await page.waitForSelector('#status[data-state="running"]');
  // The page answers while the worker spins.
  assert.equal(await page.evaluate(() => 1 + 1), 2);
  await page.click('#stop');
  assert.equal(await page.evaluate(() => document.getElementById('result')!.dataset.kind), 'stopped');
  const got = await runForm('(* 6 7)');
  assert.equal(got.result, '42');
});

test('a runaway printer streams output in batches, capped, and the page keeps answering', async () => {
  await page.fill('#editor', '(while t (princ "0123456789") (message "m"))');
  await page.click('#run');
  await page.waitForSelector('#output[data-truncated]', { timeout: 60_000 });
  await page.waitForSelector('#errors[data-truncated]', { timeout: 60_000 });
  const sizes = await page.evaluate(() => [document.getElementById('output')!.textContent!.length, document.getElementById('errors')!.textContent!.length]);
  assert.ok(sizes.every((n) => n > 200_000 && n < 200_100), String(sizes));
  await page.click('#stop');
  assert.equal((await runForm('(+ 40 2)')).result, '42');
});

test('bundle and image sizes, compressed', () => {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const n of readdirSync(dir)) {
      const p = join(dir, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(js|html)$/.test(n)) files.push(p);
    }
  };
  walk(WEB);
  const bundle = Buffer.concat(files.filter((f) => !f.includes('/files/')).map((f) => readFileSync(f)));
  const image = readFileSync(join(WEB, 'tsmacs.pdmp'));
  const line = (name: string, b: Buffer): string =>
    `${name}: ${b.length} bytes, gzip -9 ${gzipSync(b, { level: 9 }).length}, brotli -11 ${brotliCompressSync(b, { params: { [zc.BROTLI_PARAM_QUALITY]: 11 } }).length}`;
  console.log(`# ${line('bundle (js + html)', bundle)}\n# ${line('image', image)}`);
  assert.ok(bundle.length > 0 && image.length > 0);
});
