// The explorer end to end, in Debian's Chromium driven by playwright-core: the web app and the
// TypeScript are built, the bundled corpus and two hostile documents are ingested into a
// temporary store, `atlas serve` is started on it (port 0), and the page is used as a
// researcher would: ask, click a chart point, filter by a map place, download, read. A hostile
// document (script tags, onerror images, javascript: links, in a .txt and an .html) must run
// nothing and leave no element of its own in the page. Screenshots of each view go to
// test-results/ (ignored by git).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const shots = join(root, 'test-results');
const atlasBin = join(root, 'bin', 'atlas.js');
const env = { ...process.env, ATLAS_DB: '', ATLAS_TOKEN: '' };
const QUESTION = 'How many North Korean troops were sent to Russia?';
const TOKEN = 'e2e-token-0123456789abcdef';

// Every way a document could try to become markup. Each payload sets window.__pwned if it runs.
const HOSTILE_TXT = `---
title: "Hostile <img src=x onerror=\\"window.__pwned='title'\\"> note"
source: "javascript:window.__pwned='source'"
date: 2020-01-01
---
In 2019 about 5,000 North Korean workers were in Vladivostok <script>window.__pwned='script'</script> according to the ministry.
The page said <img src=x onerror="window.__pwned='img'"> and <a href="javascript:window.__pwned='link'">click here</a> for details.
In 2018 <svg onload="window.__pwned='svg'"></svg> roughly 3,000 North Korean students were in Moscow.
<iframe srcdoc="<script>parent.__pwned='iframe'</script>"></iframe> In 2017 more than 1,000 North Korean workers left Russia.
`;
const HOSTILE_HTML = `<!doctype html>
<html><head><title>Hostile page <img src=x onerror="window.__pwned='htmltitle'"></title>
<script>window.__pwned='head-script'</script></head>
<body onload="window.__pwned='body'">
<h1>Workers &lt;script&gt;window.__pwned='entity'&lt;/script&gt;</h1>
<p>In 2016 about 7,000 North Korean workers were in Khabarovsk. <img src=x onerror="window.__pwned='img2'"></p>
<p>See <a href="javascript:window.__pwned='link2'">this link</a>; in 2015 up to 2,000 North Korean refugees reached Russia.</p>
<p>&lt;img src=x onerror="window.__pwned='escaped'"&gt; In 2014 roughly 4,000 North Korean students were in Vladivostok.</p>
<script>window.__pwned='body-script'</script>
</body></html>
`;

