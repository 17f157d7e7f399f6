// Response counts per rater group: how many answered, never who.

import type { RaterGroup } from "@fivefold/domain";
import { Group, Progress, Stack, Text } from "@mantine/core";
import { GROUP_LABELS } from "../lib/labels";

export interface GroupCount {
  group: RaterGroup;
  invited: number;
  submitted: number;
}

export function GroupProgress({ groups }: { groups: GroupCount[] }) {
  const invited = groups.reduce((sum, g) => sum + g.invited, 0);
  const submitted = groups.reduce((sum, g) => sum + g.submitted, 0);
  return (
    <Stack gap={6}>
      <Text size="sm" fw={600} data-testid="progress-total">
        {submitted}/{invited} answered
      </Text>
      {groups.map((g) => (
        <Group key={g.group} gap="xs" wrap="nowrap">
          <Text size="xs" w={110}>
            {GROUP_LABELS[g.group]}
          </Text>
          <Progress
            value={g.invited === 0 ? 0 : (100 * g.submitted) / g.invited}
            flex={1}
            aria-label={`${GROUP_LABELS[g.group]}: ${g.submitted} of ${g.invited} answered`}
          />
          <Text size="xs" w={40} ta="right">
            {g.submitted}/{g.invited}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
