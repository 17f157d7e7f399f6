// The top of a released report: its title and release day with print and CSV, and who answered
// (counts only for groups shown on their own).

import { Badge, Button, Card, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDay } from "../../lib/format";
import { download, groupLabel, type Report, reportCsv } from "../../lib/report";

export function ReportHeader({ report: r, own }: { report: Report; own: boolean }) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" align="flex-start">
      <div>
        <Title order={2}>
          {own ? t("report:header.own") : t("report:header.about", { name: r.subject.name })}
        </Title>
        <Text c="dimmed" size="sm">
          {t("report:header.released", { day: formatDay(r.releasedAt), version: r.instrumentVersion })}
        </Text>
      </div>
      <Group className="no-print">
        <Button variant="default" onClick={() => window.print()}>
          {t("report:header.print")}
        </Button>
        <Button
          variant="default"
          onClick={() => download(`fivefold-report-${r.releasedAt.slice(0, 10)}.csv`, reportCsv(r))}
        >
          {t("report:header.csv")}
        </Button>
      </Group>
    </Group>
  );
}

export function WhoAnswered({ report: r }: { report: Report }) {
  const { t } = useTranslation();
  return (
    <Card withBorder className="avoid-break">
      <Stack gap="xs">
        <Text size="sm">{t("report:who.intro", { threshold: r.threshold })}</Text>
        <Table aria-label={t("report:who.title")} data-testid="summary-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("report:who.group")}</Table.Th>
              <Table.Th scope="col">{t("report:who.invited")}</Table.Th>
              <Table.Th scope="col">{t("report:who.answered")}</Table.Th>
              <Table.Th scope="col">{t("report:who.shown")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.groups
              .filter((g) => (g.invited ?? 0) > 0 || (g.answered ?? 0) > 0)
              .map((g) => (
                <Table.Tr key={g.group}>
                  <Table.Th scope="row">
                    {groupLabel(g)}{" "}
                    {g.pooledFrom ? (
                      <Badge size="xs" variant="light">
                        {t("report:who.pool")}
                      </Badge>
                    ) : null}
                  </Table.Th>
                  {/* Counts only for groups shown on their own: a pooled group's part stays unsaid. */}
                  <Table.Td>{g.shown || g.identifiable ? (g.invited ?? "—") : "—"}</Table.Td>
                  <Table.Td>{g.answered ?? "—"}</Table.Td>
                  <Table.Td>
                    {g.shown
                      ? t("report:who.yes")
                      : g.identifiable
                        ? t("report:who.no")
                        : t("report:who.combined")}
                  </Table.Td>
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
        {r.notCounted > 0 ? (
          <Text size="xs" c="dimmed" data-testid="not-counted">
            {t("report:who.notCounted", { count: r.notCounted })}
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}
