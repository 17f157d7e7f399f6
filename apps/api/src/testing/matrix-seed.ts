// Test-only: the seeded world of the authorization matrix (testing/matrix.ts): Alpha's people and
// objects, and the requests the matrix makes again when a cell used one up.
import { schema } from "@fivefold/db";
import { DAY_MS } from "@fivefold/domain";
import { and, eq, inArray } from "drizzle-orm";
import type { OrganisationSeed, SeededOrganisation } from "../seed/organisation";
import { planWithCircle, releaseReport } from "./grow";
import { type Harness, idOf } from "./harness";

/** People in the pool: invited to circles, nominated, put in cycles, one per use. */
export const POOL_SIZE = 40;

export function alphaSeed(): OrganisationSeed {
  const email = (key: string) => `${key}@alpha.test`;
  type Roles = OrganisationSeed["people"][number]["roles"];
  const person = (key: string, managerKey?: string, roles?: Roles) => ({
    key,
    name: `${key} Alpha`,
    email: email(key),
    ...(managerKey ? { managerKey } : {}),
    ...(roles ? { roles } : {}),
  });
  const pool = Array.from({ length: POOL_SIZE }, (_, i) => person(`n${i + 1}`, "manager"));
  return {
    name: "Alpha",
    people: [
      person("admin", undefined, ["admin"]),
      person("boss", undefined, ["manager"]),
      person("manager", "boss", ["manager"]),
      person("other-manager", "boss", ["manager"]),
      person("subject", "manager"),
      ...["p1", "p2", "p3", "p4", "p5", "p6", "rater"].map((key) => person(key, "manager")),
      ...["partner", "partner2", "partner3", "partner4", "lead"].map((key) => person(key, "boss")),
      person("coach", "boss", ["coach"]),
      person("other-coach", "boss", ["coach"]),
      person("member", "other-manager"),
      person("analyst", "boss", ["analyst"]),
      // The one person of the launched cycle, the manager's report.
      person("cycle-subject", "manager"),
      ...pool,
    ],
    teams: [
      {
        name: "Alpha Core",
        memberKeys: ["manager", "subject", "p1", "p2", "p3", "p4", "p5", "p6", "rater"],
        coachKeys: ["coach"],
      },
      { name: "Alpha Other", memberKeys: ["other-manager", "member"], coachKeys: ["other-coach"] },
    ],
  };
}

export interface OpenRequest {
  requestId: string;
  /** The rater's invitation (answered in the app). */
  invitationId: string;
  /** p5's one-time link. */
  token: string;
}

/** The external rater of the draft request: on no allowed list, so an admin may approve them. */
export const OUTSIDER = "outsider@elsewhere.example";

const inDays = (days: number) => new Date(Date.now() + days * DAY_MS);
export const day = (days: number) => inDays(days).toISOString().slice(0, 10);

async function tokenFor(h: Harness, email: string, requestId: string): Promise<string> {
  const mails = await h.database.db.select().from(schema.outbox).where(eq(schema.outbox.toEmail, email));
  const mail = mails.find((m) => (m.meta as { requestId?: string }).requestId === requestId);
  const link = (mail?.meta as { link?: string } | undefined)?.link;
  if (!link) throw new Error(`no invitation mail to ${email}`);
  return link.replace("/r/", "");
}

/** Cancels the subject's active request (as the harness does) and makes a new one. */
export async function makeRequest(h: Harness, a: SeededOrganisation, open: boolean): Promise<string> {
  const subjectId = idOf(a, "subject");
  await h.database.db
    .update(schema.feedbackRequests)
    .set({ state: "cancelled", closedAt: new Date() })
    .where(
      and(
        eq(schema.feedbackRequests.orgId, a.orgId),
        eq(schema.feedbackRequests.subjectId, subjectId),
        inArray(schema.feedbackRequests.state, ["draft", "open"]),
      ),
    );
  const { id } = await h.as(a, "manager").requests.create({
    subjectId,
    deadline: inDays(7).toISOString(),
    raters: [
      ...["rater", "p5", "p6"].map((key) => ({ personId: idOf(a, key), group: "peer" as const })),
      // A draft also names an external rater, for an admin to approve.
      ...(open ? [] : [{ email: OUTSIDER, group: "other" as const }]),
    ],
    open,
  });
  return id;
}

export async function makeOpenRequest(h: Harness, a: SeededOrganisation): Promise<OpenRequest> {
  const requestId = await makeRequest(h, a, true);
  const invitation = (await h.as(a, "rater").inbox.list()).find((i) => i.requestId === requestId);
  if (!invitation) throw new Error("the rater was not invited");
  const token = await tokenFor(h, a.people.p5?.email ?? "", requestId);
  return { requestId, invitationId: invitation.invitationId, token };
}

export async function seedWorld(h: Harness, a: SeededOrganisation) {
  const released = await releaseReport(
    h,
    a,
    "subject",
    ["p1", "p2", "p3", "p4"].map((key) => ({ key, group: "peer" as const })),
    () => 4,
  );
  const planId = await planWithCircle(h, a, {
    requestId: released,
    owner: "subject",
    partners: ["partner", "partner2", "partner3", "partner4"],
    lead: "lead",
    publish: true,
  });
  const { id: checkinId } = await h.as(a, "subject").checkins.log({ planId, progress: 10 });
  const plan = await h.as(a, "subject").plans.get({ planId });
  const partnershipId = plan.circle.members.find((m) => m.person.id === idOf(a, "partner"))?.partnershipId;
  if (!partnershipId) throw new Error("the partner is not in the circle");
  const { id: cycleId } = await h.as(a, "admin").cycles.create({
    name: "Matrix",
    population: { everyone: true },
    nominationsCloseOn: day(7),
    answersDueOn: day(14),
    releaseOn: day(21),
  });
  const launched = await launchedCycle(h, a);
  const [mail] = await h.database.db
    .select({ id: schema.outbox.id })
    .from(schema.outbox)
    .where(eq(schema.outbox.toEmail, a.people.p1?.email ?? ""));
  if (!mail) throw new Error("no mail to p1");
  return { released, planId, checkinId, partnershipId, cycleId, ...launched, mailId: mail.id };
}

/** A cycle of one person (cycle-subject), launched: its draft request waits for nominations. */
async function launchedCycle(h: Harness, a: SeededOrganisation) {
  const admin = h.as(a, "admin");
  const { id: launchedCycleId } = await admin.cycles.create({
    name: "Matrix launched",
    population: { personIds: [idOf(a, "cycle-subject")] },
    nominationsCloseOn: day(7),
    answersDueOn: day(14),
    releaseOn: day(21),
  });
  await admin.cycles.launch({ cycleId: launchedCycleId });
  const [request] = await h.database.db
    .select({ id: schema.feedbackRequests.id })
    .from(schema.feedbackRequests)
    .where(eq(schema.feedbackRequests.cycleId, launchedCycleId));
  if (!request) throw new Error("the launched cycle made no request");
  return { launchedCycleId, cycleRequestId: request.id };
}
