// people.import: read the CSV, compare it with the organisation (domain planImport), and either
// report per row (dry run) or apply every accepted row in one transaction. Applying the same file
// twice changes nothing the second time.
import { randomUUID } from "node:crypto";
import {
  deactivatePeople,
  deleteRolesOfPeople,
  deleteTeamMembershipsOf,
  insertImportedPeople,
  insertRoleRows,
  insertTeamMemberRows,
  insertTeamsIfMissing,
  listDirectory,
  listTeamNames,
  renameAndReactivatePeople,
  setManagersOf,
} from "@fivefold/db";
import {
  type ImportOutput,
  type ImportPlan,
  type importInput,
  planImport,
  readImportCsv,
} from "@fivefold/domain";
import type { z } from "zod";
import { auditAs } from "../audit/record";
import { type MemberServiceContext, withTransaction } from "../context";
import { lockOrganisation } from "./shared";

type ImportInput = z.output<typeof importInput>;
type Rows = ImportPlan["toApply"];

async function planFor(ctx: MemberServiceContext, csv: string, deactivateMissing: boolean) {
  const rows = readImportCsv(csv);
  // One after the other: PGlite (and a transaction) runs one query at a time anyway.
  const people = await listDirectory(ctx.db, ctx.org.id);
  const teams = await listTeamNames(ctx.db, ctx.org.id);
  const plan = planImport({
    rows,
    existing: people.map((p) => ({
      id: p.id,
      name: p.name,
      email: p.email,
      managerEmail: p.managerEmail,
      active: p.active,
      roles: p.roles,
      teams: p.teams.map((t) => t.name),
    })),
    existingTeams: teams.map((t) => t.name),
    deactivateMissing,
    actorEmail: ctx.person.email.toLowerCase(),
  });
  return { plan, people };
}

function present(plan: ImportPlan, applied: boolean): ImportOutput {
  return {
    rows: plan.rows,
    applied,
    deactivated: plan.deactivate,
    newTeams: plan.newTeams,
    summary: plan.summary,
  };
}

export async function importPeople({
  ctx,
  input,
}: {
  ctx: MemberServiceContext;
  input: ImportInput;
}): Promise<ImportOutput> {
  if (input.dryRun) {
    const { plan } = await planFor(ctx, input.csv, input.deactivateMissing);
    return present(plan, false);
  }
  return withTransaction(ctx, async (ctx) => {
    await lockOrganisation(ctx);
    // Planned again under the lock, so the rows applied are the ones that are valid right now.
    const { plan, people } = await planFor(ctx, input.csv, input.deactivateMissing);
    await applyPlan(ctx, plan, people);
    await auditAs(
      ctx,
      "people.import",
      { type: "organisation", id: ctx.org.id },
      {
        full: input.deactivateMissing,
        created: plan.summary.create,
        updated: plan.summary.update,
        unchanged: plan.summary.unchanged,
        rejected: plan.summary.reject,
        deactivated: plan.summary.deactivate,
        teamsCreated: plan.newTeams.length,
      },
    );
    return present(plan, true);
  });
}

/** Teams first, then people, then the links between them; then who leaves. */
async function applyPlan(
  ctx: MemberServiceContext,
  plan: ImportPlan,
  people: Array<{ id: string; email: string }>,
): Promise<void> {
  const orgId = ctx.org.id;
  await insertTeamsIfMissing(ctx.db, orgId, plan.newTeams);
  const idOf = new Map(people.map((p) => [p.email, p.id]));
  await createAndRename(ctx, plan.toApply, idOf);
  await setManagers(ctx, plan.toApply, idOf);
  await replaceRoles(ctx, plan.toApply, idOf);
  await replaceTeams(ctx, plan.toApply, idOf);
  await deactivatePeople(
    ctx.db,
    orgId,
    plan.deactivate.map((d) => d.id),
  );
}

const personOf = (idOf: Map<string, string>, email: string) => idOf.get(email) as string;

/** New people get an id (noted in `idOf`); renamed or returning people get their name and are active. */
async function createAndRename(ctx: MemberServiceContext, rows: Rows, idOf: Map<string, string>) {
  const creates = rows.filter((r) => r.action === "create");
  for (const r of creates) idOf.set(r.email, randomUUID());
  await insertImportedPeople(
    ctx.db,
    ctx.org.id,
    creates.map((r) => ({ id: personOf(idOf, r.email), name: r.name, email: r.email })),
  );
  const renamed = rows.filter(
    (r) => r.action === "update" && (r.changes.includes("name") || r.changes.includes("reactivated")),
  );
  await renameAndReactivatePeople(
    ctx.db,
    ctx.org.id,
    renamed.map((r) => ({ id: r.existingId as string, name: r.name })),
  );
}

async function setManagers(ctx: MemberServiceContext, rows: Rows, idOf: Map<string, string>) {
  const managed = rows.filter(
    (r) => (r.action === "create" && r.managerEmail !== null) || r.changes.includes("manager"),
  );
  await setManagersOf(
    ctx.db,
    ctx.org.id,
    managed.map((r) => ({
      id: personOf(idOf, r.email),
      managerId: r.managerEmail === null ? null : (idOf.get(r.managerEmail) ?? null),
    })),
  );
}

/** The file says the whole set of roles, so changed sets are replaced. */
async function replaceRoles(ctx: MemberServiceContext, rows: Rows, idOf: Map<string, string>) {
  const roleRows = rows.filter((r) => r.action === "create" || r.changes.includes("roles"));
  const updated = roleRows.filter((r) => r.action === "update").map((r) => personOf(idOf, r.email));
  await deleteRolesOfPeople(ctx.db, ctx.org.id, updated);
  await insertRoleRows(
    ctx.db,
    ctx.org.id,
    roleRows.flatMap((r) => r.roles.map((role) => ({ personId: personOf(idOf, r.email), role }))),
  );
}

/** Likewise the teams: changed sets are replaced (team names match without regard to capitals). */
async function replaceTeams(ctx: MemberServiceContext, rows: Rows, idOf: Map<string, string>) {
  const teamIds = new Map((await listTeamNames(ctx.db, ctx.org.id)).map((t) => [t.name.toLowerCase(), t.id]));
  const teamRows = rows.filter((r) => r.action === "create" || r.changes.includes("teams"));
  const updated = teamRows.filter((r) => r.action === "update").map((r) => personOf(idOf, r.email));
  await deleteTeamMembershipsOf(ctx.db, ctx.org.id, updated);
  await insertTeamMemberRows(
    ctx.db,
    ctx.org.id,
    teamRows.flatMap((r) =>
      r.teams.map((team) => ({
        teamId: teamIds.get(team.toLowerCase()) as string,
        personId: personOf(idOf, r.email),
      })),
    ),
  );
}
