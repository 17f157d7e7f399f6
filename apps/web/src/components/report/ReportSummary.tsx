// The top of a released report: its title and release day with print and CSV, and who answered
// (counts only for groups shown on their own).

import { Badge, Button, Card, Group, Stack, Table, Text, Title } from "@mantine/core";
import { formatDay } from "../../lib/format";
import { download, type Report, reportCsv } from "../../lib/report";

export function ReportHeader({ report: r, own }: { report: Report; own: boolean }) {
  return (
    <Group justify="space-between" align="flex-start">
      <div>
        <Title order={2}>{own ? "Your 360 report" : `360 report: ${r.subject.name}`}</Title>
        <Text c="dimmed" size="sm">
          Released {formatDay(r.releasedAt)} · questionnaire version {r.instrumentVersion}
        </Text>
      </div>
      <Group className="no-print">
        <Button variant="default" onClick={() => window.print()}>
          Print or save as PDF
        </Button>
        <Button
          variant="default"
          onClick={() => download(`fivefold-report-${r.releasedAt.slice(0, 10)}.csv`, reportCsv(r))}
        >
          Download CSV
        </Button>
      </Group>
    </Group>
  );
}

export function WhoAnswered({ report: r }: { report: Report }) {
  return (
    <Card withBorder className="avoid-break">
      <Stack gap="xs">
        <Text size="sm">
          Answers from peers, direct reports and others are only shown combined, for groups of at least{" "}
          {r.threshold} people, so no one can be singled out; self and manager answers are shown apart.
        </Text>
        <Table aria-label="Who answered" data-testid="summary-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Group</Table.Th>
              <Table.Th scope="col">Invited</Table.Th>
              <Table.Th scope="col">Answered</Table.Th>
              <Table.Th scope="col">Shown</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.groups
              .filter((g) => (g.invited ?? 0) > 0 || (g.answered ?? 0) > 0)
              .map((g) => (
                <Table.Tr key={g.group}>
                  <Table.Th scope="row">
                    {g.label}{" "}
                    {g.pooledFrom ? (
                      <Badge size="xs" variant="light">
                        pool
                      </Badge>
                    ) : null}
                  </Table.Th>
                  {/* Counts only for groups shown on their own: a pooled group's part stays unsaid. */}
                  <Table.Td>{g.shown || g.identifiable ? (g.invited ?? "—") : "—"}</Table.Td>
                  <Table.Td>{g.answered ?? "—"}</Table.Td>
                  <Table.Td>{g.shown ? "Yes" : g.identifiable ? "No" : "Combined with others"}</Table.Td>
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
        {r.notCounted > 0 ? (
          <Text size="xs" c="dimmed" data-testid="not-counted">
            {r.notCounted} more {r.notCounted === 1 ? "rater was" : "raters were"} invited from outside the
            organisation without its say-so: they do not count towards anonymity, and no answer of theirs is
            in this report.
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}
