// The support circle: who was asked, in which role, and who accepted; for the owner, suggestions
// from colleagues who opted in and a way to invite anyone in the organisation.
import {
  Alert,
  Button,
  Card,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useInvalidate } from "../../lib/invalidate";
import { errorMessage } from "../../lib/labels";
import { useTRPC } from "../../lib/trpc";
import { PartnershipBadge } from "./Badges";
import { RemoveFromCircle } from "./CircleChange";
import { type PlanView, ROLE_LABELS } from "./types";

type Role = "partner" | "lead";

export function CircleCard({ plan, canInvite }: { plan: PlanView; canInvite: boolean }) {
  const c = plan.circle;
  return (
    <Card withBorder data-testid="circle-card">
      <Stack gap="sm">
        <Title order={3} size="h4">
          Support circle
        </Title>
        <Text size="sm" data-testid="circle-status">
          {c.partners} of {c.minPartners}–{c.maxPartners} partners accepted ·{" "}
          {c.leads === 1 ? "lead accepted" : "no lead yet"}
          {c.ready ? " · ready" : ""}
        </Text>
        {c.members.length === 0 ? (
          <Text size="sm" c="dimmed">
            {canInvite
              ? `Nobody invited yet. Invite ${c.minPartners} to ${c.maxPartners} partners and one accountability lead: they see this plan and your progress, never your report.`
              : "Nobody has joined this circle yet."}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={320} type="native">
            <Table aria-label="Support circle" data-testid="circle-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Person</Table.Th>
                  <Table.Th scope="col">Role</Table.Th>
                  <Table.Th scope="col">Answer</Table.Th>
                  {canInvite ? (
                    <Table.Th scope="col">
                      <VisuallyHidden>Change</VisuallyHidden>
                    </Table.Th>
                  ) : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.members.map((m) => (
                  <Table.Tr key={m.partnershipId} data-testid="circle-member">
                    <Table.Td>{m.person.name}</Table.Td>
                    <Table.Td>{ROLE_LABELS[m.role]}</Table.Td>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>
                      <PartnershipBadge state={m.state} />
                    </Table.Td>
                    {canInvite ? (
                      <Table.Td>
                        <RemoveFromCircle
                          partnershipId={m.partnershipId}
                          name={m.person.name}
                          state={m.state}
                        />
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {canInvite ? <Invite plan={plan} /> : null}
      </Stack>
    </Card>
  );
}

function Invite({ plan }: { plan: PlanView }) {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const c = plan.circle;
  const [role, setRole] = useState<Role>(c.canInviteLead && !c.canInvitePartner ? "lead" : "partner");
  const [personId, setPersonId] = useState<string | null>(null);
  const full = role === "lead" ? !c.canInviteLead : !c.canInvitePartner;
  const suggestions = useQuery({
    ...trpc.plans.suggestPartners.queryOptions({ planId: plan.id, role }),
    enabled: !full,
  });
  const people = useQuery(trpc.people.list.queryOptions());
  const invite = useMutation(
    trpc.plans.invitePartner.mutationOptions({
      onSuccess: () => {
        setPersonId(null);
        return invalidate.circleChanged();
      },
    }),
  );
  const taken = new Set([
    plan.subject.id,
    ...c.members.filter((m) => m.state !== "declined").map((m) => m.person.id),
  ]);
  const options = (people.data ?? [])
    .filter((p) => !taken.has(p.id))
    .map((p) => ({ value: p.id, label: p.name }));

  return (
    <Stack gap="sm" data-testid="invite">
      <Group justify="space-between" wrap="wrap">
        <Text fw={600} size="sm">
          Invite
        </Text>
        <SegmentedControl
          aria-label="Role to invite"
          value={role}
          onChange={(value) => setRole(value as Role)}
          data={[
            { value: "partner", label: "Partners" },
            { value: "lead", label: "Accountability lead" },
          ]}
        />
      </Group>
      {full ? (
        <Text size="sm" c="dimmed">
          {role === "lead"
            ? "Your circle has its accountability lead."
            : `Your circle has the most partners it can have (${c.maxPartners}).`}
        </Text>
      ) : (
        <>
          <Text size="xs" c="dimmed">
            {role === "lead"
              ? "The lead holds you to your check-ins and hears from Fivefold when one is overdue. Not one of your direct reports."
              : "Partners see your plan and progress and encourage you after each check-in."}
          </Text>
          {suggestions.isPending ? (
            <Text size="sm" c="dimmed">
              Looking for colleagues who offered to help…
            </Text>
          ) : suggestions.isError ? (
            <Text size="sm" c="red.8" role="alert">
              {errorMessage(suggestions.error)}
            </Text>
          ) : suggestions.data.length === 0 ? (
            <Text size="sm" c="dimmed">
              No suggestions: nobody else has opted in as a partner yet. Invite anyone below.
            </Text>
          ) : (
            <Stack gap={6} data-testid="suggestions">
              <Text size="sm" fw={600}>
                Suggested
              </Text>
              {suggestions.data.map((s) => (
                <Group key={s.personId} justify="space-between" wrap="nowrap" data-testid="suggestion">
                  <div>
                    <Text size="sm">{s.name}</Text>
                    <Text size="xs" c="dimmed">
                      {s.reason}
                    </Text>
                  </div>
                  <Button
                    size="xs"
                    variant="light"
                    loading={invite.isPending && invite.variables?.personId === s.personId}
                    onClick={() => invite.mutate({ planId: plan.id, personId: s.personId, role })}
                    aria-label={`Invite ${s.name} as ${role === "lead" ? "accountability lead" : "partner"}`}
                  >
                    Invite
                  </Button>
                </Group>
              ))}
            </Stack>
          )}
          <Group align="flex-end" wrap="wrap">
            <Select
              label="Anyone in your organisation"
              placeholder="Search by name"
              data={options}
              value={personId}
              onChange={setPersonId}
              searchable
              w={260}
            />
            <Button
              disabled={!personId}
              loading={invite.isPending && invite.variables?.personId === personId}
              onClick={() => personId && invite.mutate({ planId: plan.id, personId, role })}
            >
              {role === "lead" ? "Invite as lead" : "Invite as partner"}
            </Button>
          </Group>
        </>
      )}
      {invite.isError ? (
        <Alert color="red" role="alert">
          {errorMessage(invite.error)}
        </Alert>
      ) : null}
    </Stack>
  );
}
