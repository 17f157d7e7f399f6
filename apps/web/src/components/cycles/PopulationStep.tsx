// Who takes part: everyone, chosen teams, the people who manage others, or a list of people picked
// from the directory or pasted as e-mails (resolved here to ids, a hundred addresses a call).
import { Alert, Button, Group, MultiSelect, Radio, Stack, Text, Textarea } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
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
  const trpc = useTRPC();
  const teams = useQuery(trpc.teams.list.queryOptions());
  return (
    <Stack>
      <Radio.Group
        label="Who takes part"
        value={value.mode}
        onChange={(mode) => onChange({ ...value, mode: mode as PopulationMode })}
      >
        <Stack gap="xs" mt="xs">
          <Radio value="everyone" label="Everyone in the organisation" />
          <Radio value="teams" label="Chosen teams" />
          <Radio value="managers" label="People who manage others" />
          <Radio value="people" label="A list of people" />
        </Stack>
      </Radio.Group>
      {value.mode === "teams" ? (
        <MultiSelect
          label="Teams"
          placeholder="Choose teams"
          data={(teams.data ?? []).map((t) => ({ value: t.id, label: `${t.name} (${t.members.length})` }))}
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
        label="People"
        placeholder="Search the directory"
        value={personIds}
        onChange={onChange}
      />
      <Textarea
        label="Or paste e-mail addresses"
        description="One per line, or separated by commas; a CSV column of addresses works too."
        value={pasted}
        onChange={(e) => setPasted(e.currentTarget.value)}
        autosize
        minRows={2}
      />
      <Group>
        <Button variant="default" size="xs" onClick={addPasted} disabled={!pasted.trim()} loading={resolving}>
          Add these people
        </Button>
        <Text size="xs" c="dimmed">
          {personIds.length} chosen
        </Text>
      </Group>
      {failed ? (
        <Alert color="red" role="alert">
          The addresses could not be looked up: try again.
        </Alert>
      ) : null}
      {unknown.length > 0 ? (
        <Alert color="orange" title="Not in the directory">
          <Text size="sm">{unknown.join(", ")}</Text>
        </Alert>
      ) : null}
    </Stack>
  );
}
