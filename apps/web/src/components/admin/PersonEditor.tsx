// Adding or editing one person (admins): name, e-mail, manager, teams, roles and whether they are
// active. Roles go through their own procedure, so a failed role change never hides a saved edit.
import {
  Alert,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useMemo, useState } from "react";
import { errorMessage } from "../../lib/labels";
import { useTRPC } from "../../lib/trpc";
import { ROLE_LABELS } from "./labels";
import type { DirectoryPerson, Team } from "./types";

const EDITABLE_ROLES = ["admin", "manager", "coach"] as const;
type EditableRole = (typeof EDITABLE_ROLES)[number];

export function PersonEditor({
  person,
  people,
  teams,
  isMe,
  onDone,
}: {
  /** null: a new person. */
  person: DirectoryPerson | null;
  people: DirectoryPerson[];
  teams: Team[];
  isMe: boolean;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState(person?.name ?? "");
  const [email, setEmail] = useState(person?.email ?? "");
  const [managerId, setManagerId] = useState<string | null>(person?.managerId ?? null);
  const [teamIds, setTeamIds] = useState<string[]>(person?.teams.map((t) => t.id) ?? []);
  const [roles, setRoles] = useState<EditableRole[]>(
    (person?.roles ?? []).filter((r): r is EditableRole => (EDITABLE_ROLES as readonly string[]).includes(r)),
  );
  const [active, setActive] = useState(person?.active ?? true);

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.people.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.teams.pathKey() });
  };
  const create = useMutation(trpc.people.create.mutationOptions({ onSuccess: refresh }));
  const update = useMutation(trpc.people.update.mutationOptions({ onSuccess: refresh }));
  const setRolesMutation = useMutation(trpc.people.setRoles.mutationOptions({ onSuccess: refresh }));
  const error = create.error ?? update.error ?? setRolesMutation.error;
  const pending = create.isPending || update.isPending || setRolesMutation.isPending;

  const managers = useMemo(
    () =>
      people
        .filter((p) => p.active && p.id !== person?.id)
        .map((p) => ({ value: p.id, label: `${p.name} · ${p.email}` })),
    [people, person?.id],
  );
  const teamOptions = teams.map((t) => ({ value: t.id, label: t.name }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      if (!person) {
        await create.mutateAsync({ name, email, managerId, teamIds, roles });
      } else {
        await update.mutateAsync({ personId: person.id, name, email, managerId, teamIds, active });
        const current = person.roles.filter((r) => r !== "member").sort();
        if ([...roles].sort().join() !== current.join()) {
          await setRolesMutation.mutateAsync({ personId: person.id, roles });
        }
      }
      onDone();
    } catch {
      // Shown below from the mutation's error.
    }
  };

  return (
    <Stack component="form" onSubmit={submit}>
      <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} required />
      <TextInput
        label="E-mail"
        type="email"
        value={email}
        onChange={(e) => setEmail(e.currentTarget.value)}
        description={person?.hasSignIn ? "Also the address this person signs in with." : undefined}
        required
      />
      <Select
        label="Manager"
        placeholder="No manager"
        data={managers}
        value={managerId}
        onChange={setManagerId}
        searchable
        clearable
        limit={50}
      />
      <MultiSelect
        label="Teams"
        data={teamOptions}
        value={teamIds}
        onChange={setTeamIds}
        searchable
        clearable
      />
      <Checkbox.Group
        label="Roles"
        description="Everyone is a member. Managers request feedback, coaches follow their teams, admins run the organisation."
        value={roles}
        onChange={(value) => setRoles(value as EditableRole[])}
      >
        <Group mt="xs">
          {EDITABLE_ROLES.map((role) => (
            <Checkbox key={role} value={role} label={ROLE_LABELS[role]} disabled={isMe && role === "admin"} />
          ))}
        </Group>
      </Checkbox.Group>
      {person ? (
        <Switch
          label="Active"
          description={
            isMe
              ? "You cannot deactivate yourself."
              : "Deactivated people cannot sign in, are not offered as raters, and are kept for history."
          }
          checked={active}
          onChange={(e) => setActive(e.currentTarget.checked)}
          disabled={isMe}
        />
      ) : (
        <Text size="sm" c="dimmed">
          New people answer feedback through the links in their e-mails.
        </Text>
      )}
      {error ? (
        <Alert color="red" role="alert" title="Not saved">
          {errorMessage(error)}
        </Alert>
      ) : null}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" loading={pending}>
          {person ? "Save" : "Add person"}
        </Button>
      </Group>
    </Stack>
  );
}
