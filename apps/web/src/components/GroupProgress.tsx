// Response counts per rater group: how many answered, never who. Groups too small to count on their
// own arrive pooled from the API, with their label. Invited raters who do not count towards
// anonymity (externals nobody vouched for) come as one line without counts: whether they answered
// is nobody's business, since their answers are not in the report.
import { Group, Progress, Stack, Text } from "@mantine/core";

export interface GroupCount {
  group: string;
  label: string;
  invited: number;
  submitted: number | null;
  counted?: false;
}

export function GroupProgress({ groups }: { groups: GroupCount[] }) {
  const counting = groups.filter((g): g is GroupCount & { submitted: number } => g.submitted !== null);
  const uncounted = groups.filter((g) => g.submitted === null);
  const invited = counting.reduce((sum, g) => sum + g.invited, 0);
  const submitted = counting.reduce((sum, g) => sum + g.submitted, 0);
  return (
    <Stack gap={6}>
      <Text size="sm" fw={600} data-testid="progress-total">
        {submitted}/{invited} answered
      </Text>
      {uncounted.map((g) => (
        <Text key={`${g.group}-uncounted`} size="xs" c="dimmed" data-testid="progress-uncounted">
          {g.invited} more invited {g.invited === 1 ? "does" : "do"} not count towards anonymity: their domain
          is not on the organisation's list and no admin who does not read the report approved them.
        </Text>
      ))}
      {counting.map((g) => (
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
