// The subject proposes a colleague as a rater of their draft request; the manager approves it.
import type { RaterGroup } from "@fivefold/domain";
import { Button, Group, Select, Stack, Text } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useInvalidate } from "../../lib/invalidate";
import { errorMessage, GROUP_LABELS } from "../../lib/labels";
import { useMe } from "../../lib/me";
import { useTRPC } from "../../lib/trpc";

export function ProposeRater({ requestId, subjectId }: { requestId: string; subjectId: string }) {
  const trpc = useTRPC();
  const me = useMe();
  const invalidate = useInvalidate();
  const people = useQuery(trpc.people.list.queryOptions());
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
  const options = (people.data ?? [])
    .filter((p) => p.id !== subjectId && p.id !== me.person.id)
    .map((p) => ({ value: p.id, label: p.name }));
  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        Propose a rater
      </Text>
      <Text size="xs" c="dimmed">
        Your manager approves each proposal before the person is invited.
      </Text>
      <Group align="flex-end">
        <Select label="Person" data={options} value={personId} onChange={setPersonId} searchable w={260} />
        <Select
          label="Group"
          data={(["peer", "direct_report", "other"] as const).map((g) => ({
            value: g,
            label: GROUP_LABELS[g],
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
          Propose
        </Button>
      </Group>
      {propose.isError ? (
        <Text size="sm" c="red.8" role="alert">
          {errorMessage(propose.error)}
        </Text>
      ) : null}
    </Stack>
  );
}
