// The one access policy of the API (ADR 0003): every read path that returns report figures, plans
// or a person's data asks here. Facts come from packages/db, decisions from the domain
// (packages/domain/src/access); each check is noted on the context, so a test can prove that a
// procedure consulted the policy.
import {
  adminsReadReports,
  coachesPerson,
  type Executor,
  findAdminIds,
  findCoachIdsOf,
  findRatedAnonymously,
  listCoachees,
  listFrozenReportRelations,
  listTeamIdsCoachedBy,
} from "@fivefold/db";
import {
  type Caller,
  ForbiddenError,
  mayReadOrganisationView,
  type PlanFacts,
  type PlanRelation,
  planRelation,
  type ReportRelation,
  reportAccess,
  reportControllers,
  requireReportAccess,
} from "@fivefold/domain";
import { type MemberServiceContext, memoise, type ServiceContext } from "../context";

/** What kind of access a context consulted, for the invariant test (never for decisions). */
export type AccessCheck = "report" | "reports" | "plan" | "readers" | "organisation";

const CHECKS = "access:checks";

function note(ctx: Pick<ServiceContext, "memo">, check: AccessCheck): void {
  let checks = ctx.memo.get(CHECKS) as unknown as Set<AccessCheck> | undefined;
  if (!checks) {
    checks = new Set();
    ctx.memo.set(CHECKS, checks as unknown as Promise<unknown>);
  }
  checks.add(check);
}

/** The access checks this context has made so far. */
export function accessChecks(ctx: Pick<ServiceContext, "memo">): ReadonlySet<AccessCheck> {
  return (ctx.memo.get(CHECKS) as unknown as Set<AccessCheck> | undefined) ?? new Set();
}

const callerOf = (ctx: MemberServiceContext): Caller => ({ personId: ctx.person.id, roles: ctx.roles });

const adminsRead = (ctx: MemberServiceContext, db: Executor = ctx.db) =>
  memoise(ctx, `adminsReadReports:${ctx.org.id}`, () => adminsReadReports(db, ctx.org.id));

/** Whose reports, besides their own and those they requested, the caller may be shown. */
export interface ReaderScope {
  /** The teams the caller coaches: a coach-team link counts only while they hold the coach role. */
  coachedTeamIds: ReadonlySet<string>;
  /** The people of those teams (pass to `readableReports`). */
  coachees: ReadonlySet<string>;
  /** An admin of an organisation whose admins read reports: every report but those they rated. */
  everyone: boolean;
}

/**
 * The caller's reach as a reader, once per context: for choosing which reports to load. It grants
 * nothing by itself; `readableReports` and `readReportRelation` decide each report.
 */
export function readerScope(ctx: MemberServiceContext): Promise<ReaderScope> {
  return memoise(ctx, `readerScope:${ctx.org.id}:${ctx.person.id}`, async () => {
    const coach = ctx.roles.includes("coach");
    const [coachedTeamIds, coachees, everyone] = await Promise.all([
      coach ? listTeamIdsCoachedBy(ctx.db, ctx.org.id, ctx.person.id) : [],
      coach ? listCoachees(ctx.db, ctx.org.id, ctx.person.id) : [],
      ctx.roles.includes("admin") ? adminsRead(ctx) : false,
    ]);
    return { coachedTeamIds: new Set(coachedTeamIds), coachees: new Set(coachees), everyone };
  });
}

interface ReportRef {
  requestId: string;
  subjectId: string;
  requesterId: string;
}

/** How the caller reads this report, or the ForbiddenError they are told. */
export async function readReportRelation(
  ctx: MemberServiceContext,
  report: ReportRef,
  db: Executor = ctx.db,
): Promise<ReportRelation> {
  note(ctx, "report");
  const caller = callerOf(ctx);
  const mayCoach =
    ctx.roles.includes("coach") && (await coachesPerson(db, ctx.org.id, ctx.person.id, report.subjectId));
  return requireReportAccess(caller, {
    subjectId: report.subjectId,
    requesterId: report.requesterId,
    callerCoachesSubject: mayCoach,
    adminsReadReports: ctx.roles.includes("admin") && (await adminsRead(ctx, db)),
    callerRatedAnonymously:
      (await findRatedAnonymously(db, ctx.org.id, ctx.person.id, [report.requestId])).size > 0,
  });
}

