// One dimension in depth: each behaviour's figures with distributions (only figures that met k),
// and the comments on it, dated with the release date.

import { Badge, Box, Card, Group, Stack, Table, Text, Title } from "@mantine/core";
import { DIMENSION_COLORS, formatScore } from "../../lib/dimensions";
import { formatDay } from "../../lib/format";
import type { Report } from "../../lib/report";

type Dimension = Report["dimensions"][number];

function Distribution({ counts, label }: { counts: number[]; label: string }) {
  const total = counts.reduce((a, b) => a + b, 0);
  return (
    <Group
      gap={2}
      wrap="nowrap"
      aria-label={`${label}: ${counts.map((c, i) => `${c} rated ${i + 1}`).join(", ")}`}
    >
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
}: {
  dimension: Dimension;
  /** "Everyone but you" (or but the subject): the figure that leaves out only the self-assessment. */
  othersLabel: string;
  comments: Report["comments"];
  identified?: Report["identifiedComments"];
}) {
  return (
    <Card withBorder data-testid={`dimension-${dimension.key}`} className="avoid-break">
      <Stack>
        <Group justify="space-between">
          <Group gap="xs">
            <Box w={12} h={12} style={{ borderRadius: 6, background: DIMENSION_COLORS[dimension.key] }} />
            <Title order={3} size="h4">
              {dimension.name}
            </Title>
          </Group>
          <Text size="sm">
            {othersLabel} {formatScore(dimension.others?.mean)} · Self {formatScore(dimension.self)}
            {dimension.manager !== null ? ` · Manager ${formatScore(dimension.manager)}` : ""}
          </Text>
        </Group>
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label={`${dimension.name}: behaviours`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Behaviour</Table.Th>
                <Table.Th scope="col">{othersLabel}</Table.Th>
                <Table.Th scope="col">Self</Table.Th>
                <Table.Th scope="col">How many gave 1, 2, 3, 4, 5</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {dimension.items.map((item) => (
                <BehaviourRow key={item.id} item={item} />
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

function BehaviourRow({ item }: { item: Item }) {
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm">{item.text}</Text>
        {item.groups.map((g) => (
          <Text key={g.group} size="xs" c="dimmed">
            {g.label}: {formatScore(g.mean)} ({g.n} people)
          </Text>
        ))}
        {item.manager !== null ? (
          <Text size="xs" c="dimmed">
            Manager: {formatScore(item.manager)}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        {item.others ? (
          <>
            {formatScore(item.others.mean)}{" "}
            <Text span size="xs" c="dimmed">
              ({item.others.n} people
              {item.others.notObserved ? `, ${item.others.notObserved} not observed` : ""})
            </Text>
          </>
        ) : (
          <Text span size="xs" c="dimmed">
            Hidden: too few answers
          </Text>
        )}
      </Table.Td>
      <Table.Td>{formatScore(item.self)}</Table.Td>
      <Table.Td>
        {item.others ? <Distribution counts={item.others.distribution} label={item.text} /> : null}
      </Table.Td>
    </Table.Tr>
  );
}

function Comments({ comments }: { comments: Report["comments"] }) {
  if (comments.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="comments">
      <Text fw={600} size="sm">
        Comments
      </Text>
      {comments.map((c, i) => (
        <Card key={i} withBorder p="sm" bg="var(--mantine-color-default-hover)">
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {c.text}
          </Text>
          <Group gap="xs" mt={4}>
            {"group" in c ? <Badge size="xs">{String(c.group) === "self" ? "Self" : "Manager"}</Badge> : null}
            <Text size="xs" c="dimmed">
              {formatDay(c.date, { month: "long" })}
            </Text>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
