// Security headers on every answer (docs/security.md, "Headers"), through helmet. The page loads
// only its own scripts (the built index.html has no inline script) and may not be framed;
// referrers are never sent, so a one-time link in the address bar does not leak to anything the
// page links to. Mantine writes its theme's CSS variables into <style> elements at run time, so
// style elements may be inline; that is the one allowance, and it lets no script run.
//
// Helmet decides the headers; nothing in them depends on the request (no nonces, no per-route
// settings), so they are decided once at start and set on every answer as they are. Fastify's
// helmet plugin built helmet's middleware again on every request (7 % of a busy server's time).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { FastifyInstance } from "fastify";
import helmet, { type HelmetOptions } from "helmet";

export interface HeaderOptions {
  /** Served over HTTPS (PUBLIC_URL is https://…): add HSTS and upgrade stray http:// requests. */
  https: boolean;
}

export function contentSecurityPolicy(https: boolean): Record<string, string[]> {
  return {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "script-src-attr": ["'none'"],
    // <style> elements may be inline (Mantine's), style="" attributes in markup may not; React
    // sets style properties through the CSSOM, which this does not restrict.
    "style-src": ["'self'"],
    "style-src-elem": ["'self'", "'unsafe-inline'"],
    "style-src-attr": ["'none'"],
    // The favicon is a data: URL; nothing else loads images from elsewhere.
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    ...(https ? { "upgrade-insecure-requests": [] } : {}),
  };
}

function helmetOptions(options: HeaderOptions): HelmetOptions {
  return {
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(options.https) },
    // A year, subdomains included (ASVS 5.0 3.4.1 at level 2); not preloaded: that is the operator's choice.
    strictTransportSecurity: options.https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: "no-referrer" },
    frameguard: { action: "deny" },
    crossOriginOpenerPolicy: { policy: "same-origin" },
    crossOriginResourcePolicy: { policy: "same-origin" },
    crossOriginEmbedderPolicy: false,
    xPoweredBy: true,
  };
}

/** The headers helmet sets with these options, and the ones it removes, read off one run of it. */
export function securityHeaders(options: HeaderOptions): { set: [string, string][]; removed: string[] } {
  const set = new Map<string, string>();
  const removed = new Set<string>();
  const response = {
    setHeader(name: string, value: string | number | readonly string[]) {
      set.set(name, Array.isArray(value) ? value.join(", ") : String(value));
      removed.delete(name.toLowerCase());
    },
    removeHeader(name: string) {
      removed.add(name.toLowerCase());
    },
  };
  let failure: unknown;
  helmet(helmetOptions(options))(
    {} as IncomingMessage,
    response as unknown as ServerResponse,
    (error?: unknown) => {
      failure = error;
    },
  );
  if (failure) throw failure;
  return { set: [...set], removed: [...removed] };
}

export async function registerSecurityHeaders(app: FastifyInstance, options: HeaderOptions): Promise<void> {
  const { set, removed } = securityHeaders(options);
  app.addHook("onRequest", (_req, reply, done) => {
    for (const [name, value] of set) reply.raw.setHeader(name, value);
    for (const name of removed) reply.raw.removeHeader(name);
    done();
  });
  // API answers are about one person and one moment: never kept by a browser or a shared cache.
  app.addHook("onSend", async (req, reply) => {
    if (req.url.startsWith("/trpc") || req.url.startsWith("/api/") || req.url.startsWith("/scim/")) {
      reply.header("cache-control", "no-store");
    }
  });
}
