// Progress over the check-ins: a line for the eye, and the same numbers in a table for everyone.

import { LineChart } from "@mantine/charts";
import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDay } from "../../lib/format";

import { type Checkin, percent } from "./types";

export function ProgressChart({ checkins }: { checkins: Checkin[] }) {
  const { t } = useTranslation();
  const ordered = [...checkins].reverse();
  if (ordered.length === 0) return null;
  const data = ordered.map((c) => ({ date: formatDay(c.createdAt), progress: c.progress }));
  return (
    <>
      {ordered.length > 1 ? (
        <div aria-hidden="true" data-testid="progress-chart">
          <LineChart
            h={180}
            data={data}
            dataKey="date"
            yAxisProps={{ domain: [0, 100] }}
            unit={t("plan:percentSuffix")}
            series={[{ name: "progress", label: t("plan:progress.progress"), color: "indigo.8" }]}
            lineChartProps={{ accessibilityLayer: false }}
          />
        </div>
      ) : null}
      <Table aria-label={t("plan:progress.table")} data-testid="progress-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("plan:progress.checkin")}</Table.Th>
            <Table.Th scope="col">{t("plan:progress.progress")}</Table.Th>
            <Table.Th scope="col">{t("plan:progress.actionsDone")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ordered.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Th scope="row" fw={400}>
                {formatDay(c.createdAt)}
              </Table.Th>
              <Table.Td>{percent(t, c.progress)}</Table.Td>
              <Table.Td>
                {t("plan:progress.doneOf", {
                  done: c.actions.filter((a) => a.status === "done").length,
                  total: c.actions.length,
                })}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {ordered.length === 1 ? (
        <Text size="xs" c="dimmed">
          {t("plan:progress.chartLater")}
        </Text>
      ) : null}
    </>
  );
}
