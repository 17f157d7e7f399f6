// Response counts per rater group: how many answered, never who. Groups too small to count on their
// own arrive pooled from the API, with their label. Invited raters who do not count towards
// anonymity (externals nobody vouched for) come as one line without counts: whether they answered
// is nobody's business, since their answers are not in the report.
import { RATER_GROUPS } from "@fivefold/domain";
import { Group, Progress, Stack, Text } from "@mantine/core";
import i18next from "i18next";
import { useTranslation } from "react-i18next";

export interface GroupCount {
  group: string;
  label: string;
  invited: number;
  submitted: number | null;
  counted?: false;
}

/** A group's name in the page's language; a pooled group keeps the label the API gave it (English). */
function groupName(g: GroupCount): string {
  return (RATER_GROUPS as readonly string[]).includes(g.group)
    ? i18next.t(`shell:progress.groupName.${g.group}`)
    : g.label;
}

export function GroupProgress({ groups }: { groups: GroupCount[] }) {
  const { t } = useTranslation();
  const counting = groups.filter((g): g is GroupCount & { submitted: number } => g.submitted !== null);
  const uncounted = groups.filter((g) => g.submitted === null);
  const invited = counting.reduce((sum, g) => sum + g.invited, 0);
  const submitted = counting.reduce((sum, g) => sum + g.submitted, 0);
  return (
    <Stack gap={6}>
      <Text size="sm" fw={600} data-testid="progress-total">
        {t("shell:progress.total", { submitted, invited })}
      </Text>
      {uncounted.map((g) => (
        <Text key={`${g.group}-uncounted`} size="xs" c="dimmed" data-testid="progress-uncounted">
          {t("shell:progress.uncounted", { count: g.invited })}
        </Text>
      ))}
      {counting.map((g) => (
        <Group key={g.group} gap="xs" wrap="nowrap">
          <Text size="xs" w={110}>
            {groupName(g)}
          </Text>
          <Progress
            value={g.invited === 0 ? 0 : (100 * g.submitted) / g.invited}
            flex={1}
            aria-label={t("shell:progress.group", {
              group: groupName(g),
              submitted: g.submitted,
              invited: g.invited,
            })}
          />
          <Text size="xs" w={40} ta="right">
            {g.submitted}/{g.invited}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
