// A tiny static file server for dist/ (tests and benchmarks): loopback only, no dependencies.
// Usage: node scripts/serve.mjs <dir> <port> [--brotli]
// With --brotli (the benchmark: as a real host would serve it) every file is compressed once at
// start (brotli, quality 11) and sent so to a browser that accepts it.
// Tests import `serve` to run their own server and to see every request it answered.
import { createServer } from 'node:http';
import { readFile, readdir, stat } from 'node:fs/promises';
import { brotliCompressSync, constants } from 'node:zlib';
import { extname, join, normalize, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
};

/** Serve `dir` on `port` (0: any free port). Resolves to { port, requests, answers, close }:
 *  `requests` as `METHOD /path`, `answers` as `{ url, status }` in the same order. */
export async function serve(dir, port = 0, brotli = false) {
  const root = resolve(dir);
  const requests = [];
  const answers = [];
  const compressed = new Map();
  if (brotli) {
    const walk = async (d) => (await Promise.all((await readdir(d, { withFileTypes: true })).map((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)])))).flat();
    for (const f of await walk(root)) {
      compressed.set(f, brotliCompressSync(await readFile(f), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    }
  }
  const server = createServer(async (req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const answer = { url: req.url, status: 0 };
    answers.push(answer);
    try {
      const url = new URL(req.url, 'http://localhost');
      let path = normalize(join(root, decodeURIComponent(url.pathname)));
      if (!path.startsWith(root)) { res.writeHead(403).end(); return; }
      if ((await stat(path).catch(() => null))?.isDirectory()) path = join(path, 'index.html');
      // A validator, as real hosts send, so that a revalidation ('no-cache') of an unchanged
      // file is answered 304 without the body.
      const st = await stat(path);
      const etag = `"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`;
      if (req.headers['if-none-match'] === etag) { answer.status = 304; res.writeHead(304, { ETag: etag, 'Cache-Control': 'no-cache' }).end(); return; }
      const br = compressed.get(path) && /\bbr\b/.test(req.headers['accept-encoding'] || '');
      const body = br ? compressed.get(path) : await readFile(path);
      const headers = { 'Content-Type': types[extname(path)] || 'application/octet-stream', 'Cache-Control': 'no-cache', ETag: etag };
      if (br) headers['Content-Encoding'] = 'br';
      answer.status = 200;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      answer.status = 404;
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => ok({
    port: server.address().port,
    requests,
    answers,
    close: () => new Promise((done) => { server.closeAllConnections?.(); server.close(() => done()); }),
  })));
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2] || 'dist';
  const s = await serve(dir, Number(process.argv[3] || 8765), process.argv.includes('--brotli'));
  console.log(`serving ${resolve(dir)} at http://127.0.0.1:${s.port}`);
}
