// A person's data: export it as JSON, or erase it (typing the name to confirm). Erasure removes the
// name, e-mail and sign-in and deletes reports about the person; answers they gave stay sealed.
import { Alert, Button, Group, Modal, Stack, Text, TextInput, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useInvalidate } from "../../lib/invalidate";
import { errorMessage } from "../../lib/labels";
import { useTRPC } from "../../lib/trpc";
import { downloadJson } from "./download";
import type { DirectoryPerson } from "./types";

export function DangerZone({
  person,
  isMe,
  onErased,
}: {
  person: DirectoryPerson;
  isMe: boolean;
  onErased: () => void;
}) {
  const trpc = useTRPC();
  const { t } = useTranslation();
  const invalidate = useInvalidate();
  const [opened, { open, close }] = useDisclosure();
  const [typed, setTyped] = useState("");
  const exportData = useMutation(
    trpc.people.export.mutationOptions({
      onSuccess: (data) => downloadJson(`fivefold-${person.email}.json`, data),
    }),
  );
  const erase = useMutation(
    trpc.people.erase.mutationOptions({
      onSuccess: async () => {
        close();
        await invalidate.peopleChanged();
        onErased();
      },
    }),
  );
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t("admin:danger.title")}
      </Title>
      <Group>
        <Button
          variant="default"
          onClick={() => exportData.mutate({ personId: person.id })}
          loading={exportData.isPending}
        >
          {t("admin:danger.export")}
        </Button>
        <Button color="red" variant="light" onClick={open} disabled={isMe}>
          {t("admin:danger.erase")}
        </Button>
      </Group>
      {exportData.isError ? <Alert color="red">{errorMessage(exportData.error)}</Alert> : null}
      <Modal opened={opened} onClose={close} title={t("admin:danger.eraseTitle", { name: person.name })}>
        <Stack>
          <Text size="sm">{t("admin:danger.eraseText")}</Text>
          <TextInput
            label={t("admin:danger.typeToConfirm", { name: person.name })}
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
          />
          {erase.isError ? <Alert color="red">{errorMessage(erase.error)}</Alert> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("admin:common.cancel")}
            </Button>
            <Button
              color="red"
              disabled={typed.trim() !== person.name}
              loading={erase.isPending}
              onClick={() => erase.mutate({ personId: person.id })}
            >
              {t("admin:danger.eraseConfirm")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
