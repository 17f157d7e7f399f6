// Roles per person (admin, manager, coach, member, analyst); a person may hold several.
import { pgEnum, pgTable, primaryKey, uuid } from "drizzle-orm/pg-core";
import { organisations } from "./organisations";
import { people } from "./people";

export const roleEnum = pgEnum("role", ["admin", "manager", "coach", "member", "analyst"]);

export const personRoles = pgTable(
  "person_roles",
  {
    orgId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    personId: uuid()
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    role: roleEnum().notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.personId, t.role] })],
);
