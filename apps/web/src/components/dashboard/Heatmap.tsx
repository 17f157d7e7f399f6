// People × dimensions, each cell the person's others-mean from their latest released report,
// on one diverging scale with the number printed. Sortable by any column; rows link to reports.
import { type DimensionKey, sortHeatmap } from "@fivefold/domain";
import { Anchor, Badge, Group, Progress, Table, Text, UnstyledButton } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { currentLocale } from "../../i18n";
import { blankText, type TeamDashboard } from "../../lib/dashboard";
import { formatDay } from "../../lib/format";
import { heatColor } from "../../lib/heat";
import { formatScore } from "../../lib/report";
import { HeatmapCards } from "./HeatmapCards";

type SortKey = DimensionKey | "name";

/** A plan's progress, `40%` or `40 %`, as the page's locale writes a percentage. */
const formatPercent = (value: number) =>
  (value / 100).toLocaleString(currentLocale(), { style: "percent", maximumFractionDigits: 0 });
type Sort = { by: SortKey; direction: "asc" | "desc" };
type Person = TeamDashboard["people"][number];

/** Names sort A–Z first, figures highest first; a second click turns the order round. */
function nextSort(sort: Sort, key: SortKey): Sort {
  const first = key === "name" ? "asc" : "desc";
  const active = sort.by === key;
  return {
    by: key,
    direction: active && sort.direction === first ? (first === "asc" ? "desc" : "asc") : first,
  };
}

export function Heatmap({
  dashboard,
  names,
}: {
  dashboard: TeamDashboard;
  names: Record<DimensionKey, string>;
}) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<Sort>({ by: "name", direction: "asc" });
  const rows = useMemo(
    () => sortHeatmap(dashboard.people, sort.by, sort.direction),
    [dashboard.people, sort],
  );
  const keys = Object.keys(names) as DimensionKey[];
  // On a phone, cards with every dimension: a table there scrolled inside the page, showing two of five.
  const phone = useMediaQuery("(max-width: 36em)");
  if (phone) {
    return (
      <HeatmapCards
        rows={rows}
        names={names}
        sortBy={sort.by}
        onSortBy={(key) => setSort({ by: key as SortKey, direction: key === "name" ? "asc" : "desc" })}
      />
    );
  }
  const header = (key: SortKey, label: string) => (
    <SortHeader
      key={key}
      label={label}
      sort={sort}
      column={key}
      onSort={() => setSort(nextSort(sort, key))}
    />
  );
  return (
    <Table.ScrollContainer minWidth={820} maxHeight={640}>
      <Table stickyHeader aria-label={t("dashboard:heatmap.table")} data-testid="heatmap">
        <Table.Thead>
          <Table.Tr>
            {header("name", t("dashboard:heatmap.person"))}
            {keys.map((key) => header(key, names[key]))}
            <Table.Th scope="col">{t("dashboard:heatmap.plan")}</Table.Th>
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
                  {person.releasedAt
                    ? t("dashboard:heatmap.released", { day: formatDay(person.releasedAt) })
                    : blankText(person.blank)}
                </Text>
              </Table.Th>
              {keys.map((key) => (
                <HeatCell key={key} person={person} value={person.cells[key]} name={names[key]} />
              ))}
              <PlanCell person={person} coach={dashboard.viewer === "coach"} />
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function SortHeader(props: { label: string; sort: Sort; column: SortKey; onSort: () => void }) {
  const { label, sort, column, onSort } = props;
  const active = sort.by === column;
  return (
    <Table.Th
      scope="col"
      aria-sort={active ? (sort.direction === "asc" ? "ascending" : "descending") : "none"}
    >
      <UnstyledButton onClick={onSort} fw={600} fz="sm">
        {label} {active ? (sort.direction === "asc" ? "▲" : "▼") : ""}
      </UnstyledButton>
    </Table.Th>
  );
}

function HeatCell({ person, value, name }: { person: Person; value: number | null; name: string }) {
  const { t } = useTranslation();
  if (value === null || !person.requestId) {
    return (
      <Table.Td title={blankText(person.blank) ?? t("dashboard:heatmap.hidden")}>
        <Text size="xs" c="dimmed" ta="center">
          —
        </Text>
      </Table.Td>
    );
  }
  const colors = heatColor(value);
  return (
    <Table.Td p={2}>
      <Anchor
        component={Link}
        to={`/reports/${person.requestId}`}
        underline="never"
        aria-label={t("dashboard:heatmap.cell", {
          name: person.name,
          dimension: name,
          score: formatScore(value),
        })}
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
}

function PlanCell({ person, coach }: { person: Person; coach: boolean }) {
  const { t } = useTranslation();
  return (
    <Table.Td miw={150}>
      {person.plan ? (
        <>
          <Group gap={4}>
            <Badge size="xs" variant="light" color={person.plan.state === "active" ? "blue" : "gray"}>
              {t(`dashboard:plan.state.${person.plan.state}`)}
            </Badge>
            {person.plan.overdue ? (
              <Badge size="xs" color="red">
                {t("dashboard:plan.overdue")}
              </Badge>
            ) : null}
          </Group>
          <Progress
            value={person.plan.progress}
            size="sm"
            mt={4}
            aria-label={t("dashboard:plan.progress", { percent: formatPercent(person.plan.progress) })}
          />
          <Text size="xs" c="dimmed">
            {formatPercent(person.plan.progress)} ·{" "}
            {person.plan.lastCheckinAt
              ? t("dashboard:plan.checkedIn", { day: formatDay(person.plan.lastCheckinAt) })
              : t("dashboard:plan.noCheckin")}
          </Text>
          {coach && person.plan.id ? (
            <Anchor component={Link} to={`/plans/${person.plan.id}`} size="xs">
              {t("dashboard:plan.open", { name: person.name.split(" ")[0] })}
            </Anchor>
          ) : null}
        </>
      ) : (
        <Text size="xs" c="dimmed">
          {t("dashboard:plan.none")}
        </Text>
      )}
    </Table.Td>
  );
}
