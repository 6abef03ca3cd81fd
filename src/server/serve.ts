/**
 * The app on a socket. Binds to loopback unless told otherwise, and refuses write mode without a
 * token anywhere: on loopback another local user or a browser tab could still reach it, and on
 * any other address anyone who can route to it could rewrite the atlas.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { InputError } from '../errors.js';
import type { Store } from '../store/types.js';
import { createApp } from './app.js';
import type { RateLimit } from './security.js';

export interface ServeOptions {
  store: Store;
  /** 0 picks any free port */
  port: number;
  host: string;
  write: boolean;
  token: string | null;
  webRoot: string | null;
  rateLimit?: RateLimit | false;
  log?: (line: string) => void;
}

export interface Served {
  /** e.g. http://127.0.0.1:8080/ (the real port when 0 was asked) */
  url: string;
  port: number;
  /** stops accepting, ends open connections, resolves when the server is closed */
  close(): Promise<void>;
}

/** Whether a host name or address only reaches this machine. */
export function isLoopback(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(?:\.\d{1,3}){3}$/.test(h) || /^::ffff:127(?:\.\d{1,3}){3}$/.test(h);
}

/** Checks the options before anything listens: InputError with what to do instead. */
export function checkServeOptions(o: Pick<ServeOptions, 'port' | 'host' | 'write' | 'token'>): void {
  if (!Number.isInteger(o.port) || o.port < 0 || o.port > 65535) {
    throw new InputError(`invalid --port: ${o.port} (expected a port from 0 to 65535; 0 picks a free one)`);
  }
  if (!o.host.trim() || o.host.length > 255 || /[\s/]/.test(o.host)) {
    throw new InputError(`invalid --host: ${o.host} (expected an address such as 127.0.0.1)`);
  }
  if (o.write && !o.token) {
    throw new InputError(
      isLoopback(o.host)
        ? '--write needs a token: set ATLAS_TOKEN to a secret; clients send it as Authorization: Bearer <token>'
        : `refusing to serve --write on ${o.host} without a token: anyone who can reach it could change the atlas; set ATLAS_TOKEN, or bind 127.0.0.1`,
    );
  }
}

export async function serve(options: ServeOptions): Promise<Served> {
  checkServeOptions(options);
  const app = createApp({
    store: options.store,
    write: options.write,
    token: options.token,
    webRoot: options.webRoot,
    ...(options.rateLimit !== undefined ? { rateLimit: options.rateLimit } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  // a slow client (slowloris) cannot hold a connection open forever
  server.headersTimeout = 20_000;
  server.requestTimeout = 120_000;
  await new Promise<void>((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (e.code === 'EADDRINUSE') reject(new InputError(`port ${options.port} is in use; choose another with --port`));
      else if (e.code === 'EACCES')
        reject(
          new InputError(`cannot bind port ${options.port}: permission denied; choose a port above 1023 with --port`),
        );
      else if (e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN')
        reject(new InputError(`cannot bind --host ${options.host}: no such address on this machine`));
      else reject(e);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(options.port, options.host);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' || address.address.includes(':') ? `[${address.address}]` : address.address;
  let closing: Promise<void> | null = null;
  return {
    url: `http://${host}:${address.port}/`,
    port: address.port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        // requests in flight get a moment to finish, then their connections are ended
        setTimeout(() => server.closeAllConnections(), 2000).unref();
      });
      return closing;
    },
  };
}
