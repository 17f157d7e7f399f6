// The support circle: who was asked, in which role, who accepted and who is still to answer; for
// the owner, suggestions from colleagues who opted in and a way to invite anyone in the organisation.
import { Card, Stack, Table, Text, Title, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PartnershipBadge } from "./Badges";
import { RemoveFromCircle } from "./CircleChange";
import { Invite } from "./InviteToCircle";
import type { PlanView } from "./types";

export function CircleCard({ plan, canInvite }: { plan: PlanView; canInvite: boolean }) {
  const { t } = useTranslation();
  const c = plan.circle;
  const waiting = c.members.filter((m) => m.state === "invited").map((m) => m.person.name);
  const lead = c.leads === 1 ? "accepted" : c.asked.leads === 1 ? "invited" : "none";
  const status = [
    t("plan:circle.status", { partners: c.partners, min: c.minPartners, max: c.maxPartners }),
    t(`plan:circle.lead.${lead}`),
    ...(c.ready ? [t("plan:circle.ready")] : []),
  ].join(" · ");
  return (
    <Card withBorder data-testid="circle-card">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t("plan:circle.title")}
        </Title>
        <Text size="sm" data-testid="circle-status">
          {status}
        </Text>
        {waiting.length > 0 ? (
          <Text size="sm" c="dimmed" data-testid="circle-waiting">
            {t("plan:circle.waiting", { names: waiting.join(", ") })}
          </Text>
        ) : null}
        {c.members.length === 0 ? (
          <Text size="sm" c="dimmed">
            {canInvite
              ? t("plan:circle.emptyOwner", { min: c.minPartners, max: c.maxPartners })
              : t("plan:circle.empty")}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={320} type="native">
            <Table aria-label={t("plan:circle.table")} data-testid="circle-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("plan:circle.person")}</Table.Th>
                  <Table.Th scope="col">{t("plan:circle.role")}</Table.Th>
                  <Table.Th scope="col">{t("plan:circle.answer")}</Table.Th>
                  {canInvite ? (
                    <Table.Th scope="col">
                      <VisuallyHidden>{t("plan:circle.change")}</VisuallyHidden>
                    </Table.Th>
                  ) : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.members.map((m) => (
                  <Table.Tr key={m.partnershipId} data-testid="circle-member">
                    <Table.Td>{m.person.name}</Table.Td>
                    <Table.Td>{t(`plan:role.${m.role}`)}</Table.Td>
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
