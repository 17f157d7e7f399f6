// The cycles of the organisation (admins): each with its phase and days, and a way to start one.
import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorState } from "../components/ErrorState";
import { PageLoader } from "../components/PageLoader";
import { cycleDay, PHASE_COLORS, phaseLabel } from "../lib/cycles";
import { useTRPC } from "../lib/trpc";

export default function AdminCyclesPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const cycles = useQuery(trpc.cycles.list.queryOptions());
  if (cycles.isError) return <ErrorState error={cycles.error} onRetry={() => cycles.refetch()} />;
  if (!cycles.data) return <PageLoader />;
  return (
    <Stack maw={1100}>
      <Group justify="space-between">
        <Title order={2}>{t("cycles:list.title")}</Title>
        <Button component={Link} to="/admin/cycles/new">
          {t("cycles:list.new")}
        </Button>
      </Group>
      {cycles.data.length === 0 ? (
        <Text c="dimmed">{t("cycles:list.empty")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table aria-label={t("cycles:list.table")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("cycles:list.name")}</Table.Th>
                <Table.Th>{t("cycles:list.phase")}</Table.Th>
                <Table.Th>{t("cycles:list.nominationsClose")}</Table.Th>
                <Table.Th>{t("cycles:list.answersDue")}</Table.Th>
                <Table.Th>{t("cycles:list.release")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {cycles.data.map((cycle) => (
                <Table.Tr key={cycle.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/admin/cycles/${cycle.id}`}>
                      {cycle.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={PHASE_COLORS[cycle.phase] ?? "gray"} variant="light">
                      {phaseLabel(cycle.phase)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{cycleDay(cycle.nominationsCloseOn)}</Table.Td>
                  <Table.Td>{cycleDay(cycle.answersDueOn)}</Table.Td>
                  <Table.Td>{cycleDay(cycle.releaseOn ?? cycle.endsOn)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
