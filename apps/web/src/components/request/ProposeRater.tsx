// The subject proposes a colleague as a rater of their draft request; the manager approves it.
import type { RaterGroup } from "@fivefold/domain";
import { Button, Group, Select, Stack, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useInvalidate } from "../../lib/invalidate";
import { errorMessage } from "../../lib/labels";
import { useMe } from "../../lib/me";
import { useTRPC } from "../../lib/trpc";
import { PersonSelect } from "../people/PersonPicker";

export function ProposeRater({ requestId, subjectId }: { requestId: string; subjectId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const me = useMe();
  const invalidate = useInvalidate();
  const [personId, setPersonId] = useState<string | null>(null);
  const [group, setGroup] = useState<RaterGroup>("peer");
  const propose = useMutation(
    trpc.nominations.propose.mutationOptions({
      onSuccess: () => {
        setPersonId(null);
        return invalidate.nominationsChanged(requestId);
      },
    }),
  );
  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        {t("requests:propose.title")}
      </Text>
      <Text size="xs" c="dimmed">
        {t("requests:propose.hint")}
      </Text>
      <Group align="flex-end">
        <PersonSelect
          label={t("requests:addRater.person")}
          placeholder={t("requests:addRater.search")}
          value={personId}
          onChange={setPersonId}
          exclude={[subjectId, me.person.id]}
          withEmail={false}
          w={260}
        />
        <Select
          label={t("requests:addRater.group")}
          data={(["peer", "direct_report", "other"] as const).map((g) => ({
            value: g,
            label: t(`requests:group.${g}`),
          }))}
          value={group}
          onChange={(v) => setGroup((v as RaterGroup) ?? "peer")}
          allowDeselect={false}
          w={180}
        />
        <Button
          disabled={!personId}
          loading={propose.isPending}
          onClick={() => personId && propose.mutate({ requestId, personId, group })}
        >
          {t("requests:propose.submit")}
        </Button>
      </Group>
      {propose.isError ? (
        <Text size="sm" c="red" role="alert">
          {errorMessage(propose.error)}
        </Text>
      ) : null}
    </Stack>
  );
}
