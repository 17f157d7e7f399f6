// Starts Fivefold: migrate, seed the demo when empty, serve API and web on one port.
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  countOrganisations,
  createDatabase,
  describeUrl,
  migrate,
  sanitiseDatabaseError,
} from "@fivefold/db";
import { createAuth, servedOrigins } from "./auth";
import { readEnv } from "./env";
import { startJobs } from "./jobs";
import { describeSmtpUrl, smtpTransport } from "./mail/smtp";
import { startMailWorker } from "./mail/worker";
import { resolveAuthSecret, resolveSealingSecret } from "./secret";
import { DEMO_PASSWORD, seedDemoIfEmpty } from "./seed/demo";
import { seedLargeTeam } from "./seed/large-team";
import { buildServer } from "./server";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

async function main(): Promise<void> {
  const env = readEnv();
  const { driver, location } = describeUrl(env.databaseUrl);
  const started = performance.now();
  const database = await createDatabase(env.databaseUrl, { cwd: repoRoot });
  await migrate(database);
  console.log(`Database: ${driver} (${location}), migrations applied`);
  // Secrets of the embedded database live beside it in .data/ (a copy of .data/ carries them).
  const dataDir = driver === "pglite" && location !== "memory" ? resolve(repoRoot, ".data") : null;
  const sealingSecret = resolveSealingSecret({ configured: env.sealingSecret, dataDir, warn: console.warn });

  if (env.demo && (await countOrganisations(database.db)) === 0) {
    console.log(
      "Empty database: seeding the demo organisation Acme with two cycles of feedback (about 20 s)…",
    );
  }
  const seeded = env.demo ? await seedDemoIfEmpty(database.db, { sealingSecret }) : null;
  if (!env.demo && (await countOrganisations(database.db)) === 0) {
    console.log(
      'No organisation yet. Create one with its first admin: pnpm create-admin --org "Name" --name "Full Name" --email you@example.com (or start with --demo for the demo organisation).',
    );
  }
  if (seeded) console.log(`Seeded the demo organisation Acme (${Object.keys(seeded.people).length} people)`);
  if (seeded && env.demoLargeTeam > 0) {
    await seedLargeTeam(database.db, seeded, env.demoLargeTeam);
    console.log(`Added a generated team of ${env.demoLargeTeam} people with released reports`);
  }

  const secret = resolveAuthSecret({ configured: env.authSecret, dataDir, warn: console.warn });
  const baseURL = env.publicUrl ?? `http://localhost:${env.port}`;
  const auth = createAuth({
    db: database.db,
    secret,
    baseURL,
    trustedOrigins: servedOrigins(env.port, env.publicUrl),
    production: env.production,
    signInRateLimit: env.signInRateLimit,
  });
  const webDist = env.webDist ?? resolve(repoRoot, "apps/web/dist");
  const app = await buildServer({
    database,
    auth,
    webDist,
    appUrl: baseURL,
    // The Mailbox shows every mail body, invitation links included: a demo aid, never a real mode.
    mailboxEnabled: env.demo && !env.smtpUrl,
    sealingSecret,
    trustProxy: Boolean(env.publicUrl),
  });
  await app.listen({ port: env.port, host: env.host });
  const jobs = startJobs({
    db: database.db,
    appUrl: baseURL,
    sealingSecret,
    log: { info: (msg) => console.log(msg), error: (err, msg) => console.error(msg, err) },
  });
  // Without SMTP_URL e-mails stay in the outbox, readable by admins on the Mailbox page.
  const mailer = env.smtpUrl
    ? startMailWorker({
        db: database.db,
        transport: smtpTransport(env.smtpUrl),
        from: env.mailFrom,
        log: { info: (msg) => console.log(msg), error: (err, msg) => console.error(msg, err) },
      })
    : null;
  console.log(
    env.smtpUrl
      ? `E-mail: sent over ${describeSmtpUrl(env.smtpUrl)}`
      : env.demo
        ? "E-mail: kept in the demo Mailbox (no SMTP_URL)"
        : "E-mail: not sent: set SMTP_URL (mails wait in the outbox and go out once it is set)",
  );

  const url = env.publicUrl ?? `http://localhost:${env.port}`;
  console.log(`Fivefold is running at ${url} (ready in ${Math.round(performance.now() - started)} ms)`);
  if (env.demo) {
    console.log(
      `Demo sign-in: admin@acme.test / ${DEMO_PASSWORD} (every seeded person uses this demo-only password)`,
    );
  }

  const stop = async (signal: string) => {
    console.log(`${signal}: stopping`);
    await jobs.stop();
    await mailer?.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(sanitiseDatabaseError(error));
  process.exit(1);
});
