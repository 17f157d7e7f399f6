// "Propose your raters": the subject of a cycle's draft request proposes peers between the
// cycle's fewest and most, before nominations close; their manager approves each.
import { Alert, Badge, Button, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ErrorState } from "../components/ErrorState";
import { PageLoader } from "../components/PageLoader";
import { PersonSelect } from "../components/people/PersonPicker";
import { cycleDay, groupLabel } from "../lib/cycles";
import { formatNumber } from "../lib/format";
import { useInvalidate } from "../lib/invalidate";
import { errorMessage } from "../lib/labels";
import { useMe } from "../lib/me";
import { useTRPC } from "../lib/trpc";

export default function CycleRatersPage() {
  const { t } = useTranslation();
  const { cycleId = "" } = useParams();
  const trpc = useTRPC();
  const me = useMe();
  // The cycle's rules and close day (the page any member may read, with their own reports, if any).
  const cycle = useQuery(trpc.nominations.forManager.queryOptions({ cycleId }));
  const requests = useQuery(trpc.requests.list.queryOptions());
  if (cycle.isError) return <ErrorState error={cycle.error} />;
  if (requests.isError) return <ErrorState error={requests.error} />;
  if (!cycle.data || !requests.data) return <PageLoader />;
  const drafts = requests.data.filter((r) => r.subject.id === me.person.id && r.state === "draft");
  const { peers, nominationsCloseOn, phase } = cycle.data;
  return (
    <Stack maw={900}>
      <Title order={2}>{t("cycles:raters.title")}</Title>
      <Alert color="blue" data-testid="cycle-rules">
        {t("cycles:raters.rules", {
          min: peers.min,
          max: peers.max,
          by: nominationsCloseOn ? cycleDay(nominationsCloseOn) : t("cycles:raters.byClose"),
        })}
      </Alert>
      {phase !== "nominations" ? <Text c="dimmed">{t("cycles:raters.closed")}</Text> : null}
      {drafts.length === 0 ? (
        <Text c="dimmed">{t("cycles:raters.none")}</Text>
      ) : (
        drafts.map((d) => <DraftRaters key={d.id} requestId={d.id} peers={peers} />)
      )}
    </Stack>
  );
}

function DraftRaters({ requestId, peers }: { requestId: string; peers: { min: number; max: number } }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const me = useMe();
  const invalidate = useInvalidate();
  const request = useQuery(trpc.requests.get.queryOptions({ requestId }));
  const [personId, setPersonId] = useState<string | null>(null);
  const propose = useMutation(
    trpc.nominations.propose.mutationOptions({
      onSuccess: () => {
        setPersonId(null);
        return invalidate.nominationsChanged(requestId);
      },
    }),
  );
  if (request.isError) return <ErrorState error={request.error} />;
  if (!request.data) return <PageLoader />;
  const nominations = request.data.nominations;
  const peerCount = nominations.filter((n) => n.group === "peer" && n.approved !== false).length;
  const taken = [me.person.id, ...nominations.flatMap((n) => (n.person ? [n.person.id] : []))];
  return (
    <Stack>
      <Group>
        <Text fw={600}>{t("cycles:raters.yours")}</Text>
        <Badge color={peerCount >= peers.min ? "green" : "orange"} data-testid="peer-count">
          {t("cycles:raters.peerCount", { n: formatNumber(peerCount), min: peers.min, max: peers.max })}
        </Badge>
      </Group>
      <Table aria-label={t("cycles:raters.yours")}>
        <Table.Tbody>
          {nominations.map((n) => (
            <Table.Tr key={n.id}>
              <Table.Td>{n.person?.name ?? n.email}</Table.Td>
              <Table.Td>{groupLabel(n.group)}</Table.Td>
              <Table.Td>
                {n.approved === null
                  ? t("cycles:raters.waiting")
                  : n.approved
                    ? t("cycles:raters.approved")
                    : t("cycles:raters.removed")}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group align="flex-end">
        <PersonSelect
          label={t("cycles:raters.propose")}
          placeholder={t("cycles:raters.search")}
          value={personId}
          onChange={setPersonId}
          exclude={taken}
          w={340}
        />
        <Button
          disabled={!personId || peerCount >= peers.max}
          loading={propose.isPending}
          onClick={() => personId && propose.mutate({ requestId, personId, group: "peer" })}
        >
          {t("cycles:raters.proposeButton")}
        </Button>
      </Group>
      {propose.isError ? (
        <Text size="sm" c="red" role="alert">
          {errorMessage(propose.error)}
        </Text>
      ) : null}
    </Stack>
  );
}
