// Who takes part: everyone, chosen teams, the people who manage others, or a list of people picked
// from the directory or pasted as e-mails (resolved here to ids, a hundred addresses a call).
import { Alert, Button, Group, MultiSelect, Radio, Stack, Text, Textarea } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../lib/format";
import { useTRPC } from "../../lib/trpc";
import { PeopleMultiSelect, type PersonSummary } from "../people/PersonPicker";
import { type PopulationMode, pastedEmails, resolveEmails } from "./cycleForm";

export interface PopulationChoice {
  mode: PopulationMode;
  teamIds: string[];
  personIds: string[];
}

export function PopulationStep({
  value,
  onChange,
}: {
  value: PopulationChoice;
  onChange: (next: PopulationChoice) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const teams = useQuery(trpc.teams.list.queryOptions());
  return (
    <Stack>
      <Radio.Group
        label={t("cycles:population.label")}
        value={value.mode}
        onChange={(mode) => onChange({ ...value, mode: mode as PopulationMode })}
      >
        <Stack gap="xs" mt="xs">
          <Radio value="everyone" label={t("cycles:population.everyone")} />
          <Radio value="teams" label={t("cycles:population.teams")} />
          <Radio value="managers" label={t("cycles:population.managers")} />
          <Radio value="people" label={t("cycles:population.people")} />
        </Stack>
      </Radio.Group>
      {value.mode === "teams" ? (
        <MultiSelect
          label={t("cycles:population.teamsLabel")}
          placeholder={t("cycles:population.teamsPlaceholder")}
          data={(teams.data ?? []).map((team) => ({
            value: team.id,
            label: `${team.name} (${formatNumber(team.members.length)})`,
          }))}
          value={value.teamIds}
          onChange={(teamIds) => onChange({ ...value, teamIds })}
          searchable
        />
      ) : null}
      {value.mode === "people" ? (
        <PeoplePicker
          personIds={value.personIds}
          onChange={(personIds) => onChange({ ...value, personIds })}
        />
      ) : null}
    </Stack>
  );
}

function PeoplePicker({ personIds, onChange }: { personIds: string[]; onChange: (ids: string[]) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [pasted, setPasted] = useState("");
  const [unknown, setUnknown] = useState<string[]>([]);
  const [resolving, setResolving] = useState(false);
  const [failed, setFailed] = useState(false);
  const addPasted = async () => {
    const emails = pastedEmails(pasted);
    setResolving(true);
    setFailed(false);
    try {
      const found: PersonSummary[] = [];
      for (let i = 0; i < emails.length; i += 100) {
        const page = await queryClient.fetchQuery(
          trpc.people.list.queryOptions({ emails: emails.slice(i, i + 100), limit: 100 }),
        );
        found.push(...page.people);
      }
      const resolved = resolveEmails(emails, found);
      onChange([...new Set([...personIds, ...resolved.ids])]);
      setUnknown(resolved.unknown);
      if (resolved.unknown.length === 0) setPasted("");
    } catch {
      setFailed(true);
    } finally {
      setResolving(false);
    }
  };
  return (
    <Stack gap="xs">
      <PeopleMultiSelect
        label={t("cycles:population.peopleLabel")}
        placeholder={t("cycles:population.peoplePlaceholder")}
        value={personIds}
        onChange={onChange}
      />
      <Textarea
        label={t("cycles:population.paste")}
        description={t("cycles:population.pasteHint")}
        value={pasted}
        onChange={(e) => setPasted(e.currentTarget.value)}
        autosize
        minRows={2}
      />
      <Group>
        <Button variant="default" size="xs" onClick={addPasted} disabled={!pasted.trim()} loading={resolving}>
          {t("cycles:population.add")}
        </Button>
        <Text size="xs" c="dimmed">
          {t("cycles:population.chosen", { n: formatNumber(personIds.length) })}
        </Text>
      </Group>
      {failed ? (
        <Alert color="red" role="alert">
          {t("cycles:population.lookupFailed")}
        </Alert>
      ) : null}
      {unknown.length > 0 ? (
        <Alert color="orange" title={t("cycles:population.unknown")}>
          <Text size="sm">{unknown.join(", ")}</Text>
        </Alert>
      ) : null}
    </Stack>
  );
}
