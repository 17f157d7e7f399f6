// "Propose your raters": the subject of a cycle's draft request proposes peers between the
// cycle's fewest and most, before nominations close; their manager approves each.
import { Alert, Badge, Button, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useParams } from "react-router";
import { ErrorState } from "../components/ErrorState";
import { PageLoader } from "../components/PageLoader";
import { PersonSelect } from "../components/people/PersonPicker";
import { useInvalidate } from "../lib/invalidate";
import { errorMessage, GROUP_LABELS } from "../lib/labels";
import { useMe } from "../lib/me";
import { useTRPC } from "../lib/trpc";

export default function CycleRatersPage() {
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
      <Title order={2}>Propose your raters</Title>
      <Alert color="blue" data-testid="cycle-rules">
        Propose between {peers.min} and {peers.max} peers by{" "}
        {nominationsCloseOn ?? "the close of nominations"}. Your manager approves each one; your manager and
        your direct reports are already on the list.
      </Alert>
      {phase !== "nominations" ? <Text c="dimmed">Nominations for this cycle are closed.</Text> : null}
      {drafts.length === 0 ? (
        <Text c="dimmed">You have no request waiting for raters.</Text>
      ) : (
        drafts.map((d) => <DraftRaters key={d.id} requestId={d.id} peers={peers} />)
      )}
    </Stack>
  );
}

function DraftRaters({ requestId, peers }: { requestId: string; peers: { min: number; max: number } }) {
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
        <Text fw={600}>Your raters</Text>
        <Badge color={peerCount >= peers.min ? "green" : "orange"} data-testid="peer-count">
          {peerCount} of {peers.min}–{peers.max} peers
        </Badge>
      </Group>
      <Table aria-label="Your raters">
        <Table.Tbody>
          {nominations.map((n) => (
            <Table.Tr key={n.id}>
              <Table.Td>{n.person?.name ?? n.email}</Table.Td>
              <Table.Td>{GROUP_LABELS[n.group]}</Table.Td>
              <Table.Td>
                {n.approved === null ? "Waiting for your manager" : n.approved ? "Approved" : "Removed"}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group align="flex-end">
        <PersonSelect
          label="Propose a peer"
          placeholder="Search by name or e-mail"
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
          Propose
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