/** The facts of one report and its earlier ones for one reader, as `findReportReadFacts` loads them. */
export interface ReportReadFacts extends ReportRef {
  ratedAnonymously: boolean;
  /** The reader is linked as a coach to a team of the subject's (the role is checked here). */
  coachLinked: boolean;
  adminsReadReports: boolean;
  earlier: ReadonlyArray<{ requestId: string; requesterId: string; ratedAnonymously: boolean }>;
}

/**
 * How the caller reads this report (or the ForbiddenError they are told), and which of the
 * subject's earlier reports they may read too: the same decisions as `readReportRelation` and
 * `readableReports`, on facts loaded in one query, so every read is checked without the snapshot.
 */
export function readReportFromFacts(
  ctx: MemberServiceContext,
  facts: ReportReadFacts,
): { relation: ReportRelation; readableEarlier: string[] } {
  note(ctx, "report");
  const caller = callerOf(ctx);
  const shared = {
    subjectId: facts.subjectId,
    callerCoachesSubject: ctx.roles.includes("coach") && facts.coachLinked,
    adminsReadReports: ctx.roles.includes("admin") && facts.adminsReadReports,
  };
  const relation = requireReportAccess(caller, {
    ...shared,
    requesterId: facts.requesterId,
    callerRatedAnonymously: facts.ratedAnonymously,
  });
  const readableEarlier = facts.earlier
    .filter(
      (report) =>
        reportAccess(caller, {
          ...shared,
          requesterId: report.requesterId,
          callerRatedAnonymously: report.ratedAnonymously,
        }).allowed,
    )
    .map((report) => report.requestId);
  return { relation, readableEarlier };
}

/**
 * Of these reports, those the caller may read, with how: one call for a list or a dashboard.
 * `coachees` are the people of the teams the caller coaches (the caller loads them once).
 */
export async function readableReports(
  ctx: MemberServiceContext,
  reports: readonly ReportRef[],
  coachees: ReadonlySet<string>,
  db: Executor = ctx.db,
): Promise<Map<string, ReportRelation>> {
  const admins = ctx.roles.includes("admin") && (await adminsRead(ctx, db));
  const rated = await findRatedAnonymously(
    db,
    ctx.org.id,
    ctx.person.id,
    reports.map((r) => r.requestId),
  );
  const facts = reports.map((report) => ({ ...report, ratedAnonymously: rated.has(report.requestId) }));
  return readableReportsFromFacts(ctx, facts, { coachees, adminsReadReports: admins });
}

/**
 * `readableReports` on facts loaded with the caller's own query (rated anonymously, linked as a
 * coach, admins read reports; the roles are checked here): the same decisions, no statement.
 */
export function readableReportsFromFacts(
  ctx: MemberServiceContext,
  reports: ReadonlyArray<ReportRef & { ratedAnonymously: boolean }>,
  facts: { coachees: ReadonlySet<string>; adminsReadReports: boolean },
): Map<string, ReportRelation> {
  note(ctx, "reports");
  const caller = callerOf(ctx);
  const coach = ctx.roles.includes("coach");
  const admins = ctx.roles.includes("admin") && facts.adminsReadReports;
  const readable = new Map<string, ReportRelation>();
  for (const report of reports) {
    const access = reportAccess(caller, {
      subjectId: report.subjectId,
      requesterId: report.requesterId,
      callerCoachesSubject: coach && facts.coachees.has(report.subjectId),
      adminsReadReports: admins,
      callerRatedAnonymously: report.ratedAnonymously,
    });
    if (access.allowed) readable.set(report.requestId, access.relation);
  }
  return readable;
}

/**
 * Everyone who will read the report or steers the request (rule 9): none of them rates in an
 * anonymous group, and no external address may reach them.
 */
export async function reportReaders(
  ctx: Pick<ServiceContext, "memo">,
  db: Executor,
  orgId: string,
  request: { subjectId: string; requesterId: string; subjectManagerId: string | null },
): Promise<Set<string>> {
  note(ctx, "readers");
  const [coachIds, admins] = await Promise.all([
    findCoachIdsOf(db, orgId, request.subjectId),
    adminsReadReports(db, orgId).then((allowed) => (allowed ? findAdminIds(db, orgId) : [])),
  ]);
  return reportControllers({ ...request, coachIds, readingAdminIds: admins });
}

