import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../errors.js';
import { checkServeOptions, isLoopback, serve } from '../../server/serve.js';
import { openStore } from '../../store/open.js';
import type { DbOption } from '../open-store.js';
import type { Output } from '../output.js';

export interface ServeCommandOptions extends DbOption {
  port?: string;
  host?: string;
  write?: boolean;
  rateLimit?: string;
}

/**
 * The built explorer: dist/web beside the compiled code (this file is dist/cli/commands/serve.js).
 * Run from source (tsx), the same relative path finds nothing and only the API is served.
 */
export const WEB_ROOT = fileURLToPath(new URL('../../web', import.meta.url));

/**
 * `atlas serve [--db D] [--port 8080] [--host 127.0.0.1] [--write] [--rate-limit 50]`: serves
 * until SIGINT or SIGTERM, then closes the server and the store and returns (exit 0).
 */
export async function serveCommand(options: ServeCommandOptions, io: Output): Promise<void> {
  const port = whole('--port', options.port ?? '8080', 65535);
  const host = options.host ?? '127.0.0.1';
  const write = options.write === true;
  const token = process.env.ATLAS_TOKEN || null;
  const perSecond = whole('--rate-limit', options.rateLimit ?? '50', 1_000_000);
  // refused before the store is opened: nothing to undo
  checkServeOptions({ port, host, write, token });
  const webRoot = existsSync(`${WEB_ROOT}/index.html`) ? WEB_ROOT : null;
  const store = await openStore(options.db);
  let served: Awaited<ReturnType<typeof serve>>;
  try {
    served = await serve({
      store,
      port,
      host,
      write,
      token,
      webRoot,
      rateLimit: perSecond === 0 ? false : { perSecond, burst: perSecond * 4 },
      log: (line) => io.err(line),
    });
  } catch (e) {
    await store.close();
    throw e;
  }
  io.out(`Diaspora Atlas is served at ${served.url}`);
  if (!webRoot) io.err(`the explorer is not built (no ${WEB_ROOT}/index.html): serving the API only, under /api`);
  if (write) {
    io.err('write mode: POST /api/documents and /api/claims/{id}/review need Authorization: Bearer $ATLAS_TOKEN');
    if (token && token.length < 16) io.err('warning: ATLAS_TOKEN is short; use at least 16 random characters');
  }
  if (!isLoopback(host)) io.err(`warning: bound to ${host}: reachable from other machines`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await served.close();
  await store.close();
}

function whole(flag: string, value: string, max: number): number {
  if (!/^\d{1,7}$/.test(value.trim()) || Number(value) > max) {
    throw new InputError(`invalid ${flag}: ${value} (expected a whole number from 0 to ${max})`);
  }
  return Number(value);
}
