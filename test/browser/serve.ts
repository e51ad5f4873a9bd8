/**
 * Builds the test page (index.html, page.ts, worker.ts, and sim/ through them) with Vite into a
 * temporary folder and serves it on 127.0.0.1 at a free port: the browser test loads nothing
 * from anywhere else. A build, not the dev server, so the page never reloads mid-test while Vite
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
    url: `http://127.0.0.1:${port}/index.html`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
