// `atlas serve` as a user runs it: a spawned process on a free port (--port 0 prints the real
// URL), answering /api/health and /api/ask, stopping cleanly on SIGTERM; and the refusals:
// --write without ATLAS_TOKEN, on loopback or on 0.0.0.0, and a port already in use. Needs the
// build (npm test builds first).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const atlasBin = join(root, 'bin', 'atlas.js');
const env = { ...process.env, ATLAS_DB: '', ATLAS_TOKEN: '' };
const dir = mkdtempSync(join(tmpdir(), 'atlas-serve-cli-'));
const db = join(dir, 'atlas.db');
const atlas = (args: string[], extraEnv: Record<string, string> = {}) =>
  spawnSync(process.execPath, [atlasBin, ...args], { cwd: root, encoding: 'utf8', env: { ...env, ...extraEnv } });

/** Starts `atlas serve`, resolves with the child and the URL it prints. */
function start(args: string[], extraEnv: Record<string, string> = {}): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [atlasBin, 'serve', '--db', db, ...args], {
    cwd: root,
    env: { ...env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /served at (http:\/\/\S+)/.exec(out);
      if (m) resolve({ child, url: m[1]! });
    });
    child.stderr!.on('data', (d) => {
      err += d;
    });
    child.on('exit', (code) => reject(new Error(`atlas serve exited ${code}: ${err}`)));
  });
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.on('exit', (code) => resolve(code));
  });

const children: ChildProcess[] = [];

beforeAll(() => {
  const r = atlas(['ingest', join(root, 'corpus'), '--db', db]);
  expect(r.status, r.stderr).toBe(0);
});

afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

describe('atlas serve', () => {
  it('serves on a free port, answers, and exits 0 on SIGTERM', async () => {
    const { child, url } = await start(['--port', '0']);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const health = await fetch(`${url}api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', write: false });
    expect(health.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    const q = encodeURIComponent('How many North Korean troops were sent to Russia?');
    const answer = await (await fetch(`${url}api/ask?q=${q}`)).json();
    expect(answer.answer).toMatchObject({ kind: 'quantity', value: { low: 12000 } });
    const bad = await fetch(`${url}api/claims?from=20x6`);
    expect(bad.status).toBe(400);
    // read-only: the write routes are not there
    expect((await fetch(`${url}api/documents`, { method: 'POST', body: '{}' })).status).toBe(404);
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
  });

  it('in write mode with a token, reviews need the token', async () => {
    const token = 'serve-cli-test-token-0123456789';
    const { child, url } = await start(['--port', '0', '--write'], { ATLAS_TOKEN: token });
    const claim = (await (await fetch(`${url}api/claims?limit=1`)).json()).claims[0].id;
    const review = (headers: Record<string, string>) =>
      fetch(`${url}api/claims/${claim}/review`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ action: 'accept' }),
      });
    expect((await review({})).status).toBe(401);
    expect((await review({ authorization: 'Bearer nope' })).status).toBe(401);
    const ok = await review({ authorization: `Bearer ${token}` });
    expect(ok.status).toBe(200);
    expect((await ok.json()).claim.status).toBe('accepted');
    child.kill('SIGINT');
    expect(await exited(child)).toBe(0);
  });

  it('refuses --write without ATLAS_TOKEN, on loopback and elsewhere', () => {
    const local = atlas(['serve', '--db', db, '--port', '0', '--write']);
    expect(local.status).toBe(1);
    expect(local.stderr).toMatch(/--write needs a token: set ATLAS_TOKEN/);
    const open = atlas(['serve', '--db', db, '--port', '0', '--host', '0.0.0.0', '--write']);
    expect(open.status).toBe(1);
    expect(open.stderr).toMatch(/refusing to serve --write on 0\.0\.0\.0 without a token/);
    expect(open.stdout).toBe('');
  });

  it('says when the port is in use, and refuses a bad port', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const r = atlas(['serve', '--db', db, '--port', String(port)]);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`port ${port} is in use; choose another with --port`);
    } finally {
      blocker.close();
    }
    const bad = atlas(['serve', '--db', db, '--port', 'http']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/invalid --port: http/);
  });
});
