// A failed query's log line (issue 11 §4): over real HTTP and from the deadline job, a procedure
// fails inside a query whose parameters carry raters' comments. The error is logged, with its SQL
// and code, and none of the comments.
import { inspect } from "node:util";
import { schema } from "@fivefold/db";
import { testDriver } from "@fivefold/db/testing";
import { eq, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startJobs } from "./jobs";
import type { SeededOrganisation } from "./seed/organisation";
import { fullAnswers } from "./testing/answers";
import { collectOrg, createHarness, type Harness, TEST_APP_URL } from "./testing/harness";
import { serveOnLoopback } from "./testing/serve";

const MARKER = "MKRLOGCOMMENTQ3";
let h: Harness;
let a: SeededOrganisation;
let app: FastifyInstance;
let base: string;
const lines: string[] = [];

beforeAll(async () => {
  h = await createHarness();
  a = await h.seed(collectOrg("Logs", "logs.test"));
  ({ app, base } = await serveOnLoopback(h.database, { logStream: { write: (line) => lines.push(line) } }));
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

/** A request whose anonymous raters all commented with the marker, ready to release. */
async function answeredRequest(subjectKey: string): Promise<string> {
  const personId = (key: string) => a.people[key]?.personId as string;
  const peers = ["p1", "p2", "p3"].filter((key) => key !== subjectKey);
  if (subjectKey !== "p4") peers.push("p4");
  const { id } = await h.as(a, "manager").requests.create({
    subjectId: personId(subjectKey),
    deadline: new Date(Date.now() + 14 * 86_400_000).toISOString(),
    raters: peers.map((key) => ({ personId: personId(key), group: "peer" as const })),
  });
  for (const key of peers) {
    const item = (await h.as(a, key).inbox.list()).find((i) => i.requestId === id);
    await h.as(a, key).responses.submit({
      invitationId: item?.invitationId ?? "",
      answers: fullAnswers(4),
      comments: [{ dimension: "inspire", text: `${MARKER} ${key}` }],
    });
  }
  return id;
}

/** Makes writing released responses fail whenever a comment carries the marker (rows already there stay). */
async function refuseMarker(on: boolean) {
  await h.database.db.execute(
    on
      ? sql.raw(
          `alter table sealed_responses add constraint logs_test_refuse check (comments::text not like '%${MARKER}%') not valid`,
        )
      : sql.raw("alter table sealed_responses drop constraint logs_test_refuse"),
  );
}

describe(`log lines of failed queries on ${testDriver()}`, () => {
  it("attack: a failed query's log line carries none of its parameters (HTTP procedure)", async () => {
    const requestId = await answeredRequest("subject");
    await refuseMarker(true);
    try {
      // Without the sanitiser this is what would be logged: the comments are in the error.
      const raw = await h
        .as(a, "manager")
        .requests.close({ requestId })
        .catch((error: unknown) => error);
      expect(inspect((raw as { cause?: unknown }).cause, { depth: 5 })).toContain(MARKER);

      const signIn = await fetch(`${base}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: base },
        body: JSON.stringify({ email: "manager@logs.test", password: "test-password" }),
      });
      const cookie = (signIn.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "";
      lines.length = 0;
      const response = await fetch(`${base}/trpc/requests.close`, {
        method: "POST",
        headers: { cookie, "content-type": "application/json", origin: base },
        body: JSON.stringify({ requestId }),
      });
      expect(response.status).toBe(500);
      expect(await response.text()).not.toContain(MARKER);
      const logged = lines.join("\n");
      expect(logged).toContain("procedure failed");
      expect(logged).toContain("requests.close");
      expect(logged).toContain('insert into \\"sealed_responses\\"');
      expect(logged).toContain("23514");
      expect(logged).toContain("logs_test_refuse");
      expect(logged).not.toContain(MARKER);
    } finally {
      await refuseMarker(false);
    }
    const [row] = await h.database.db
      .select({ state: schema.feedbackRequests.state })
      .from(schema.feedbackRequests)
      .where(eq(schema.feedbackRequests.id, requestId));
    expect(row?.state).toBe("open");
  });

  it("attack: a failed query's log line carries none of its parameters (deadline job)", async () => {
    const requestId = await answeredRequest("p4");
    await h.database.db
      .update(schema.feedbackRequests)
      .set({ deadline: new Date(Date.now() - 60_000) })
      .where(eq(schema.feedbackRequests.id, requestId));
    await refuseMarker(true);
    const errors: Array<{ error: unknown; msg: string }> = [];
    try {
      const jobs = startJobs({
        db: h.database.db,
        driver: h.database.driver,
        appUrl: TEST_APP_URL,
        sealingSecret: h.sealingSecret,
        intervalMs: 3_600_000,
        log: { info: () => {}, error: (error, msg) => errors.push({ error, msg }) },
      });
      await jobs.stop(); // waits for the first run
    } finally {
      await refuseMarker(false);
    }
    const failure = errors.find((e) => e.msg.includes(requestId));
    expect(failure?.msg).toBe(`closing request ${requestId} failed; retrying later`);
    const printed = inspect(failure?.error, { depth: 10, showHidden: true });
    expect(printed).toContain("23514");
    expect(printed).not.toContain(MARKER);
  });
});
