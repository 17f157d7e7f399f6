// People × dimensions, each cell the person's others-mean from their latest released report,
// on one diverging scale with the number printed. Sortable by any column; rows link to reports.
import { type DimensionKey, sortHeatmap } from "@fivefold/domain";
import { Anchor, Badge, Group, Progress, Table, Text, UnstyledButton } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import type { TFunction } from "i18next";
import { memo, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { blankText, type TeamDashboard } from "../../lib/dashboard";
import { formatDay, formatPercent } from "../../lib/format";
import { heatColor } from "../../lib/heat";
import { formatScore } from "../../lib/report";
import { HeatmapCards } from "./HeatmapCards";

type SortKey = DimensionKey | "name";

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
  const keys = useMemo(() => Object.keys(names) as DimensionKey[], [names]);
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
      <Table stickyHeader layout="fixed" aria-label={t("dashboard:heatmap.table")} data-testid="heatmap">
        {/* Fixed widths: the browser lays the table out from these, not by measuring 500 rows' cells. */}
        <colgroup>
          <col style={{ width: "22%" }} />
          {keys.map((key) => (
            <col key={key} style={{ width: "12%" }} />
          ))}
          <col style={{ width: "18%" }} />
        </colgroup>
        <Table.Thead>
          <Table.Tr>
            {header("name", t("dashboard:heatmap.person"))}
            {keys.map((key) => header(key, names[key]))}
            <Table.Th scope="col">{t("dashboard:heatmap.plan")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((person) => (
            <HeatmapRow
              key={person.personId}
              person={person}
              keys={keys}
              names={names}
              coach={dashboard.viewer === "coach"}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * One person's row, in plain elements styled by app.css (`.heatmap-row`): a team of 500 is 4,000
 * cells, and Mantine's components cost several times what the elements they render do. Memoised on
 * its props (the person as the query gave it, the table's keys and names), so a sort moves rows
 * instead of writing them again; one translation hook per row.
 */
const HeatmapRow = memo(function HeatmapRow(props: {
  person: Person;
  keys: DimensionKey[];
  names: Record<DimensionKey, string>;
  coach: boolean;
}) {
  const { person, keys, names, coach } = props;
  const { t } = useTranslation();
  const report = person.requestId ? `/reports/${person.requestId}` : null;
  return (
    <tr className="heatmap-row" data-testid="heatmap-row">
      <th scope="row">
        <p className="heatmap-name">{report ? <Link to={report}>{person.name}</Link> : person.name}</p>
        <p className="heatmap-note">
          {person.releasedAt
            ? t("dashboard:heatmap.released", { day: formatDay(person.releasedAt) })
            : blankText(person.blank)}
        </p>
      </th>
      {keys.map((key) => (
        <HeatCell key={key} t={t} person={person} value={person.cells[key]} name={names[key]} />
      ))}
      <PlanCell t={t} person={person} coach={coach} />
    </tr>
  );
});

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

function HeatCell(props: { t: TFunction; person: Person; value: number | null; name: string }) {
  const { t, person, value, name } = props;
  if (value === null || !person.requestId) {
    return (
      <td className="heatmap-blank" title={blankText(person.blank) ?? t("dashboard:heatmap.hidden")}>
        —
      </td>
    );
  }
  const score = formatScore(value);
  return (
    <td className="heatmap-value">
      <Link
        to={`/reports/${person.requestId}`}
        aria-label={t("dashboard:heatmap.cell", { name: person.name, dimension: name, score })}
        style={heatColor(value)}
        data-testid="heat-cell"
      >
        {score}
      </Link>
    </td>
  );
}

function PlanCell({ t, person, coach }: { t: TFunction; person: Person; coach: boolean }) {
  if (!person.plan) {
    return (
      <td>
        <p className="heatmap-note">{t("dashboard:plan.none")}</p>
      </td>
    );
  }
  const { plan } = person;
  return (
    <Table.Td miw={150}>
      <Group gap={4}>
        <Badge size="xs" variant="light" color={plan.state === "active" ? "blue" : "gray"}>
          {t(`dashboard:plan.state.${plan.state}`)}
        </Badge>
        {plan.overdue ? (
          <Badge size="xs" color="red">
            {t("dashboard:plan.overdue")}
          </Badge>
        ) : null}
      </Group>
      <Progress
        value={plan.progress}
        size="sm"
        mt={4}
        aria-label={t("dashboard:plan.progress", { percent: formatPercent(plan.progress / 100) })}
      />
      <Text size="xs" c="dimmed">
        {formatPercent(plan.progress / 100)} ·{" "}
        {plan.lastCheckinAt
          ? t("dashboard:plan.checkedIn", { day: formatDay(plan.lastCheckinAt) })
          : t("dashboard:plan.noCheckin")}
      </Text>
      {coach && plan.id ? (
        <Anchor component={Link} to={`/plans/${plan.id}`} size="xs">
          {t("dashboard:plan.open", { name: person.name.split(" ")[0] })}
        </Anchor>
      ) : null}
    </Table.Td>
  );
}
