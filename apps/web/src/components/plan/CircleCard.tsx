// The support circle: who was asked, in which role, who accepted and who is still to answer; for
// the owner, suggestions from colleagues who opted in and a way to invite anyone in the organisation.
import { Card, Stack, Table, Text, Title, VisuallyHidden } from "@mantine/core";
import { PartnershipBadge } from "./Badges";
import { RemoveFromCircle } from "./CircleChange";
import { Invite } from "./InviteToCircle";
import { type PlanView, ROLE_LABELS } from "./types";

export function CircleCard({ plan, canInvite }: { plan: PlanView; canInvite: boolean }) {
  const c = plan.circle;
  const waiting = c.members.filter((m) => m.state === "invited").map((m) => m.person.name);
  return (
    <Card withBorder data-testid="circle-card">
      <Stack gap="sm">
        <Title order={3} size="h4">
          Support circle
        </Title>
        <Text size="sm" data-testid="circle-status">
          {c.partners} of {c.minPartners}–{c.maxPartners} partners accepted ·{" "}
          {c.leads === 1 ? "lead accepted" : c.asked.leads === 1 ? "lead invited" : "no lead yet"}
          {c.ready ? " · ready" : ""}
        </Text>
        {waiting.length > 0 ? (
          <Text size="sm" c="dimmed" data-testid="circle-waiting">
            Still to answer: {waiting.join(", ")}
          </Text>
        ) : null}
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
