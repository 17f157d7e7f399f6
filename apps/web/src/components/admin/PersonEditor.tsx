// Adding or editing one person (admins): name, e-mail, manager, teams, roles and whether they are
// active. Roles go through their own procedure, so a failed role change never hides a saved edit.
import { Alert, Button, Checkbox, Group, MultiSelect, Stack, Switch, Text, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useInvalidate } from "../../lib/invalidate";
import { errorMessage } from "../../lib/labels";
import { useTRPC } from "../../lib/trpc";
import { PersonSelect } from "../people/PersonPicker";
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
  const { t } = useTranslation();
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
        <TextInput label={t("admin:person.name")} {...form.getInputProps("name")} required />
        <TextInput
          label={t("admin:person.email")}
          type="email"
          {...form.getInputProps("email")}
          description={person?.hasSignIn ? t("admin:person.emailSignIn") : undefined}
          required
        />
        <PersonSelect
          label={t("admin:person.manager")}
          placeholder={t("admin:person.noManager")}
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
          label={t("admin:person.teams")}
          data={teams.map((t) => ({ value: t.id, label: t.name }))}
          {...form.getInputProps("teamIds")}
          searchable
          clearable
        />
        <RolesAndActive form={form} isNew={!person} isMe={isMe} />
        {error ? (
          <Alert color="red" role="alert" title={t("admin:common.notSaved")}>
            {errorMessage(error)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("admin:common.cancel")}
          </Button>
          <Button type="submit" loading={pending}>
            {person ? t("admin:common.save") : t("admin:person.add")}
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
  const { t } = useTranslation();
  return (
    <>
      <Checkbox.Group
        label={t("admin:person.roles")}
        description={t("admin:person.rolesHelp")}
        {...form.getInputProps("roles")}
      >
        <Group mt="xs">
          {EDITABLE_ROLES.map((role) => (
            <Checkbox
              key={role}
              value={role}
              label={t(`admin:roles.${role}`)}
              disabled={isMe && role === "admin"}
            />
          ))}
        </Group>
      </Checkbox.Group>
      {isNew ? (
        <Text size="sm" c="dimmed">
          {t("admin:person.newPeople")}
        </Text>
      ) : (
        <Switch
          label={t("admin:person.active")}
          description={isMe ? t("admin:person.cannotDeactivateSelf") : t("admin:person.deactivatedHelp")}
          {...form.getInputProps("active", { type: "checkbox" })}
          disabled={isMe}
        />
      )}
    </>
  );
}
