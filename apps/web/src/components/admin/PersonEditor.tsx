// Adding or editing one person (admins): name, e-mail, manager, teams, roles and whether they are
// active. Roles go through their own procedure, so a failed role change never hides a saved edit.
import { Alert, Button, Checkbox, Group, MultiSelect, Stack, Switch, Text, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useInvalidate } from "../../lib/invalidate";
import { errorMessage } from "../../lib/labels";
import { useTRPC } from "../../lib/trpc";
import { PersonSelect } from "../people/PersonPicker";
import { ROLE_LABELS } from "./labels";
import { EDITABLE_ROLES, type PersonValues, usePersonForm } from "./personForm";
import type { DirectoryPagePerson, Team } from "./types";

interface Props {
  /** null: a new person. */
  person: DirectoryPagePerson | null;
  teams: Team[];
  isMe: boolean;
  onDone: () => void;
}

function useSavePerson(person: DirectoryPagePerson | null) {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const options = { onSuccess: invalidate.peopleChanged };
  const create = useMutation(trpc.people.create.mutationOptions(options));
  const update = useMutation(trpc.people.update.mutationOptions(options));
  const setRoles = useMutation(trpc.people.setRoles.mutationOptions(options));
  const save = async ({ name, email, managerId, teamIds, roles, active }: PersonValues) => {
    if (!person) return void (await create.mutateAsync({ name, email, managerId, teamIds, roles }));
    await update.mutateAsync({ personId: person.id, name, email, managerId, teamIds, active });
    const current = person.roles.filter((r) => r !== "member").sort();
    if ([...roles].sort().join() !== current.join())
      await setRoles.mutateAsync({ personId: person.id, roles });
  };
  return {
    save,
    error: create.error ?? update.error ?? setRoles.error,
    pending: create.isPending || update.isPending || setRoles.isPending,
  };
}

export function PersonEditor({ person, teams, isMe, onDone }: Props) {
  const form = usePersonForm(person);
  const { save, error, pending } = useSavePerson(person);
  const submit = form.onSubmit(async (values) => {
    try {
      await save(values);
      onDone();
    } catch {
      // Shown below from the mutation's error.
    }
  });

  return (
    <form onSubmit={submit}>
      <Stack>
        <TextInput label="Name" {...form.getInputProps("name")} required />
        <TextInput
          label="E-mail"
          type="email"
          {...form.getInputProps("email")}
          description={person?.hasSignIn ? "Also the address this person signs in with." : undefined}
          required
        />
        <PersonSelect
          label="Manager"
          placeholder="No manager"
          value={form.values.managerId}
          onChange={(managerId) => form.setFieldValue("managerId", managerId)}
          error={form.errors.managerId}
          exclude={person ? [person.id] : []}
          known={
            person?.managerId && person.managerName
              ? [{ id: person.managerId, label: person.managerName }]
              : []
          }
          clearable
        />
        <MultiSelect
          label="Teams"
          data={teams.map((t) => ({ value: t.id, label: t.name }))}
          {...form.getInputProps("teamIds")}
          searchable
          clearable
        />
        <RolesAndActive form={form} isNew={!person} isMe={isMe} />
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
    </form>
  );
}

function RolesAndActive({
  form,
  isNew,
  isMe,
}: {
  form: UseFormReturnType<PersonValues>;
  isNew: boolean;
  isMe: boolean;
}) {
  return (
    <>
      <Checkbox.Group
        label="Roles"
        description="Everyone is a member. Managers request feedback, coaches follow their teams, admins run the organisation."
        {...form.getInputProps("roles")}
      >
        <Group mt="xs">
          {EDITABLE_ROLES.map((role) => (
            <Checkbox key={role} value={role} label={ROLE_LABELS[role]} disabled={isMe && role === "admin"} />
          ))}
        </Group>
      </Checkbox.Group>
      {isNew ? (
        <Text size="sm" c="dimmed">
          New people answer feedback through the links in their e-mails.
        </Text>
      ) : (
        <Switch
          label="Active"
          description={
            isMe
              ? "You cannot deactivate yourself."
              : "Deactivated people cannot sign in, are not offered as raters, and are kept for history."
          }
          {...form.getInputProps("active", { type: "checkbox" })}
          disabled={isMe}
        />
      )}
    </>
  );
}
