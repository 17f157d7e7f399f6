// Progress over the check-ins: a line for the eye, and the same numbers in a table for everyone.

import { LineChart } from "@mantine/charts";
import { Table, Text } from "@mantine/core";
import { formatDay } from "../../lib/format";

import type { Checkin } from "./types";

export function ProgressChart({ checkins }: { checkins: Checkin[] }) {
  const ordered = [...checkins].reverse();
  if (ordered.length === 0) return null;
  const data = ordered.map((c) => ({ date: formatDay(c.createdAt), Progress: c.progress }));
  return (
    <>
      {ordered.length > 1 ? (
        <div aria-hidden="true" data-testid="progress-chart">
          <LineChart
            h={180}
            data={data}
            dataKey="date"
            yAxisProps={{ domain: [0, 100] }}
            unit="%"
            series={[{ name: "Progress", color: "indigo.8" }]}
            lineChartProps={{ accessibilityLayer: false }}
          />
        </div>
      ) : null}
      <Table aria-label="Progress at each check-in" data-testid="progress-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Check-in</Table.Th>
            <Table.Th scope="col">Progress</Table.Th>
            <Table.Th scope="col">Actions done</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ordered.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Th scope="row" fw={400}>
                {formatDay(c.createdAt)}
              </Table.Th>
              <Table.Td>{c.progress}%</Table.Td>
              <Table.Td>
                {c.actions.filter((a) => a.status === "done").length} of {c.actions.length}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {ordered.length === 1 ? (
        <Text size="xs" c="dimmed">
          The chart appears from the second check-in.
        </Text>
      ) : null}
    </>
  );
}
