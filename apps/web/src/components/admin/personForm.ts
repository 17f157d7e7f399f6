// The person editor's values, checked with the domain's rules for a person (the same the import
// applies): a usable name and a valid e-mail address.
import { normaliseEmail, normaliseName } from "@fivefold/domain";
import { useForm } from "@mantine/form";
import i18next from "i18next";
import { z } from "zod";
import { schemaResolver } from "../../lib/form";
import type { DirectoryPerson } from "./types";

export const EDITABLE_ROLES = ["admin", "manager", "coach"] as const;
export type EditableRole = (typeof EDITABLE_ROLES)[number];

export type PersonValues = {
  name: string;
  email: string;
  managerId: string | null;
  teamIds: string[];
  roles: EditableRole[];
  active: boolean;
};

const personSchema = z.object({
  name: z.string().superRefine((name, ctx) => {
    const result = normaliseName(name);
    if ("error" in result) ctx.addIssue({ code: "custom", message: result.error });
  }),
  email: z.string().refine((email) => normaliseEmail(email) !== null, {
    error: () => i18next.t("admin:person.emailInvalid"),
  }),
});

export function usePersonForm(person: DirectoryPerson | null) {
  return useForm<PersonValues>({
    initialValues: {
      name: person?.name ?? "",
      email: person?.email ?? "",
      managerId: person?.managerId ?? null,
      teamIds: person?.teams.map((t) => t.id) ?? [],
      roles: (person?.roles ?? []).filter((r): r is EditableRole =>
        (EDITABLE_ROLES as readonly string[]).includes(r),
      ),
      active: person?.active ?? true,
    },
    validate: schemaResolver<PersonValues>(personSchema),
  });
}
