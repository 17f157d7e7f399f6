// Response counts per rater group: how many answered, never who. Groups too small to count on their
// own arrive pooled from the API, with their label.
import { Group, Progress, Stack, Text } from "@mantine/core";

export interface GroupCount {
  group: string;
  label: string;
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
            {g.label}
          </Text>
          <Progress
            value={g.invited === 0 ? 0 : (100 * g.submitted) / g.invited}
            flex={1}
            aria-label={`${g.label}: ${g.submitted} of ${g.invited} answered`}
          />
          <Text size="xs" w={40} ta="right">
            {g.submitted}/{g.invited}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
