// The organisation view's heatmap: one row per cell (team, level, department or location), the five
// dimensions' means on the diverging scale, the delta against the compared cycle. Only the rows in
// view are drawn, so hundreds of teams scroll smoothly. Hidden cells say why.
import type { DimensionKey } from "@fivefold/domain";
import { Box, Group, Text, Tooltip } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { OrgCell } from "../../lib/cycles";
import { formatNumber } from "../../lib/format";
import { heatColor } from "../../lib/heat";
import { formatScore } from "../../lib/report";

const ROW = 40;
const VIEW = 480;
const OVERSCAN = 6;

function deltaText(delta: number | undefined): string {
  if (delta === undefined) return "";
  return ` (${delta > 0 ? "+" : ""}${formatNumber(delta, 2)})`;
}

function Row({ cell, keys, threshold }: { cell: OrgCell; keys: DimensionKey[]; threshold: number }) {
  const { t } = useTranslation();
  const columns = `minmax(180px, 2fr) 90px repeat(${keys.length}, minmax(110px, 1fr))`;
  return (
    <Box
      role="row"
      data-testid="org-row"
      style={{ display: "grid", gridTemplateColumns: columns, height: ROW, alignItems: "center", gap: 4 }}
    >
      <Text role="rowheader" size="sm" truncate>
        {cell.label}
      </Text>
      <Text role="cell" size="sm">
        {cell.people ?? "—"}
      </Text>
      {keys.map((key) => {
        const value = cell.dimensions?.[key];
        if (!value) {
          return (
            <Tooltip key={key} label={t("dashboard:org.hiddenWhy", { count: threshold })}>
              <Text
                role="cell"
                size="xs"
                c="dimmed"
                ta="center"
                bg="var(--mantine-color-default-hover)"
                py={6}
              >
                {t("dashboard:org.fewerThanPeople", { count: threshold })}
              </Text>
            </Tooltip>
          );
        }
        const colors = heatColor(value.mean);
        return (
          <Text
            key={key}
            role="cell"
            size="sm"
            ta="center"
            py={6}
            style={{ background: colors.background, color: colors.color }}
          >
            {formatScore(value.mean)}
            {deltaText(cell.delta?.[key]?.mean)}
          </Text>
        );
      })}
    </Box>
  );
}

export function OrgHeatmap(props: {
  cells: OrgCell[];
  keys: DimensionKey[];
  names: Record<DimensionKey, string>;
  threshold: number;
}) {
  const { t } = useTranslation();
  const { cells, keys, names, threshold } = props;
  const [top, setTop] = useState(0);
  const first = Math.max(0, Math.floor(top / ROW) - OVERSCAN);
  const last = Math.min(cells.length, Math.ceil((top + VIEW) / ROW) + OVERSCAN);
  const columns = `minmax(180px, 2fr) 90px repeat(${keys.length}, minmax(110px, 1fr))`;
  return (
    <Box role="table" aria-label={t("dashboard:org.heatmap")} aria-rowcount={cells.length} miw={860}>
      <Box role="row" style={{ display: "grid", gridTemplateColumns: columns, gap: 4 }} pb={4}>
        <Text role="columnheader" size="sm" fw={600}>
          {t("dashboard:org.group")}
        </Text>
        <Text role="columnheader" size="sm" fw={600}>
          {t("dashboard:org.people")}
        </Text>
        {keys.map((key) => (
          <Text role="columnheader" key={key} size="sm" fw={600} ta="center">
            {names[key]}
          </Text>
        ))}
      </Box>
      <Box
        style={{ height: Math.min(VIEW, cells.length * ROW), overflowY: "auto" }}
        onScroll={(e) => setTop(e.currentTarget.scrollTop)}
        data-testid="org-heatmap"
      >
        <Box style={{ height: cells.length * ROW, position: "relative" }}>
          <Box style={{ position: "absolute", top: first * ROW, left: 0, right: 0 }}>
            {cells.slice(first, last).map((cell) => (
              <Row key={cell.key} cell={cell} keys={keys} threshold={threshold} />
            ))}
          </Box>
        </Box>
      </Box>
      {cells.length === 0 ? (
        <Group p="md">
          <Text c="dimmed">{t("dashboard:org.noGroups")}</Text>
        </Group>
      ) : null}
    </Box>
  );
}
