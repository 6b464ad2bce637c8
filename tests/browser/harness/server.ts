import fs from 'fs';
import http from 'http';
import { AddressInfo } from 'net';
import path from 'path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};

export interface StaticServer {
  url: string;
  /** Paths that were asked for and not found (each is also a failure the page will report). */
  missing: string[];
  close(): Promise<void>;
}

/** Takes a request before the static files (a fake API, say): true when it answers it, now or later. */
export type RequestHandler = (req: http.IncomingMessage, res: http.ServerResponse) => boolean;

/** Serves files from `roots` (URL prefix → directory) on 127.0.0.1 at a free port; `handle` sees each request first. */
export async function serveStatic(roots: Record<string, string>, handle?: RequestHandler): Promise<StaticServer> {
  const missing: string[] = [];
  const prefixes = Object.keys(roots).sort((a, b) => b.length - a.length);
  const server = http.createServer((req, res) => {
    if (handle?.(req, res)) {
      return;
    }
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const prefix = prefixes.find((p) => pathname.startsWith(p));
    const root = prefix === undefined ? undefined : path.resolve(roots[prefix]);
    const file = root && path.resolve(root, `.${pathname.slice(prefix!.length - 1)}`);
    if (!root || !file || !file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      missing.push(pathname);
      res.writeHead(404).end();
      return;
    }
    // Files do not change while a server runs (each harness bundles into a fresh directory), so the browser may keep
    // them: each page of a test opens the same large bundle, and a cached script is also compiled once.
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'max-age=3600, immutable',
    });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    missing,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A loopback port nothing listens on (bound, then released): the address of an unreachable server. */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
