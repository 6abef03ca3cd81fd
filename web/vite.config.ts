import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [preact()],
  // `vite --config web/vite.config.ts` for working on the page: the API is a running `atlas serve`
  server: { proxy: { '/api': process.env.ATLAS_API ?? 'http://127.0.0.1:8080' } },
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
    // the built page must run under CSP `script-src 'self'`: no inline module preload polyfill
    modulePreload: { polyfill: false },
    // no data: URIs for assets: every asset is a hashed file
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
});
