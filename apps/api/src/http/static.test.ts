// The built web app goes out compressed as the browser accepts, hashed files cached for a year,
// index.html revalidated on every load (also where it answers a browser route).
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IMMUTABLE, isHashedAsset, precompress, REVALIDATE, registerWebApp } from "./static";

let dist: string;
const script = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `word${i % 37}`))};\n`;
const html = `<!doctype html><html><head><script type="module" src="/assets/index-Ab3_x9Zq.js"></script></head><body>${"<p>Fivefold</p>".repeat(100)}</body></html>`;

beforeAll(() => {
  dist = mkdtempSync(join(tmpdir(), "fivefold-static-"));
  mkdirSync(join(dist, "assets"));
  writeFileSync(join(dist, "index.html"), html);
  writeFileSync(join(dist, "assets", "index-Ab3_x9Zq.js"), script);
  writeFileSync(join(dist, "assets", "tiny-Zz9_Yy8x.js"), "export {};\n");
  writeFileSync(
    join(dist, "favicon.svg"),
    `<svg xmlns="http://www.w3.org/2000/svg">${"<g/>".repeat(300)}</svg>`,
  );
});
afterAll(() => rmSync(dist, { recursive: true, force: true }));

async function server() {
  const app = Fastify();
  await registerWebApp(app, dist, { precompress: false });
  return app;
}

describe("the built web app", () => {
  it("tells hashed files from the others", () => {
    expect(isHashedAsset("assets/index-Ab3_x9Zq.js")).toBe(true);
    expect(isHashedAsset("assets/AdminAuditPage-D3AbVuzr.js")).toBe(true);
    expect(isHashedAsset("index.html")).toBe(false);
    expect(isHashedAsset("favicon.svg")).toBe(false);
    expect(isHashedAsset("assets/logo.svg")).toBe(false);
  });

  it("writes brotli and gzip copies of compressible files once, and again when a file changes", async () => {
    expect((await precompress(dist)).written).toBe(6); // index.html, the script, the icon: two each
    expect((await precompress(dist)).written).toBe(0);
    expect(brotliDecompressSync(readFileSync(join(dist, "assets", "index-Ab3_x9Zq.js.br"))).toString()).toBe(
      script,
    );
    expect(gunzipSync(readFileSync(join(dist, "index.html.gz"))).toString()).toBe(html);
    // Below 1 KB nothing is gained.
    expect(() => readFileSync(join(dist, "assets", "tiny-Zz9_Yy8x.js.br"))).toThrow();
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(dist, "index.html"), later, later);
    expect((await precompress(dist)).written).toBe(2);
  });

  it("serves brotli, else gzip, else the file, with the cache policy of each", async () => {
    await precompress(dist);
    const app = await server();
    const br = await app.inject({
      url: "/assets/index-Ab3_x9Zq.js",
      headers: { "accept-encoding": "gzip, br" },
    });
    expect(br.statusCode).toBe(200);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["content-type"]).toMatch(/javascript/);
    expect(br.headers["cache-control"]).toBe(IMMUTABLE);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);

    const gz = await app.inject({ url: "/assets/index-Ab3_x9Zq.js", headers: { "accept-encoding": "gzip" } });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);

    const plain = await app.inject({ url: "/assets/index-Ab3_x9Zq.js" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toBe(script);
    expect(plain.headers["cache-control"]).toBe(IMMUTABLE);

    for (const url of ["/", "/index.html", "/reports/some-browser-route"]) {
      const page = await app.inject({ url, headers: { "accept-encoding": "br" } });
      expect(page.statusCode, url).toBe(200);
      expect(page.headers["cache-control"], url).toBe(REVALIDATE);
      expect(page.headers["content-encoding"], url).toBe("br");
      expect(brotliDecompressSync(page.rawPayload).toString(), url).toBe(html);
    }
    const icon = await app.inject({ url: "/favicon.svg" });
    expect(icon.headers["cache-control"]).toBe(REVALIDATE);
    expect((await app.inject({ url: "/trpc/nothing" })).statusCode).toBe(404);
    await app.close();
  });

  it("serves a file whose copies are not written yet uncompressed", async () => {
    const name = `late-${randomBytes(6).toString("base64url").slice(0, 8)}.js`;
    writeFileSync(join(dist, "assets", name), script);
    const again = await server();
    const res = await again.inject({ url: `/assets/${name}`, headers: { "accept-encoding": "br, gzip" } });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.body).toBe(script);
    await again.close();
  });
});
