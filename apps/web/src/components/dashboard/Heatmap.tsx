// People × dimensions, each cell the person's others-mean from their latest released report,
// on one diverging scale with the number printed. Sortable by any column; rows link to reports.

import { type DimensionKey, formatDay, sortHeatmap } from "@fivefold/domain";
import { Anchor, Badge, Group, Progress, Table, Text, UnstyledButton } from "@mantine/core";
import { useMemo, useState } from "react";
import { Link } from "react-router";
import type { TeamDashboard } from "../../lib/dashboard";
import { formatScore } from "../../lib/dimensions";
import { heatColor } from "../../lib/heat";

type SortKey = DimensionKey | "name";

export function Heatmap({
  dashboard,
  names,
}: {
  dashboard: TeamDashboard;
  names: Record<DimensionKey, string>;
}) {
  const [sort, setSort] = useState<{ by: SortKey; direction: "asc" | "desc" }>({
    by: "name",
    direction: "asc",
  });
  const rows = useMemo(
    () => sortHeatmap(dashboard.people, sort.by, sort.direction),
    [dashboard.people, sort],
  );
  const keys = Object.keys(names) as DimensionKey[];

  const header = (key: SortKey, label: string) => {
    const active = sort.by === key;
    const next =
      active && sort.direction === (key === "name" ? "asc" : "desc")
        ? key === "name"
          ? "desc"
          : "asc"
        : key === "name"
          ? "asc"
          : "desc";
    return (
      <Table.Th
        scope="col"
        aria-sort={active ? (sort.direction === "asc" ? "ascending" : "descending") : "none"}
      >
        <UnstyledButton onClick={() => setSort({ by: key, direction: next })} fw={600} fz="sm">
          {label} {active ? (sort.direction === "asc" ? "▲" : "▼") : ""}
        </UnstyledButton>
      </Table.Th>
    );
  };

  return (
    <Table.ScrollContainer minWidth={820} maxHeight={640}>
      <Table stickyHeader aria-label="Heatmap: others' mean per person and dimension" data-testid="heatmap">
        <Table.Thead>
          <Table.Tr>
            {header("name", "Person")}
            {keys.map((key) => header(key, names[key]))}
            <Table.Th scope="col">Plan</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((person) => (
            <Table.Tr
              key={person.personId}
              data-testid="heatmap-row"
              style={{ contentVisibility: "auto", containIntrinsicSize: "auto 44px" }}
            >
              <Table.Th scope="row">
                <Text size="sm" fw={600}>
                  {person.requestId ? (
                    <Anchor component={Link} to={`/reports/${person.requestId}`} inherit>
                      {person.name}
                    </Anchor>
                  ) : (
                    person.name
                  )}
                </Text>
                <Text size="xs" c="dimmed">
                  {person.releasedAt ? `Released ${formatDay(person.releasedAt)}` : person.blankReason}
                </Text>
              </Table.Th>
              {keys.map((key) => {
                const value = person.cells[key];
                if (value === null || !person.requestId) {
                  return (
                    <Table.Td key={key} title={person.blankReason ?? "Hidden: too few answers"}>
                      <Text size="xs" c="dimmed" ta="center">
                        —
                      </Text>
                    </Table.Td>
                  );
                }
                const colors = heatColor(value);
                return (
                  <Table.Td key={key} p={2}>
                    <Anchor
                      component={Link}
                      to={`/reports/${person.requestId}`}
                      underline="never"
                      aria-label={`${person.name}, ${names[key]}: ${formatScore(value)}. Open the report`}
                      style={{
                        display: "block",
                        textAlign: "center",
                        padding: "8px 4px",
                        borderRadius: 4,
                        ...colors,
                      }}
                      fz="sm"
                      fw={600}
                      data-testid="heat-cell"
                    >
                      {formatScore(value)}
                    </Anchor>
                  </Table.Td>
                );
              })}
              <Table.Td miw={150}>
                {person.plan ? (
                  <>
                    <Group gap={4}>
                      <Badge
                        size="xs"
                        variant="light"
                        color={person.plan.state === "active" ? "blue" : "gray"}
                      >
                        {person.plan.state}
                      </Badge>
                      {person.plan.overdue ? (
                        <Badge size="xs" color="red">
                          overdue
                        </Badge>
                      ) : null}
                    </Group>
                    <Progress
                      value={person.plan.progress}
                      size="sm"
                      mt={4}
                      aria-label={`Plan progress ${person.plan.progress}%`}
                    />
                    <Text size="xs" c="dimmed">
                      {person.plan.progress}% ·{" "}
                      {person.plan.lastCheckinAt
                        ? `checked in ${formatDay(person.plan.lastCheckinAt)}`
                        : "no check-in yet"}
                    </Text>
                    {dashboard.viewer === "coach" && person.plan.id ? (
                      <Anchor component={Link} to={`/plans/${person.plan.id}`} size="xs">
                        Open {person.name.split(" ")[0]}'s plan
                      </Anchor>
                    ) : null}
                  </>
                ) : (
                  <Text size="xs" c="dimmed">
                    No plan
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
