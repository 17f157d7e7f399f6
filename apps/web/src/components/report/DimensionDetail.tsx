// One dimension in depth: each behaviour's figures with distributions (only figures that met k),
// and the comments on it, dated with the release date.

import { Badge, Box, Card, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DIMENSION_COLORS } from "../../lib/dimensions";
import { formatDay } from "../../lib/format";
import { behaviourText, dimensionName, formatScore, groupLabel, type Report } from "../../lib/report";

type Dimension = Report["dimensions"][number];

function Distribution({ counts, label }: { counts: number[]; label: string }) {
  const { t } = useTranslation();
  const total = counts.reduce((a, b) => a + b, 0);
  const rated = counts.map((count, i) => t("report:detail.rated", { count, score: i + 1 }));
  return (
    <Group gap={2} wrap="nowrap" aria-label={`${label}: ${rated.join(", ")}`}>
      {counts.map((count, i) => (
        <Box
          key={i}
          w={22}
          h={18}
          style={{
            background: `rgba(0, 114, 178, ${total === 0 ? 0 : 0.15 + (0.85 * count) / total})`,
            borderRadius: 3,
            fontSize: 11,
            textAlign: "center",
            color: count / Math.max(total, 1) > 0.5 ? "white" : "black",
          }}
        >
          {count}
        </Box>
      ))}
    </Group>
  );
}

export function DimensionDetail({
  dimension,
  comments,
  othersLabel,
  version,
}: {
  dimension: Dimension;
  /** "Everyone but you" (or but the subject): the figure that leaves out only the self-assessment. */
  othersLabel: string;
  comments: Report["comments"];
  /** The questionnaire version, which says whether the behaviours' German wording is known. */
  version: number;
  identified?: Report["identifiedComments"];
}) {
  const { t } = useTranslation();
  const name = dimensionName(dimension.key);
  return (
    <Card withBorder data-testid={`dimension-${dimension.key}`} className="avoid-break">
      <Stack>
        <Group justify="space-between">
          <Group gap="xs">
            <Box w={12} h={12} style={{ borderRadius: 6, background: DIMENSION_COLORS[dimension.key] }} />
            <Title order={3} size="h4">
              {name}
            </Title>
          </Group>
          <Text size="sm">
            {othersLabel} {formatScore(dimension.others?.mean)} · {t("report:figure.self")}{" "}
            {formatScore(dimension.self)}
            {dimension.manager !== null
              ? ` · ${t("report:figure.manager")} ${formatScore(dimension.manager)}`
              : ""}
          </Text>
        </Group>
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label={t("report:detail.table", { name })}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("report:detail.behaviour")}</Table.Th>
                <Table.Th scope="col">{othersLabel}</Table.Th>
                <Table.Th scope="col">{t("report:figure.self")}</Table.Th>
                <Table.Th scope="col">{t("report:detail.distribution")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {dimension.items.map((item) => (
                <BehaviourRow key={item.id} item={item} version={version} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Comments comments={comments} />
      </Stack>
    </Card>
  );
}

type Item = Dimension["items"][number];

function BehaviourRow({ item, version }: { item: Item; version: number }) {
  const { t } = useTranslation();
  const text = behaviourText({ instrumentVersion: version }, item.id, item.text);
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm">{text}</Text>
        {item.groups.map((g) => (
          <Text key={g.group} size="xs" c="dimmed">
            {groupLabel(g)}: {formatScore(g.mean)} {t("report:figure.people", { count: g.n })}
          </Text>
        ))}
        {item.manager !== null ? (
          <Text size="xs" c="dimmed">
            {t("report:figure.manager")}: {formatScore(item.manager)}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        {item.others ? (
          <>
            {formatScore(item.others.mean)}{" "}
            <Text span size="xs" c="dimmed">
              {item.others.notObserved
                ? t("report:detail.peopleNotObserved", {
                    count: item.others.n,
                    notObserved: item.others.notObserved,
                  })
                : t("report:figure.people", { count: item.others.n })}
            </Text>
          </>
        ) : (
          <Text span size="xs" c="dimmed">
            {t("report:figure.hidden")}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{formatScore(item.self)}</Table.Td>
      <Table.Td>
        {item.others ? <Distribution counts={item.others.distribution} label={text} /> : null}
      </Table.Td>
    </Table.Tr>
  );
}

function Comments({ comments }: { comments: Report["comments"] }) {
  const { t } = useTranslation();
  if (comments.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="comments">
      <Text fw={600} size="sm">
        {t("report:detail.comments")}
      </Text>
      {comments.map((c, i) => (
        <Card key={i} withBorder p="sm" bg="var(--mantine-color-default-hover)">
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {c.text}
          </Text>
          <Group gap="xs" mt={4}>
            {"group" in c ? (
              <Badge size="xs">
                {String(c.group) === "self" ? t("report:figure.self") : t("report:figure.manager")}
              </Badge>
            ) : null}
            <Text size="xs" c="dimmed">
              {formatDay(c.date, { month: "long" })}
            </Text>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
