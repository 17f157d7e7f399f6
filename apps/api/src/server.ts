// The HTTP server: tRPC at /trpc, Better Auth at /api/auth, SCIM provisioning at /scim/v2, the
// read API at /api/v1 (its OpenAPI document at /api/openapi.json), /healthz and /readyz for load
// balancers, and (when built) the web app.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { type DatabaseHandle, sanitiseDatabaseError } from "@fivefold/db";
import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from "@trpc/server/adapters/fastify";
import { sql } from "drizzle-orm";
import Fastify, { type FastifyInstance } from "fastify";
import type { Auth } from "./auth";
import { registerAuthRoutes } from "./http/auth-routes";
import { API_BODY_LIMIT, registerBodyLimits } from "./http/body-limits";
import { registerSecurityHeaders } from "./http/headers";
import { rememberContext } from "./http/known-answers";
import { registerOriginCheck } from "./http/origin";
import { registerPublicApi } from "./http/public-api";
import { RateLimiter, type RateLimitSettings } from "./http/rate-limits";
import { registerScimRoutes } from "./http/scim-routes";
import { signedInSession } from "./http/session";
import { registerWebApp } from "./http/static";
import { registerTestClock, type TestClockControl } from "./http/test-clock";
import { registerTrpcResponses } from "./http/trpc-responses";
import { Readiness } from "./readiness";
import { type AppRouter, appRouter } from "./router";
import { forgetRecent } from "./services/recent";
import { createContextFor } from "./trpc/context";

export { Readiness } from "./readiness";

export interface ServerOptions {
  database: DatabaseHandle;
  auth: Auth;
  /** The origin people reach the app at, for links in e-mails. */
  appUrl: string;
  /**
   * PUBLIC_URL: the one origin tRPC writes with a session may come from (unset: the request's own
   * scheme and host), and, when https, HSTS.
   */
  publicUrl?: string | undefined;
  mailboxEnabled: boolean;
  sealingSecret: string;
  /** Shared with the process's start-up and shutdown; ready from the start when omitted (tests). */
  readiness?: Readiness;
  /** How long an API call arriving while the process starts waits for it (default 10 s), then 503. */
  holdWhileStartingMs?: number;
  /** Folder of the built web app to serve; omitted in API-only mode (tests, `pnpm dev`). */
  webDist?: string | undefined;
  logger?: boolean;
  /** Where log lines go instead of stdout (tests read them). */
  logStream?: { write(line: string): void };
  /** TRUST_PROXY: hops, or proxy addresses and ranges, whose X-Forwarded-* headers count; none when omitted. */
  trustProxy?: number | string[] | false;
  /** Rate limits counted in the database; none when omitted (tests that are not about them). */
  rateLimits?: RateLimitSettings;
  /** FIVEFOLD_TEST_CLOCK=1 only: the clock every call's services read, and its endpoint. */
  testClock?: TestClockControl | undefined;
}

declare module "fastify" {
  interface FastifyInstance {
    /** Requests not answered yet, as "POST /trpc/… for 3 s". */
    inFlight(): string[];
  }
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { database, auth } = options;
  const app = Fastify({
    // Warnings and errors (a failed procedure, a crashed request) always reach the console.
    logger: {
      level: options.logger ? "info" : "warn",
      ...(options.logStream ? { stream: options.logStream } : {}),
      ...LOG_REDACTION,
    },
    trustProxy: trustedProxies(options.trustProxy),
    routerOptions: { maxParamLength: 5000 },
    bodyLimit: API_BODY_LIMIT,
  });
  await registerSecurityHeaders(app, { https: options.publicUrl?.startsWith("https://") ?? false });
  registerBodyLimits(app);
  registerOriginCheck(app, { publicUrl: options.publicUrl });
  const limiter = options.rateLimits
    ? new RateLimiter(database.db, options.rateLimits, (error) =>
        app.log.warn({ err: sanitiseDatabaseError(error) }, "sweeping rate-limit buckets failed"),
      )
    : undefined;

  registerErrorHandler(app);
  const readiness = options.readiness ?? new Readiness("ready");
  registerHealthRoutes(app, database, readiness);
  trackInFlight(app);
  holdWhileStarting(app, readiness, options.holdWhileStartingMs ?? 10_000);
  registerAuthRoutes(app, auth, limiter);
  if (options.testClock) registerTestClock(app, options.testClock);
  const tokenRoutes = {
    base: {
      db: database.db,
      driver: database.driver,
      appUrl: options.appUrl,
      mailboxEnabled: options.mailboxEnabled,
      sealingSecret: options.sealingSecret,
    },
    limiter,
    publicUrl: options.publicUrl,
  };
  await registerScimRoutes(app, tokenRoutes);
  await registerPublicApi(app, tokenRoutes);

  // After the security headers' hook (which says no-store to every API answer), before the routes.
  registerTrpcResponses(app);
  await registerTrpc(app, options, limiter);

  const webDist = options.webDist;
  if (webDist && existsSync(join(webDist, "index.html"))) await registerWebApp(app, webDist);
  return app;
}

/**
 * A failed request is logged without the values a database error carries (see
 * sanitiseDatabaseError); fastify's own handler would print the raw message.
 */
function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status < 500) return reply.send(error);
    request.log.error({ err: sanitiseDatabaseError(error) }, "request failed");
    return reply
      .status(status)
      .send({ statusCode: status, error: "Internal Server Error", message: "Something went wrong" });
  });
}