function run(args: string[], what: string, allowed: number[] = [0]): void {
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env, timeout: 240_000 });
  if (r.status === null || !allowed.includes(r.status)) {
    throw new Error(`${what} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  if (r.status !== 0) console.warn(`${what} exited ${r.status}:\n${r.stdout.slice(0, 2000)}`);
}

const mtime = (p: string) => (existsSync(p) ? statSync(p).mtimeMs : 0);
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return latest;
}

/**
 * Builds what is stale: the explorer (vite) and the TypeScript (tsc). Only what is stale,
 * because `npm test` has built both already and other test files run atlas from dist/
 * meanwhile: a rewrite under their feet could hand them a half-written module.
 */
function build(): void {
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  if (mtime(join(root, 'dist', 'web', 'index.html')) < Math.max(newest(join(root, 'web')), newest(join(root, 'src')))) {
    run([vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'error'], 'vite build');
  }
  if (mtime(join(root, 'dist', 'cli', 'main.js')) < newest(join(root, 'src'))) {
    // 2: type errors, code emitted anyway; `npm run lint` is where types fail the build
    run([join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], 'tsc', [0, 2]);
  }
}

interface Server {
  url: string;
  child: ChildProcess;
}

/** `atlas serve --port 0`; resolves with the URL it prints. */
function serve(db: string, extra: string[] = [], extraEnv: Record<string, string> = {}): Promise<Server> {
  const child = spawn(process.execPath, [atlasBin, 'serve', '--db', db, '--port', '0', '--rate-limit', '0', ...extra], {
    cwd: root,
    env: { ...env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`atlas serve printed no URL within 20 s:\n${out}`)), 20_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /served at (http:\/\/\S+?)\/?(?:\s|$)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: `${m[1]}/`, child });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`atlas serve exited (${code}):\n${out}`));
    });
  });
}

/** A place circle on the map that is not covered by another, so a click lands on it. */
async function clickablePlace(page: Page): Promise<string> {
  const id = await page.evaluate(() => {
    const circles = [...document.querySelectorAll<SVGElement>('#map [data-pick]')];
    for (const c of circles) {
      c.scrollIntoView({ block: 'center' });
      const r = c.getBoundingClientRect();
      if (document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === c) return c.getAttribute('data-pick');
    }
    return null;
  });
  if (!id) throw new Error('no map place can be clicked');
  return id;
}

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`explorer e2e skipped: ${CHROMIUM} is missing (apt-get install chromium)`);

describe.skipIf(!haveChromium)('the explorer in Chromium', () => {
  let dir = '';
  let server: Server | null = null;
  let writeServer: Server | null = null;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  const dialogs: string[] = [];

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    build();
    dir = mkdtempSync(join(tmpdir(), 'atlas-e2e-'));
    writeFileSync(join(dir, 'hostile-note.txt'), HOSTILE_TXT);
    writeFileSync(join(dir, 'hostile-page.html'), HOSTILE_HTML);
    const docs = [
      join(root, 'corpus', 'north-koreans-in-russia.txt'),
      join(dir, 'hostile-note.txt'),
      join(dir, 'hostile-page.html'),
    ];
    run([atlasBin, 'ingest', ...docs, '--db', join(dir, 'atlas.db'), '--no-diff'], 'ingest');
    run([atlasBin, 'ingest', ...docs, '--db', join(dir, 'write.db'), '--no-diff'], 'ingest (write store)');
    server = await serve(join(dir, 'atlas.db'));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    // the page must live within the server's CSP: a blocked script or style is a bug here too
    page.on('console', (m) => {
      if (/Content.Security.Policy/i.test(m.text())) pageErrors.push(m.text());
    });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    server?.child.kill('SIGTERM');
    writeServer?.child.kill('SIGTERM');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('loads the overview: ask box, estimates, map, timeline, claims', async () => {
    await page.goto(server!.url);
    await page.waitForSelector('#estimates svg');
    await page.waitForSelector('#map svg');
    await page.waitForSelector('#timeline svg');
    await page.waitForSelector('#claims tbody tr');
    expect(await page.title()).toBe('Diaspora Atlas');
    expect(await page.locator('#estimates [data-group="soldiers"] [data-pick]').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(shots, 'explorer-overview.png'), fullPage: true });
    await page.locator('#estimates').screenshot({ path: join(shots, 'explorer-estimates.png') });
    await page.locator('#timeline').screenshot({ path: join(shots, 'explorer-timeline.png') });
    expect(pageErrors).toEqual([]);
  });

  it('answers the troops question with 12,000 and its citation, which opens the reader', async () => {
    await page.fill('#ask-input', QUESTION);
    await page.press('#ask-input', 'Enter');
    await page.waitForSelector('.answer-value');
    expect(await page.textContent('.answer-value')).toContain('12,000');
    const citation = page.locator('.citations button').first();
    expect(await citation.textContent()).toContain('about 12,000 troops');
    expect(new URL(page.url()).searchParams.get('q')).toBe(QUESTION);
    await page.locator('#ask').screenshot({ path: join(shots, 'explorer-ask.png') });

    await citation.click();
    await page.waitForSelector('#reader .sentence.focus');
    expect(await page.textContent('#reader .sentence.focus')).toContain('about 12,000 troops');
    expect(new URL(page.url()).searchParams.get('doc')).toBe('north-koreans-in-russia');

    // back closes the reader and keeps the answer; forward opens it again
    await page.goBack();
    await page.waitForSelector('#reader .sentence.focus', { state: 'detached' });
    expect(await page.textContent('.answer-value')).toContain('12,000');
    await page.goForward();
    await page.waitForSelector('#reader .sentence.focus');
  });

  it('opens the reader at a claim clicked on the estimates chart', async () => {
    await page.goto(server!.url);
    const point = page.locator('#estimates [data-group="soldiers"] [data-pick][aria-label*="12,000"]');
    await point.click();
    await page.waitForSelector('#reader .sentence.focus');
    expect(await page.textContent('#reader .sentence.focus')).toContain('about 12,000 troops');
    expect(await page.textContent('#reader mark.hl-focus')).toBe('about 12,000');
    expect(await page.getAttribute('#reader .claim-list li.focus button', 'aria-current')).toBe('true');
    await page.locator('#reader').screenshot({ path: join(shots, 'explorer-reader.png') });
  });

  it('reaches a chart point from the keyboard', async () => {
    await page.goto(server!.url);
    const point = page.locator('#estimates [data-group="soldiers"] [data-pick][aria-label*="12,000"]');
    await point.focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('#reader .sentence.focus');
    expect(await page.textContent('#reader .sentence.focus')).toContain('12,000');
  });

  it('filters every view to a place clicked on the map, and back undoes it', async () => {
    await page.goto(server!.url);
    await page.waitForSelector('#map [data-pick]');
    await page.waitForSelector('#claims tbody tr');
    const before = await page.locator('#claims tbody tr').count();
    const id = await clickablePlace(page);
    await page.click(`#map [data-pick="${id}"]`);
    await page.waitForFunction((p) => new URL(location.href).searchParams.get('place') === p, id);
    expect(await page.inputValue('#f-place')).toBe(id);
    await page.waitForSelector(`#map [data-pick="${id}"][fill="#c1121f"]`);
    await page.waitForFunction((n) => document.querySelectorAll('#claims tbody tr').length < n, before);
    await page.locator('#map').screenshot({ path: join(shots, 'explorer-map.png') });
    await page.goBack();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('place'));
    await page.waitForFunction((n) => document.querySelectorAll('#claims tbody tr').length === n, before);
  });

  it('downloads the claims shown as CSV and JSON', async () => {
    await page.goto(`${server!.url}?group=soldiers`);
    await page.waitForSelector('#claims tbody tr');
    const rows = await page.locator('#claims tbody tr').count();
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#claims button:text-is("CSV")')]);
    expect(csv.suggestedFilename()).toBe('claims.csv');
    const text = readFileSync(await csv.path(), 'utf8');
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^id,kind,document,document_title,document_url,text,measure/);
    expect(lines).toHaveLength(rows + 1);
    expect(text).toContain('about 12,000');
    expect(text).toContain('12000');
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('#claims button:text-is("JSON")')]);
    const data = JSON.parse(readFileSync(await json.path(), 'utf8'));
    expect(data).toHaveLength(rows);
    expect(data.every((c: { group: { kind: string } }) => c.group.kind === 'soldiers')).toBe(true);
    await page.locator('#claims').screenshot({ path: join(shots, 'explorer-claims.png') });
  });

  it('downloads a chart as SVG and PNG', async () => {
    await page.goto(server!.url);
    const chart = page.locator('#estimates [data-group="soldiers"]');
    await chart.locator('svg').first().waitFor();
    const [svg] = await Promise.all([page.waitForEvent('download'), chart.locator('button:text-is("SVG")').click()]);
    const source = readFileSync(await svg.path(), 'utf8');
    expect(svg.suggestedFilename()).toBe('estimates-soldiers.svg');
    expect(source).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const [png] = await Promise.all([page.waitForEvent('download'), chart.locator('button:text-is("PNG")').click()]);
    const bytes = readFileSync(await png.path());
    expect(png.suggestedFilename()).toBe('estimates-soldiers.png');
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(bytes.length).toBeGreaterThan(2000);
  });

  for (const doc of ['hostile-note', 'hostile-page']) {
    it(`shows the hostile document ${doc} as text and runs none of it`, async () => {
      await page.goto(`${server!.url}?doc=${doc}`);
      await page.waitForSelector('#reader .doc-text .sentence');
      // the payloads are there, as text
      const shown = await page.textContent('#reader .doc-text');
      expect(shown).toContain('onerror=');
      expect(shown).toContain('javascript:');
      await page.waitForTimeout(300);
      const state = await page.evaluate(() => ({
        pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
        inText: document.querySelectorAll(
          '#reader .doc-text :is(img, script, a, iframe, svg, object, embed, style, link, [onerror], [onload])',
        ).length,
        images: document.querySelectorAll('img').length,
        iframes: document.querySelectorAll('iframe').length,
        scriptLinks: document.querySelectorAll('[href^="javascript:" i], [src^="javascript:" i]').length,
        handlers: [...document.querySelectorAll('*')].filter((el) =>
          [...el.attributes].some((a) => a.name.toLowerCase().startsWith('on')),
        ).length,
      }));
      expect(state).toEqual({ pwned: null, inText: 0, images: 0, iframes: 0, scriptLinks: 0, handlers: 0 });
      expect(await page.locator('#reader .claim-list li').count()).toBeGreaterThan(0);
      await page.locator('#reader').screenshot({ path: join(shots, `explorer-${doc}.png`) });
    });
  }

  it('lists hostile titles as text and still runs nothing', async () => {
    await page.goto(server!.url);
    await page.waitForSelector('#reader .doc-list li');
    expect(await page.textContent('#reader .doc-list')).toContain('<img src=x');
    // hovering and tables show the hostile sentences too
    await page.waitForSelector('#claims tbody tr');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned ?? null)).toBeNull();
    expect(await page.locator('img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('has a label for every control', async () => {
    await page.goto(`${server!.url}?doc=north-koreans-in-russia`);
    await page.waitForSelector('#reader .doc-text');
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll('input, select, textarea, button')]
        .filter((el) => {
          const id = el.getAttribute('id');
          const label = id ? document.querySelector(`label[for="${CSS.escape(id)}"]`) : null;
          return !label && !el.closest('label') && !el.getAttribute('aria-label') && !el.textContent?.trim();
        })
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(unlabelled).toEqual([]);
  });

  it('is readable at 1280x800 and at 390x844 without sideways scrolling', async () => {
    for (const [width, height, name] of [
      [1280, 800, 'desktop'],
      [390, 844, 'phone'],
    ] as const) {
      const p = await context.newPage();
      await p.setViewportSize({ width, height });
      await p.goto(`${server!.url}?q=${encodeURIComponent(QUESTION)}`);
      await p.waitForSelector('#estimates svg');
      await p.waitForSelector('.answer-value');
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${name} overflows sideways`).toBeLessThanOrEqual(0);
      await p.screenshot({ path: join(shots, `explorer-${name}.png`) });
      await p.close();
    }
  });

  it('rejects and corrects a claim in place in write mode, with the token', async () => {
    writeServer = await serve(join(dir, 'write.db'), ['--write'], { ATLAS_TOKEN: TOKEN });
    const p = await context.newPage();
    await p.goto(`${writeServer.url}?doc=hostile-note`);
    await p.waitForSelector('#reader .claim-list li');
    const first = p.locator('#reader .claim-list li').first();

    // no token yet: the page says so and sends nothing
    await first.locator('button:text-is("Reject")').click();
    await first.locator('.error').waitFor();

    await p.fill('#write-token', TOKEN);
    await first.locator('button:text-is("Reject")').click();
    await p.waitForSelector('#reader .claim-list li.rejected');
    expect(await first.locator('.status').textContent()).toBe('rejected');

    const second = p.locator('#reader .claim-list li').nth(1);
    await second.locator('button:text-is("Correct…")').click();
    await second.locator('input[name="value"]').fill('3,500');
    await second.locator('input[name="note"]').fill('checked against the ministry');
    await second.locator('button[type="submit"]').click();
    await p.waitForFunction(() => document.querySelectorAll('#reader .claim-list .status-corrected').length === 1);
    expect(await p.textContent('#reader .claim-list')).toContain('3,500');
    await p.locator('#reader').screenshot({ path: join(shots, 'explorer-write.png') });
    await p.close();
  });
});
