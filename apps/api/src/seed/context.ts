// A signed-in context for a seeded person, so the demo seed can act through the product's verbs.
import { type Database, schema } from "@fivefold/db";
import type { Role } from "@fivefold/domain";
import { eq } from "drizzle-orm";
import type { MemberContext } from "../trpc/context";
import type { SeededOrganisation } from "./organisation";

/** `sealingSecret`: the server's, so what the seed seals the server can open. */
export async function contextFactory(db: Database, org: SeededOrganisation, sealingSecret: string) {
  const [orgRow] = await db.select().from(schema.organisations).where(eq(schema.organisations.id, org.orgId));
  if (!orgRow) throw new Error("seeded organisation missing");
  const roleRows = await db.select().from(schema.personRoles).where(eq(schema.personRoles.orgId, org.orgId));
  const person = (key: string) => {
    const p = org.people[key];
    if (!p) throw new Error(`seeded person ${key} missing`);
    return p;
  };
  return {
    person,
    as(key: string): MemberContext {
      const p = person(key);
      return {
        db,
        driver: "pglite",
        appUrl: "http://localhost",
        mailboxEnabled: true,
        sealingSecret,
        memo: new Map(),
        userId: p.userId ?? "",
        sessionId: null,
        person: { id: p.personId, name: key, email: p.email, language: null },
        org: {
          id: orgRow.id,
          name: orgRow.name,
          anonymityThreshold: orgRow.anonymityThreshold,
          language: orgRow.language as "en" | "de",
        },
        roles: roleRows.filter((r) => r.personId === p.personId).map((r) => r.role as Role),
      };
    },
  };
}