/** The caller's part in a plan (the facts of its circle loaded by the caller), or null. */
export async function planRelationOf(
  ctx: MemberServiceContext,
  plan: { subjectId: string; requestId: string; partnership: PlanFacts["partnership"] },
  db: Executor = ctx.db,
): Promise<PlanRelation | null> {
  note(ctx, "plan");
  const coaches =
    ctx.roles.includes("coach") && (await coachesPerson(db, ctx.org.id, ctx.person.id, plan.subjectId));
  const rated = coaches
    ? (await findRatedAnonymously(db, ctx.org.id, ctx.person.id, [plan.requestId])).size > 0
    : false;
  return planRelation(callerOf(ctx), {
    ownerId: plan.subjectId,
    callerCoachesOwner: coaches,
    callerRatedPlanReportAnonymously: rated,
    partnership: plan.partnership,
  });
}

/**
 * Whether the caller reads the organisation view, and which of the view's reports they already
 * read one by one: exactly those the report policy lets them open (`readableReports`), so nobody is
 * counted as known who is not. Those never count towards k. ForbiddenError for anyone who is neither
 * an analyst nor a reading admin. With `{ frozenCycleId }`, the reports are those of that cycle's
 * frozen view, and only the few the reader may be related to are loaded (`knownFrozenReports`).
 */
export async function organisationViewAccess(
  ctx: MemberServiceContext,
  reports: readonly ReportRef[] | { frozenCycleId: string },
): Promise<{ knownReports: Set<string>; knownRequests: Set<string> }> {
  note(ctx, "organisation");
  const adminsMay = await adminsRead(ctx);
  if (!mayReadOrganisationView(ctx.roles, adminsMay)) {
    throw new ForbiddenError(
      "The organisation view is for analysts, and for admins where the organisation lets admins read reports",
    );
  }
  // A reader of every report learns nothing from aggregates: they see what one with no relation sees.
  if (ctx.roles.includes("admin") && adminsMay) return { knownReports: new Set(), knownRequests: new Set() };
  if ("frozenCycleId" in reports) return knownFrozenReports(ctx, reports.frozenCycleId, adminsMay);
  const scope = await readerScope(ctx);
  const readable = await readableReports(ctx, reports, scope.coachees);
  const subjectOf = new Map(reports.map((report) => [report.requestId, report.subjectId]));
  return {
    knownReports: new Set([...readable.keys()].map((requestId) => subjectOf.get(requestId) as string)),
    knownRequests: new Set(readable.keys()),
  };
}

/**
 * The subjects of the frozen reports of the cycle the reader may open one by one: the same
 * decisions as `readableReports` over every frozen report, but the candidates (about the reader,
 * requested by them, about someone they are linked to as a coach) come from one query, with the
 * facts the domain judges; every other report has no relation to the reader and is never readable.
 */
async function knownFrozenReports(
  ctx: MemberServiceContext,
  cycleId: string,
  adminsMay: boolean,
): Promise<{ knownReports: Set<string>; knownRequests: Set<string> }> {
  note(ctx, "reports");
  const caller = callerOf(ctx);
  const candidates = await listFrozenReportRelations(ctx.db, {
    orgId: ctx.org.id,
    cycleId,
    readerId: ctx.person.id,
    coachLinks: ctx.roles.includes("coach"),
  });
  const knownReports = new Set<string>();
  const knownRequests = new Set<string>();
  for (const report of candidates) {
    const access = reportAccess(caller, {
      subjectId: report.subjectId,
      requesterId: report.requesterId ?? "",
      callerCoachesSubject: report.coachLinked,
      adminsReadReports: ctx.roles.includes("admin") && adminsMay,
      callerRatedAnonymously: report.ratedAnonymously,
    });
    if (!access.allowed) continue;
    knownReports.add(report.subjectId);
    knownRequests.add(report.requestId);
  }
  return { knownReports, knownRequests };
}
