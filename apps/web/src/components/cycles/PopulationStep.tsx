// Who takes part: everyone, chosen teams, the people who manage others, or a list of people picked
// from the directory or pasted as e-mails (resolved here, against the people list, to ids).
import { Alert, Button, Group, MultiSelect, Radio, Stack, Text, Textarea } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "../../lib/trpc";
import { type PopulationMode, resolveEmails } from "./cycleForm";

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
  const people = useQuery(trpc.people.list.queryOptions());
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
          people={people.data ?? []}
          personIds={value.personIds}
          onChange={(personIds) => onChange({ ...value, personIds })}
        />
      ) : null}
    </Stack>
  );
}

function PeoplePicker({
  people,
  personIds,
  onChange,
}: {
  people: ReadonlyArray<{ id: string; name: string; email: string }>;
  personIds: string[];
  onChange: (ids: string[]) => void;
}) {
  const [pasted, setPasted] = useState("");
  const [unknown, setUnknown] = useState<string[]>([]);
  const addPasted = () => {
    const resolved = resolveEmails(pasted, people);
    onChange([...new Set([...personIds, ...resolved.ids])]);
    setUnknown(resolved.unknown);
    if (resolved.unknown.length === 0) setPasted("");
  };
  return (
    <Stack gap="xs">
      <MultiSelect
        label="People"
        placeholder="Search the directory"
        data={people.map((p) => ({ value: p.id, label: `${p.name} · ${p.email}` }))}
        value={personIds}
        onChange={onChange}
        searchable
        limit={50}
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
        <Button variant="default" size="xs" onClick={addPasted} disabled={!pasted.trim()}>
          Add these people
        </Button>
        <Text size="xs" c="dimmed">
          {personIds.length} chosen
        </Text>
      </Group>
      {unknown.length > 0 ? (
        <Alert color="orange" title="Not in the directory">
          <Text size="sm">{unknown.join(", ")}</Text>
        </Alert>
      ) : null}
    </Stack>
  );
}
