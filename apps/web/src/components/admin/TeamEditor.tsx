// Creating or changing a team (admins): its name, members and coaches. Coaches get the coach role.
import { Alert, Button, Group, MultiSelect, Stack, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { errorMessage } from "../../lib/labels";
import { useTRPC } from "../../lib/trpc";
import type { Team } from "./types";

export function TeamEditor({
  team,
  people,
  onDone,
}: {
  team: Team | null;
  people: Array<{ id: string; name: string; email: string }>;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState(team?.name ?? "");
  const [memberIds, setMemberIds] = useState<string[]>(team?.members.map((m) => m.id) ?? []);
  const [coachIds, setCoachIds] = useState<string[]>(team?.coaches.map((c) => c.id) ?? []);
  const upsert = useMutation(
    trpc.teams.upsert.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.teams.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.people.pathKey() });
        onDone();
      },
    }),
  );
  const options = people.map((p) => ({ value: p.id, label: `${p.name} · ${p.email}` }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    upsert.mutate({ ...(team ? { id: team.id } : {}), name, memberIds, coachIds });
  };
  return (
    <Stack component="form" onSubmit={submit}>
      <TextInput label="Team name" value={name} onChange={(e) => setName(e.currentTarget.value)} required />
      <MultiSelect
        label="Members"
        data={options}
        value={memberIds}
        onChange={setMemberIds}
        searchable
        clearable
        limit={50}
      />
      <MultiSelect
        label="Coaches"
        description="Coaches see this team's dashboard; they are given the coach role."
        data={options}
        value={coachIds}
        onChange={setCoachIds}
        searchable
        clearable
        limit={50}
      />
      {upsert.isError ? (
        <Alert color="red" role="alert" title="Not saved">
          {errorMessage(upsert.error)}
        </Alert>
      ) : null}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" loading={upsert.isPending}>
          {team ? "Save" : "Create team"}
        </Button>
      </Group>
    </Stack>
  );
}
