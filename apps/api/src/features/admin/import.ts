// people.import: read the CSV, compare it with the organisation (domain planImport), and either
// report per row (dry run) or apply every accepted row in one transaction. Applying the same file
// twice changes nothing the second time.
import { randomUUID } from "node:crypto";
import { type Executor, listDirectory, listTeamNames, schema } from "@fivefold/db";
import { type ImportPlan, planImport, readImportCsv } from "@fivefold/domain";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import type { MemberContext } from "../../trpc/context";
import { audit } from "../audit/record";
import type { importInput } from "./inputs";
import { chunks, endSessions, lockOrganisation } from "./shared";

type ImportInput = z.output<typeof importInput>;

export interface ImportResult {
  rows: Array<{
    line: number;
    action: "create" | "update" | "unchanged" | "reject";
    errors: string[];
    name: string;
    email: string;
    changes: string[];
  }>;
  applied: boolean;
  /** Who the full import deactivates (or would, in a dry run). */
  deactivated: Array<{ id: string; name: string; email: string }>;
  newTeams: string[];
  summary: { create: number; update: number; unchanged: number; reject: number; deactivate: number };
}

const CHUNK = 500;

async function planFor(db: Executor, ctx: MemberContext, csv: string, deactivateMissing: boolean) {
  const rows = readImportCsv(csv);
  // One after the other: PGlite (and a transaction) runs one query at a time anyway.
  const people = await listDirectory(db, ctx.org.id);
  const teams = await listTeamNames(db, ctx.org.id);
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

function present(plan: ImportPlan, applied: boolean): ImportResult {
  return {
    rows: plan.rows,
    applied,
    deactivated: plan.deactivate,
    newTeams: plan.newTeams,
    summary: plan.summary,
  };
}

export async function importPeople(ctx: MemberContext, input: ImportInput): Promise<ImportResult> {
  if (input.dryRun) {
    const { plan } = await planFor(ctx.db, ctx, input.csv, input.deactivateMissing);
    return present(plan, false);
  }
  return ctx.db.transaction(async (tx) => {
    await lockOrganisation(tx, ctx.org.id);
    // Planned again under the lock, so the rows applied are the ones that are valid right now.
    const { plan, people } = await planFor(tx, ctx, input.csv, input.deactivateMissing);
    await applyPlan(tx, ctx.org.id, plan, people);
    await audit(
      tx,
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

async function applyPlan(
  tx: Executor,
  orgId: string,
  plan: ImportPlan,
  people: Array<{ id: string; email: string }>,
): Promise<void> {
  // Teams first, then people, then the links between them.
  if (plan.newTeams.length > 0) {
    await tx
      .insert(schema.teams)
      .values(plan.newTeams.map((name) => ({ orgId, name })))
      .onConflictDoNothing();
  }
  const teamIds = new Map((await listTeamNames(tx, orgId)).map((t) => [t.name.toLowerCase(), t.id]));
  const idOf = new Map(people.map((p) => [p.email, p.id]));

  const creates = plan.toApply.filter((r) => r.action === "create");
  for (const r of creates) idOf.set(r.email, randomUUID());
  for (const part of chunks(creates, CHUNK)) {
    await tx
      .insert(schema.people)
      .values(part.map((r) => ({ id: idOf.get(r.email) as string, orgId, name: r.name, email: r.email })));
  }

  const updates = plan.toApply.filter((r) => r.action === "update");
  const renamed = updates.filter((r) => r.changes.includes("name") || r.changes.includes("reactivated"));
  for (const part of chunks(renamed, CHUNK)) {
    const values = sql.join(
      part.map((r) => sql`(${r.existingId}::uuid, ${r.name})`),
      sql`, `,
    );
    await tx.execute(
      sql`update ${schema.people} set name = v.name, active = true
          from (values ${values}) as v(id, name)
          where ${schema.people.id} = v.id and ${schema.people.orgId} = ${orgId}`,
    );
  }

  const managed = plan.toApply.filter(
    (r) => (r.action === "create" && r.managerEmail !== null) || r.changes.includes("manager"),
  );
  for (const part of chunks(managed, CHUNK)) {
    const values = sql.join(
      part.map(
        (r) =>
          sql`(${idOf.get(r.email)}::uuid, ${r.managerEmail === null ? null : (idOf.get(r.managerEmail) ?? null)}::uuid)`,
      ),
      sql`, `,
    );
    await tx.execute(
      sql`update ${schema.people} set manager_id = v.manager_id
          from (values ${values}) as v(id, manager_id)
          where ${schema.people.id} = v.id and ${schema.people.orgId} = ${orgId}`,
    );
  }

  // Roles and teams: the file says the whole set, so changed sets are replaced.
  const roleRows = plan.toApply.filter((r) => r.action === "create" || r.changes.includes("roles"));
  const roleIds = roleRows.filter((r) => r.action === "update").map((r) => idOf.get(r.email) as string);
  for (const part of chunks(roleIds, CHUNK)) {
    await tx
      .delete(schema.personRoles)
      .where(and(eq(schema.personRoles.orgId, orgId), inArray(schema.personRoles.personId, part)));
  }
  const roleValues = roleRows.flatMap((r) =>
    r.roles.map((role) => ({ orgId, personId: idOf.get(r.email) as string, role })),
  );
  for (const part of chunks(roleValues, CHUNK)) await tx.insert(schema.personRoles).values(part);

  const teamRows = plan.toApply.filter((r) => r.action === "create" || r.changes.includes("teams"));
  const teamPeople = teamRows.filter((r) => r.action === "update").map((r) => idOf.get(r.email) as string);
  for (const part of chunks(teamPeople, CHUNK)) {
    await tx
      .delete(schema.teamMembers)
      .where(and(eq(schema.teamMembers.orgId, orgId), inArray(schema.teamMembers.personId, part)));
  }
  const memberValues = teamRows.flatMap((r) =>
    r.teams.map((team) => ({
      orgId,
      teamId: teamIds.get(team.toLowerCase()) as string,
      personId: idOf.get(r.email) as string,
    })),
  );
  for (const part of chunks(memberValues, CHUNK)) await tx.insert(schema.teamMembers).values(part);

  const leaving = plan.deactivate.map((d) => d.id);
  for (const part of chunks(leaving, CHUNK)) {
    await tx
      .update(schema.people)
      .set({ active: false })
      .where(and(eq(schema.people.orgId, orgId), inArray(schema.people.id, part)));
    await endSessions(tx, orgId, part);
  }
}
