// The manager adds a rater to their request (issue 18). Before it opens, in any group; once open,
// only as a manager-group rater, and the card says why: a new anonymous rater joining while answers
// come in could be singled out by the change in the counts (DESIGN §4 rule 8).
import type { RaterGroup } from "@fivefold/domain";
import { Button, Group, Select, Stack, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useInvalidate } from "../../lib/invalidate";
import { errorMessage } from "../../lib/labels";
import { useTRPC } from "../../lib/trpc";
import { PersonSelect } from "../people/PersonPicker";
import type { RequestView } from "./types";

const DRAFT_GROUPS = ["peer", "direct_report", "other", "manager"] as const;

export function AddRater({ request: r }: { request: RequestView }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const open = r.state === "open";
  const groups: readonly RaterGroup[] = open ? ["manager"] : DRAFT_GROUPS;
  const [personId, setPersonId] = useState<string | null>(null);
  const [group, setGroup] = useState<RaterGroup>(open ? "manager" : "peer");
  const chosen = groups.includes(group) ? group : (groups[0] ?? "manager");
  const add = useMutation(
    trpc.requests.addRater.mutationOptions({
      onSuccess: () => {
        setPersonId(null);
        return Promise.all([invalidate.nominationsChanged(r.id), invalidate.requestStateChanged(r.id)]);
      },
    }),
  );
  const known = new Set(r.nominations.flatMap((n) => (n.person ? [n.person.id] : [])));
  return (
    <Stack gap="xs" data-testid="add-rater">
      <Text fw={600} size="sm">
        {t("requests:addRater.title")}
      </Text>
      <Text size="xs" c="dimmed">
        {open ? t("requests:addRater.openHint") : t("requests:addRater.draftHint")}
      </Text>
      <Group align="flex-end">
        <PersonSelect
          label={t("requests:addRater.person")}
          placeholder={t("requests:addRater.search")}
          value={personId}
          onChange={setPersonId}
          exclude={[r.subject.id, ...known]}
          withEmail={false}
          w={260}
        />
        <Select
          label={t("requests:addRater.group")}
          data={groups.map((g) => ({ value: g, label: t(`requests:group.${g}`) }))}
          value={chosen}
          onChange={(v) => setGroup((v as RaterGroup) ?? chosen)}
          allowDeselect={false}
          w={180}
        />
        <Button
          disabled={!personId}
          loading={add.isPending}
          onClick={() => personId && add.mutate({ requestId: r.id, personId, group: chosen as never })}
        >
          {open ? t("requests:addRater.invite") : t("requests:addRater.add")}
        </Button>
      </Group>
      {add.isSuccess ? (
        <Text size="sm" role="status">
          {add.data.invited ? t("requests:addRater.invited") : t("requests:addRater.added")}
        </Text>
      ) : null}
      {add.isError ? (
        <Text size="sm" c="red" role="alert">
          {errorMessage(add.error)}
        </Text>
      ) : null}
    </Stack>
  );
}
