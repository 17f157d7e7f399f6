// The built web app: compressed (brotli or gzip, as the browser accepts) and cached for as long as
// its content cannot change. Vite names every file under assets/ after a hash of its content, so
// those are cached for a year and never revalidated; index.html (and any other unhashed file) is
// revalidated on every load, so a new release reaches people at their next visit.
//
// The compressed copies sit next to the files (`x.js.br`, `x.js.gz`) and are made here, in the
// background once the server listens: the web build is Vite's own, and a start after a new build
// compresses what changed. A file asked for before its copy exists goes out uncompressed. Copies are
// written to a temporary name and renamed, so several workers starting at once never serve half a
// file; a folder that cannot be written (a read-only image built elsewhere) is served uncompressed.
import { readdir, readFile, rename, stat, unlink, writeFile } from "node:fs/promises";
import { basename, join, relative, sep } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export const IMMUTABLE = "public, max-age=31536000, immutable";
export const REVALIDATE = "no-cache";

/** Worth compressing: text formats the browser loads, from 1 KB (smaller gains less than its headers). */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|webmanifest|xml)$/;
const MIN_BYTES = 1024;

/** Vite's hashed output: `assets/<name>-<hash>.<ext>` (the hash is 8 URL-safe characters). */
export function isHashedAsset(relativePath: string): boolean {
  const parts = relativePath.split(sep).join("/");
  return parts.startsWith("assets/") && /-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/.test(basename(parts));
}

export function cacheControlFor(relativePath: string): string {
  return isHashedAsset(relativePath.replace(/\.(br|gz)$/, "")) ? IMMUTABLE : REVALIDATE;
}

/** Serves `webDist` and answers unknown GETs outside the API with its index.html (browser routing). */
export async function registerWebApp(
  app: FastifyInstance,
  webDist: string,
  options: { precompress?: boolean } = {},
): Promise<void> {
  await app.register(fastifyStatic, {
    root: webDist,
    wildcard: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders(reply, path) {
      reply.header("cache-control", cacheControlFor(relative(webDist, path)));
    },
  });
  // The web app routes in the browser: unknown GETs outside the API get its index.html.
  app.setNotFoundHandler((req, reply) => {
    if (req.method === "GET" && !/^\/(trpc|api\/|healthz|readyz)/.test(req.url)) {
      return reply.type("text/html").sendFile("index.html");
    }
    return reply.status(404).send({ error: "Not found" });
  });
  if (options.precompress !== false) {
    app.addHook("onListen", async () => {
      void precompress(webDist).catch((error: unknown) => {
        app.log.warn(
          { err: error instanceof Error ? error.message : String(error) },
          "the web app is served uncompressed: its compressed copies could not be written",
        );
      });
    });
  }
}

/** Writes `.br` and `.gz` beside every compressible file whose copies are missing or older. */
export async function precompress(folder: string): Promise<{ written: number }> {
  let written = 0;
  for (const file of await listFiles(folder)) {
    if (!COMPRESSIBLE.test(file)) continue;
    const info = await stat(file);
    if (info.size < MIN_BYTES) continue;
    for (const [suffix, compress] of [
      [".br", brotliOf],
      [".gz", gzipOf],
    ] as const) {
      const copy = `${file}${suffix}`;
      const existing = await stat(copy).catch(() => null);
      if (existing && existing.mtimeMs >= info.mtimeMs) continue;
      const body = await compress(await readFile(file));
      const temporary = `${copy}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      try {
        await writeFile(temporary, body);
        await rename(temporary, copy);
        written++;
      } catch (error) {
        await unlink(temporary).catch(() => {});
        throw error;
      }
    }
  }
  return { written };
}

function brotliOf(data: Buffer): Promise<Buffer> {
  return brotli(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
}

function gzipOf(data: Buffer): Promise<Buffer> {
  return gzipAsync(data, { level: 9 });
}

async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}
