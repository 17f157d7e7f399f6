// One feedback request: progress (counts only), nominations to approve, proposing raters, open and close.

import type { RaterGroup } from "@fivefold/domain";
import { formatDay } from "@fivefold/domain";
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useLocation, useParams } from "react-router";
import { ErrorState } from "../components/ErrorState";
import { GroupProgress } from "../components/GroupProgress";
import { PageLoader } from "../components/PageLoader";
import { StateBadge } from "../components/StateBadge";
import { useInvalidate } from "../lib/invalidate";
import { errorMessage, GROUP_LABELS } from "../lib/labels";
import { useMe } from "../lib/me";
import { useTRPC } from "../lib/trpc";

interface RaterWarning {
  kind: string;
  email?: string;
  detail: string;
}

export default function RequestPage() {
  const { requestId = "" } = useParams();
  const location = useLocation();
  const me = useMe();
  const trpc = useTRPC();
  const request = useQuery(trpc.requests.get.queryOptions({ requestId }));
  const manages = request.data?.role === "manager";
  const progress = useQuery({
    ...trpc.requests.progress.queryOptions({ requestId }),
    enabled: manages && request.data?.state !== "draft",
    refetchInterval: 15_000,
  });
  const [confirmClose, setConfirmClose] = useState(false);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const invalidate = useInvalidate();
  const refresh = () => invalidate.requestStateChanged(requestId);
  const refreshNominations = () => invalidate.nominationsChanged(requestId);
  const open = useMutation(trpc.requests.open.mutationOptions({ onSuccess: refresh }));
  const close = useMutation(
    trpc.requests.close.mutationOptions({
      onSuccess: () => {
        setConfirmClose(false);
        return refresh();
      },
    }),
  );
  const cancel = useMutation(
    trpc.requests.cancel.mutationOptions({
      onSuccess: () => {
        setConfirmCancel(false);
        return refresh();
      },
    }),
  );
  const decide = useMutation(trpc.nominations.decide.mutationOptions({ onSuccess: refreshNominations }));
  const vouch = useMutation(trpc.requests.approveExternal.mutationOptions({ onSuccess: refreshNominations }));

  if (request.isPending) return <PageLoader />;
  if (request.isError) return <ErrorState error={request.error} />;
  const r = request.data;
  const editable = r.state === "draft" || r.state === "open";
  const failure = open.error ?? close.error ?? cancel.error ?? decide.error ?? vouch.error;
  const warnings: RaterWarning[] =
    vouch.data?.warnings ??
    open.data?.warnings ??
    (location.state as { warnings?: RaterWarning[] } | null)?.warnings ??
    [];
  const mayVouch = me.roles.includes("admin") && r.state === "draft";

  return (
    <Stack maw={960}>
      <Group justify="space-between">
        <div>
          <Title order={2}>Feedback on {r.role === "subject" ? "you" : r.subject.name}</Title>
          <Text c="dimmed" size="sm">
            Requested by {r.requester.name} · deadline {formatDay(r.deadline)} · anonymity threshold{" "}
            {r.threshold}
          </Text>
        </div>
        <StateBadge state={r.state} />
      </Group>
      {failure ? (
        <Alert color="red" role="alert">
          {errorMessage(failure)}
        </Alert>
      ) : null}
      {manages && warnings.length > 0 ? (
        <Alert color="yellow" title="Before answers come in" data-testid="rater-warnings">
          <Stack gap={4}>
            {warnings.map((w) => (
              <Text size="sm" key={`${w.kind}-${w.email ?? w.detail}`}>
                {w.detail}
              </Text>
            ))}
          </Stack>
        </Alert>
      ) : null}
      {r.state === "released" ? (
        <Alert color="green" title="The report is released">
          <Anchor component={Link} to={`/reports/${r.id}`}>
            Open the report
          </Anchor>
          {r.role === "subject" ? (
            <>
              {" · "}
              <Anchor component={Link} to={`/plans/new?requestId=${r.id}`}>
                Make my plan
              </Anchor>
            </>
          ) : null}
        </Alert>
      ) : null}
      {r.state === "insufficient" ? (
        <Alert color="orange" title="Closed without a report">
          {r.insufficientReason === "too_close_to_earlier"
            ? "The raters who answered were nearly those of an earlier report on this person: every figure would have differed from it by fewer people than the anonymity threshold, and comparing the two would have singled someone out. A later request with clearly different raters can be released."
            : `Fewer than ${r.threshold} anonymous raters answered, so no figures could be shown without singling someone out. Start a new request with more raters.`}
        </Alert>
      ) : null}
      {manages && progress.data ? (
        <Card withBorder>
          <Stack>
            <Text fw={600}>Responses</Text>
            <GroupProgress groups={progress.data.groups} />
            <Text size="xs" c="dimmed">
              Only counts are shown: nobody, you included, can see who answered or what.
            </Text>
          </Stack>
        </Card>
      ) : null}
      {r.state === "cancelled" ? (
        <Alert color="gray" title="Cancelled">
          This request was stopped before it closed. No report comes of it, and any answers given were deleted
          unread.
        </Alert>
      ) : null}
      {manages && editable ? (
        <Group>
          {r.state === "draft" ? (
            <Button onClick={() => open.mutate({ requestId })} loading={open.isPending}>
              Open the request and invite the raters
            </Button>
          ) : (
            <Button color="red" variant="light" onClick={() => setConfirmClose(true)}>
              Close and release
            </Button>
          )}
          <Button variant="subtle" color="gray" onClick={() => setConfirmCancel(true)}>
            Cancel the request
          </Button>
        </Group>
      ) : null}
      <Modal opened={confirmCancel} onClose={() => setConfirmCancel(false)} title="Cancel this request?">
        <Stack>
          <Text size="sm">
            No report will come of it. Answers already given are deleted unread, and the raters' links stop
            working. This cannot be undone.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmCancel(false)}>
              Keep the request
            </Button>
            <Button color="red" loading={cancel.isPending} onClick={() => cancel.mutate({ requestId })}>
              Cancel the request
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={confirmClose} onClose={() => setConfirmClose(false)} title="Close this request?">
        <Stack>
          <Text size="sm">
            Closing stops collecting answers for good and computes the report once. If fewer than{" "}
            {r.threshold} anonymous raters answered, no report can be released.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmClose(false)}>
              Keep collecting
            </Button>
            <Button color="red" loading={close.isPending} onClick={() => close.mutate({ requestId })}>
              Close and release
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Card withBorder>
        <Stack>
          <Text fw={600}>Nominated raters</Text>
          {r.nominations.length === 0 ? (
            <Text size="sm" c="dimmed">
              No raters nominated yet.
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={480}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Rater</Table.Th>
                    <Table.Th>Group</Table.Th>
                    <Table.Th>Proposed by</Table.Th>
                    <Table.Th>Status</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {r.nominations.map((n) => (
                    <Table.Tr key={n.id} data-testid="nomination">
                      <Table.Td>{n.person?.name ?? n.email}</Table.Td>
                      <Table.Td>{GROUP_LABELS[n.group]}</Table.Td>
                      <Table.Td>{n.proposedBy.name}</Table.Td>
                      <Table.Td>
                        {n.approved === null && manages && editable ? (
                          <Group gap="xs">
                            <Button
                              size="xs"
                              onClick={() => decide.mutate({ nominationId: n.id, approve: true })}
                              aria-label={`Approve ${n.person?.name ?? n.email}`}
                            >
                              Approve
                            </Button>
                            <Button
                              size="xs"
                              variant="default"
                              onClick={() => decide.mutate({ nominationId: n.id, approve: false })}
                              aria-label={`Remove ${n.person?.name ?? n.email}`}
                            >
                              Remove
                            </Button>
                          </Group>
                        ) : (
                          <Group gap="xs">
                            <Badge
                              variant="light"
                              color={n.approved ? "green" : n.approved === false ? "gray" : "yellow"}
                            >
                              {n.approved
                                ? "Approved"
                                : n.approved === false
                                  ? "Removed"
                                  : "Awaiting approval"}
                            </Badge>
                            {n.vouchedFor ? (
                              <Badge variant="light" color="teal">
                                Vouched for by an admin
                              </Badge>
                            ) : null}
                            {n.email && n.approved && !n.vouchedFor && mayVouch ? (
                              <Button
                                size="xs"
                                variant="light"
                                loading={vouch.isPending}
                                onClick={() => n.email && vouch.mutate({ requestId, email: n.email })}
                                aria-label={`Vouch for ${n.email}`}
                              >
                                Vouch for this address
                              </Button>
                            ) : null}
                          </Group>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {r.role === "subject" && r.state === "draft" ? (
            <ProposeRater requestId={requestId} subjectId={r.subject.id} />
          ) : null}
          {r.role === "subject" && r.state === "open" ? (
            <Text size="xs" c="dimmed">
              Raters can be proposed while the request is a draft: once answers come in, a new anonymous rater
              could be singled out by the change in the counts.
            </Text>
          ) : null}
        </Stack>
      </Card>
    </Stack>
  );
}

function ProposeRater({ requestId, subjectId }: { requestId: string; subjectId: string }) {
  const trpc = useTRPC();
  const me = useMe();
  const invalidate = useInvalidate();
  const people = useQuery(trpc.people.list.queryOptions());
  const [personId, setPersonId] = useState<string | null>(null);
  const [group, setGroup] = useState<RaterGroup>("peer");
  const propose = useMutation(
    trpc.nominations.propose.mutationOptions({
      onSuccess: () => {
        setPersonId(null);
        return invalidate.nominationsChanged(requestId);
      },
    }),
  );
  const options = (people.data ?? [])
    .filter((p) => p.id !== subjectId && p.id !== me.person.id)
    .map((p) => ({ value: p.id, label: p.name }));
  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        Propose a rater
      </Text>
      <Text size="xs" c="dimmed">
        Your manager approves each proposal before the person is invited.
      </Text>
      <Group align="flex-end">
        <Select label="Person" data={options} value={personId} onChange={setPersonId} searchable w={260} />
        <Select
          label="Group"
          data={(["peer", "direct_report", "other"] as const).map((g) => ({
            value: g,
            label: GROUP_LABELS[g],
          }))}
          value={group}
          onChange={(v) => setGroup((v as RaterGroup) ?? "peer")}
          allowDeselect={false}
          w={180}
        />
        <Button
          disabled={!personId}
          loading={propose.isPending}
          onClick={() => personId && propose.mutate({ requestId, personId, group })}
        >
          Propose
        </Button>
      </Group>
      {propose.isError ? (
        <Text size="sm" c="red.8" role="alert">
          {errorMessage(propose.error)}
        </Text>
      ) : null}
    </Stack>
  );
}
