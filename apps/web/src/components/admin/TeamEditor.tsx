// Creating or changing a team (admins): its name, members and coaches. Coaches get the coach role.

import { normaliseTeamName } from "@fivefold/domain";
import { Alert, Button, Group, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { schemaResolver } from "../../lib/form";
import { useInvalidate } from "../../lib/invalidate";
import { errorMessage } from "../../lib/labels";
import { useTRPC } from "../../lib/trpc";
import { PeopleMultiSelect } from "../people/PersonPicker";
import type { Team } from "./types";

type TeamValues = { name: string; memberIds: string[]; coachIds: string[] };

// The domain's rule for a team name, the one the import applies too.
const teamSchema = z.object({
  name: z.string().superRefine((name, ctx) => {
    const result = normaliseTeamName(name);
    if ("error" in result) ctx.addIssue({ code: "custom", message: result.error });
  }),
});

export function TeamEditor({ team, onDone }: { team: Team | null; onDone: () => void }) {
  const trpc = useTRPC();
  const { t } = useTranslation();
  const invalidate = useInvalidate();
  const form = useForm<TeamValues>({
    initialValues: {
      name: team?.name ?? "",
      memberIds: team?.members.map((m) => m.id) ?? [],
      coachIds: team?.coaches.map((c) => c.id) ?? [],
    },
    validate: schemaResolver<TeamValues>(teamSchema),
  });
  const upsert = useMutation(
    trpc.teams.upsert.mutationOptions({
      onSuccess: async () => {
        await invalidate.peopleChanged();
        onDone();
      },
    }),
  );
  // The team's people are named already: only those chosen here are looked up.
  const known = [...(team?.members ?? []), ...(team?.coaches ?? [])].map((p) => ({
    id: p.id,
    label: p.name,
  }));
  const submit = form.onSubmit((values) => upsert.mutate({ ...(team ? { id: team.id } : {}), ...values }));
  return (
    <form onSubmit={submit}>
      <Stack>
        <TextInput label={t("admin:teams.name")} {...form.getInputProps("name")} required />
        <PeopleMultiSelect
          label={t("admin:teams.membersLabel")}
          placeholder={t("admin:teams.searchPeople")}
          value={form.values.memberIds}
          onChange={(ids) => form.setFieldValue("memberIds", ids)}
          error={form.errors.memberIds}
          known={known}
          clearable
        />
        <PeopleMultiSelect
          label={t("admin:teams.coachesLabel")}
          description={t("admin:teams.coachesHelp")}
          placeholder={t("admin:teams.searchPeople")}
          value={form.values.coachIds}
          onChange={(ids) => form.setFieldValue("coachIds", ids)}
          error={form.errors.coachIds}
          known={known}
          clearable
        />
        {upsert.isError ? (
          <Alert color="red" role="alert" title={t("admin:common.notSaved")}>
            {errorMessage(upsert.error)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("admin:common.cancel")}
          </Button>
          <Button type="submit" loading={upsert.isPending}>
            {team ? t("admin:common.save") : t("admin:teams.create")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
