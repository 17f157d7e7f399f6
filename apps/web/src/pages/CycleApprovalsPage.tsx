// The manager's one page for a cycle: every report's nominations, each approved or removed (or all
// approved at once), sent together with one `nominations.decideMany`.
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ErrorState } from "../components/ErrorState";
import { PageLoader } from "../components/PageLoader";
import { cycleDay, groupLabel, type ManagerNominations, requestStateLabel } from "../lib/cycles";
import { formatNumber } from "../lib/format";
import { useInvalidate } from "../lib/invalidate";
import { errorMessage } from "../lib/labels";
import { useTRPC } from "../lib/trpc";

type Decision = "approve" | "remove";
type Request = ManagerNominations["requests"][number];

export default function CycleApprovalsPage() {
  const { t } = useTranslation();
  const { cycleId = "" } = useParams();
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const page = useQuery(trpc.nominations.forManager.queryOptions({ cycleId }));
  const [decisions, setDecisions] = useState<Record<string, Decision>>({});
  const send = useMutation(
    trpc.nominations.decideMany.mutationOptions({
      onSuccess: async () => {
        setDecisions({});
        await invalidate.nominationsDecided();
      },
    }),
  );
  if (page.isError) return <ErrorState error={page.error} onRetry={() => page.refetch()} />;
  if (!page.data) return <PageLoader />;
  const pending = page.data.requests.flatMap((r) => r.nominations.filter((n) => n.approved === null));
  const decided = Object.entries(decisions);
  const approveAll = () =>
    setDecisions(Object.fromEntries(pending.map((n) => [n.nominationId, "approve" as const])));
  const decide = (nominationId: string, decision: Decision) =>
    setDecisions((current) => ({ ...current, [nominationId]: decision }));

  return (
    <Stack maw={1000}>
      <Title order={2}>{t("cycles:approvals.title")}</Title>
      <Text size="sm" c="dimmed">
        {t("cycles:approvals.intro", {
          min: page.data.peers.min,
          max: page.data.peers.max,
          close: cycleDay(page.data.nominationsCloseOn),
        })}
      </Text>
      {page.data.requests.length === 0 ? <Text c="dimmed">{t("cycles:approvals.none")}</Text> : null}
      {page.data.requests.map((request) => (
        <ReportCard key={request.requestId} request={request} decisions={decisions} onDecide={decide} />
      ))}
      <Group>
        <Button variant="default" onClick={approveAll} disabled={pending.length === 0}>
          {t("cycles:approvals.approveAll")}
        </Button>
        <Button
          disabled={decided.length === 0}
          loading={send.isPending}
          onClick={() =>
            send.mutate({
              decisions: decided.map(([nominationId, d]) => ({ nominationId, approve: d === "approve" })),
            })
          }
        >
          {t("cycles:approvals.send", { count: decided.length })}
        </Button>
        <Text size="sm" c="dimmed">
          {t("cycles:approvals.waiting", { n: formatNumber(pending.length) })}
        </Text>
      </Group>
      {send.data ? (
        <Alert color="green" role="status">
          {t("cycles:approvals.saved", { count: send.data.decided })}
        </Alert>
      ) : null}
      {send.isError ? (
        <Alert color="red" role="alert">
          {errorMessage(send.error)}
        </Alert>
      ) : null}
    </Stack>
  );
}

function ReportCard(props: {
  request: Request;
  decisions: Record<string, Decision>;
  onDecide: (nominationId: string, decision: Decision) => void;
}) {
  const { t } = useTranslation();
  const { request } = props;
  return (
    <Card withBorder data-testid="report-nominations">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{request.subject.name}</Text>
        <Badge variant="light">{requestStateLabel(request.state)}</Badge>
      </Group>
      <Table>
        <Table.Tbody>
          {request.nominations.map((n) => (
            <Table.Tr key={n.nominationId}>
              <Table.Td>{n.name ?? n.email}</Table.Td>
              <Table.Td>{groupLabel(n.group)}</Table.Td>
              <Table.Td>
                {n.approved === null ? (
                  <SegmentedControl
                    size="xs"
                    aria-label={t("cycles:approvals.decideOn", { name: n.name ?? n.email })}
                    data={[
                      { value: "", label: t("cycles:approvals.undecided") },
                      { value: "approve", label: t("cycles:approvals.approve") },
                      { value: "remove", label: t("cycles:approvals.remove") },
                    ]}
                    value={props.decisions[n.nominationId] ?? ""}
                    onChange={(v) => v && props.onDecide(n.nominationId, v as Decision)}
                  />
                ) : (
                  <Badge color={n.approved ? "green" : "gray"}>
                    {n.approved ? t("cycles:approvals.approved") : t("cycles:approvals.removed")}
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
