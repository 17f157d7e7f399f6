// The HTTP server: tRPC at /trpc, Better Auth at /api/auth, and (when built) the web app.
import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import { type DatabaseHandle, sanitiseDatabaseError } from "@fivefold/db";
import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from "@trpc/server/adapters/fastify";
import Fastify, { type FastifyInstance } from "fastify";
import type { Auth } from "./auth";
import { registerAuthRoutes, requestHeaders } from "./http/auth-routes";
import { type AppRouter, appRouter } from "./router";
import { createContextFor } from "./trpc/context";

export interface ServerOptions {
  database: DatabaseHandle;
  auth: Auth;
  /** The origin people reach the app at, for links in e-mails. */
  appUrl: string;
  mailboxEnabled: boolean;
  /** Seals answers until release (see secret.ts: resolveSealingSecret). */
  sealingSecret: string;
  /** Folder of the built web app to serve; omitted in API-only mode (tests, `pnpm dev`). */
  webDist?: string | undefined;
  logger?: boolean;
  /** Where log lines go instead of stdout (tests read them). */
  logStream?: { write(line: string): void };
  trustProxy?: boolean;
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { database, auth } = options;
  const app = Fastify({
    // Warnings and errors (a failed procedure, a crashed request) always reach the console.
    logger: {
      level: options.logger ? "info" : "warn",
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    trustProxy: options.trustProxy ?? false,
    routerOptions: { maxParamLength: 5000 },
    bodyLimit: 5 * 1024 * 1024,
  });

  // A failed request is logged without the values a database error carries (see
  // sanitiseDatabaseError); fastify's own handler would print the raw message.
  app.setErrorHandler((error, request, reply) => {
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status < 500) return reply.send(error);
    request.log.error({ err: sanitiseDatabaseError(error) }, "request failed");
    return reply
      .status(status)
      .send({ statusCode: status, error: "Internal Server Error", message: "Something went wrong" });
  });

  registerAuthRoutes(app, auth);

  await app.register(fastifyTRPCPlugin, {
    prefix: "/trpc",
    trpcOptions: {
      router: appRouter,
      async createContext({ req }) {
        const session = await auth.api.getSession({ headers: requestHeaders(req) });
        return createContextFor(
          {
            ...database,
            appUrl: options.appUrl,
            mailboxEnabled: options.mailboxEnabled,
            sealingSecret: options.sealingSecret,
          },
          session?.user.id ?? null,
        );
      },
      onError({ error, path }) {
        if (error.code === "INTERNAL_SERVER_ERROR") {
          app.log.error({ err: sanitiseDatabaseError(error.cause ?? error), path }, "procedure failed");
        }
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>["trpcOptions"],
  });

  const webDist = options.webDist;
  if (webDist && existsSync(join(webDist, "index.html"))) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false });
    // The web app routes in the browser: unknown GETs outside the API get its index.html.
    app.setNotFoundHandler((req, reply) => {
      if (req.method === "GET" && !req.url.startsWith("/trpc") && !req.url.startsWith("/api/")) {
        return reply.type("text/html").sendFile("index.html");
      }
      return reply.status(404).send({ error: "Not found" });
    });
  }
  return app;
}
