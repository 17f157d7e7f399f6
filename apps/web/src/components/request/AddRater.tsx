// The manager adds a rater to their request (issue 18). Before it opens, in any group; once open,
// only as a manager-group rater, and the card says why: a new anonymous rater joining while answers
// come in could be singled out by the change in the counts (DESIGN §4 rule 8).
import type { RaterGroup } from "@fivefold/domain";
import { Button, Group, Select, Stack, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useInvalidate } from "../../lib/invalidate";
import { errorMessage, GROUP_LABELS } from "../../lib/labels";
import { useTRPC } from "../../lib/trpc";
import { PersonSelect } from "../people/PersonPicker";
import type { RequestView } from "./types";

const DRAFT_GROUPS = ["peer", "direct_report", "other", "manager"] as const;

export function AddRater({ request: r }: { request: RequestView }) {
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
        Add a rater
      </Text>
      <Text size="xs" c="dimmed">
        {open
          ? "While answers come in, only a rater in the manager group can join: they are shown apart and named, so nobody is singled out. A new peer, direct report or other could be picked out by the change in the counts, so add those before opening."
          : "Who you add is approved at once and invited when the request opens."}
      </Text>
      <Group align="flex-end">
        <PersonSelect
          label="Person"
          placeholder="Search by name or e-mail"
          value={personId}
          onChange={setPersonId}
          exclude={[r.subject.id, ...known]}
          withEmail={false}
          w={260}
        />
        <Select
          label="Group"
          data={groups.map((g) => ({ value: g, label: GROUP_LABELS[g] }))}
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
          {open ? "Invite" : "Add"}
        </Button>
      </Group>
      {add.isSuccess ? (
        <Text size="sm" role="status">
          {add.data.invited
            ? "Invited: their invitation is in their inbox and e-mail."
            : "Added to the raters."}
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