/** What is still being answered, for a drain that takes too long to say what it waits for. */
function trackInFlight(app: FastifyInstance): void {
  const inFlight = new Map<string, { method: string; url: string; since: number }>();
  app.addHook("onRequest", async (req) => {
    inFlight.set(req.id, { method: req.method, url: req.url.split("?")[0] ?? req.url, since: Date.now() });
  });
  app.addHook("onResponse", async (req) => {
    inFlight.delete(req.id);
    // Anything but a read may have changed a membership or who reads what (services/recent.ts).
    if (req.method !== "GET" && req.method !== "HEAD" && req.method !== "OPTIONS") forgetRecent();
  });
  app.addHook("onRequestAbort", async (req) => {
    inFlight.delete(req.id);
  });
  app.decorate("inFlight", () =>
    [...inFlight.values()].map(
      (r) => `${r.method} ${r.url} for ${Math.round((Date.now() - r.since) / 1000)} s`,
    ),
  );
}

/**
 * Until the schema is there, API calls would fail on missing tables. A supervisor sends this
 * process connections as soon as it listens, so they wait (migrations take a moment) rather than
 * bounce; only if it takes longer, "not yet".
 */
function holdWhileStarting(app: FastifyInstance, readiness: Readiness, hold: number): void {
  app.addHook("onRequest", async (req, reply) => {
    if (readiness.phase !== "starting") return;
    if (!req.url.startsWith("/trpc") && !req.url.startsWith("/api/") && !req.url.startsWith("/scim/")) return;
    if (await readiness.whenReady(hold)) return;
    return reply
      .status(503)
      .header("retry-after", "1")
      .send({ error: "Fivefold is starting: try again in a moment" });
  });
}

/** The tRPC API under /trpc, with the signed-in user and the rate limiter in each call's context. */
async function registerTrpc(
  app: FastifyInstance,
  options: ServerOptions,
  limiter: RateLimiter | undefined,
): Promise<void> {
  const { database, auth } = options;
  await app.register(fastifyTRPCPlugin, {
    prefix: "/trpc",
    trpcOptions: {
      router: appRouter,
      async createContext({ req, res }) {
        const signedIn = await signedInSession(auth, req, res);
        const context = createContextFor(
          {
            ...database,
            appUrl: options.appUrl,
            mailboxEnabled: options.mailboxEnabled,
            sealingSecret: options.sealingSecret,
            now: options.testClock?.clock.now,
          },
          signedIn?.userId ?? null,
          limiter ? { clientAddress: req.ip, limiter } : undefined,
          signedIn?.sessionId ?? null,
        );
        // Calls over HTTP may use the recent caches (services/recent.ts).
        const overHttp = { ...context, recent: true };
        rememberContext(req, overHttp); // what a known answer was decided from (http/known-answers.ts)
        return overHttp;
      },
      onError({ error, path }) {
        if (error.code === "INTERNAL_SERVER_ERROR") {
          app.log.error({ err: sanitiseDatabaseError(error.cause ?? error), path }, "procedure failed");
        }
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>["trpcOptions"],
  });
}

/** TRUST_PROXY for fastify: a hop count trusts the nearest hops (index 0 is the socket's peer). */
function trustedProxies(
  trust: ServerOptions["trustProxy"],
): string[] | ((address: string, hop: number) => boolean) | false {
  if (trust === undefined || trust === false) return false;
  if (typeof trust === "number") return (_address, hop) => hop < trust;
  return trust;
}

/**
 * What a log line may say about a request: its method, path and ids, never its query string (a
 * GET's tRPC input carries one-time tokens and answers), cookies or credentials; and no field that
 * could carry a password, a token, an answer or a comment, wherever a logger puts it.
 */
const LOG_REDACTION = {
  serializers: {
    req(req: { method: string; url: string; hostname?: string; ip?: string; id?: string }) {
      return { method: req.method, url: req.url.split("?")[0], host: req.hostname, remoteAddress: req.ip };
    },
  },
  redact: {
    paths: [
      "password",
      "newPassword",
      "token",
      "answers",
      "comments",
      "req.headers.cookie",
      "req.headers.authorization",
      'res.headers["set-cookie"]',
      "*.password",
      "*.newPassword",
      "*.token",
      "*.answers",
      "*.comments",
      "*.input",
      "*.body",
    ],
    censor: "[redacted]",
  },
};

/** How long /readyz waits for the database before calling it unreachable. */
const READY_PROBE_MS = 2_000;

function registerHealthRoutes(app: FastifyInstance, database: DatabaseHandle, readiness: Readiness) {
  // Liveness: the process answers. Never touches the database, so a database outage does not make
  // an orchestrator restart healthy processes.
  app.get("/healthz", async () => ({ ok: true }));
  // Readiness: send traffic here. Migrated, not draining, and the database answers right now.
  app.get("/readyz", async (_req, reply) => {
    if (readiness.phase !== "ready") {
      const reason = readiness.phase === "draining" ? "shutting down" : (readiness.detail ?? "starting");
      return reply.status(503).send({ ready: false, reason });
    }
    let timer: NodeJS.Timeout | undefined;
    const answered = await Promise.race([
      database.db.execute(sql`select 1`).then(
        () => true,
        () => false,
      ),
      new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), READY_PROBE_MS);
      }),
    ]);
    clearTimeout(timer);
    if (!answered) return reply.status(503).send({ ready: false, reason: "the database does not answer" });
    return { ready: true, db: database.driver };
  });
}
