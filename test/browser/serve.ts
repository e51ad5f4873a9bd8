/**
 * Builds a page with Vite into a temporary folder and serves it on 127.0.0.1 at a free port: the
 * browser tests load nothing from anywhere else. servePage: the hash test's page (index.html,
 * page.ts, worker.ts, and sim/ through them); serveApp: the app itself (viz/, with the app's own
 * Vite config). A build, not the dev server, so a page never reloads mid-test while Vite
 * discovers dependencies.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const PAGE_DIR = fileURLToPath(new URL('.', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.css': 'text/css; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface PageServer {
  /** The page's address, e.g. http://127.0.0.1:40123/index.html */
  readonly url: string;
  close(): Promise<void>;
}

export async function servePage(): Promise<PageServer> {
  const outDir = mkdtempSync(join(tmpdir(), 'r2p-browser-'));
  await build({
    configFile: false, // not the app's config (root viz/) nor its test settings
    root: PAGE_DIR,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, minify: false, reportCompressedSize: false },
    worker: { format: 'es' },
  });
  return serveDir(outDir, 'index.html');
}

/** The app as `npm run build` makes it (the app's vite.config.ts), built into a temporary folder. */
export async function serveApp(): Promise<PageServer> {
  const outDir = mkdtempSync(join(tmpdir(), 'r2p-app-'));
  await build({
    configFile: fileURLToPath(new URL('../../vite.config.ts', import.meta.url)),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, reportCompressedSize: false },
  });
  return serveDir(outDir, '');
}

/** Serve the files of `outDir` (read-only, nothing outside it) at http://127.0.0.1:<free port>/<page>. */
async function serveDir(outDir: string, page: string): Promise<PageServer> {
  const server = createServer((req, res) => {
    const path = normalize(join(outDir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
    const file = path === outDir + sep || path === outDir ? join(outDir, 'index.html') : path;
    if (!file.startsWith(outDir + sep) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/${page}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
