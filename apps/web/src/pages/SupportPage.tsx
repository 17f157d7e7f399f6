// Plans I support: invitations to answer, and the plans whose circle I joined, with the latest
// check-in and a word of encouragement. Never anyone's report.

import { Anchor, Badge, Card, Group, Progress, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { ErrorState } from "../components/ErrorState";
import { PageLoader } from "../components/PageLoader";
import { PlanStateBadge } from "../components/plan/Badges";
import { EncourageForm } from "../components/plan/CheckinTimeline";
import { StepDown } from "../components/plan/CircleChange";
import { DimensionTag } from "../components/plan/DimensionTag";
import { InvitationAnswer } from "../components/plan/InvitationAnswer";
import { ROLE_LABELS, type SupportedPlan } from "../components/plan/types";
import { formatDay } from "../lib/format";

import { useTRPC } from "../lib/trpc";

export default function SupportPage() {
  const trpc = useTRPC();
  const list = useQuery(trpc.partners.list.queryOptions());
  if (list.isPending) return <PageLoader />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => list.refetch()} />;
  const invitations = list.data.filter((s) => s.state === "invited" && s.plan.state !== "closed");
  const supported = list.data.filter((s) => s.state === "accepted");

  return (
    <Stack maw={1100} gap="lg">
      <Title order={2}>Plans I support</Title>
      {list.data.length === 0 ? (
        <Card withBorder>
          <Text>
            Nobody has asked you to support their plan yet. Colleagues can find you more easily if you say in
            your{" "}
            <Anchor component={Link} to="/profile">
              profile
            </Anchor>{" "}
            that you are open to being an accountability partner.
          </Text>
        </Card>
      ) : null}
      {invitations.length > 0 ? (
        <Stack gap="sm">
          <Title order={3} size="h4">
            Invitations
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {invitations.map((s) => (
              <Card key={s.partnershipId} withBorder data-testid="support-invitation">
                <Stack gap="xs">
                  <Text fw={600}>
                    {s.plan.subject.name} asks you to be{" "}
                    {s.role === "lead" ? "their accountability lead" : "a partner"}
                  </Text>
                  <Focus support={s} />
                  {s.plan.wish ? <Text size="sm">Goal: “{s.plan.wish}”</Text> : null}
                  <Anchor component={Link} to={`/support/plans/${s.plan.id}`} size="sm">
                    See the plan
                  </Anchor>
                  <InvitationAnswer partnershipId={s.partnershipId} subjectName={s.plan.subject.name} />
                </Stack>
              </Card>
            ))}
          </SimpleGrid>
        </Stack>
      ) : null}
      {supported.length > 0 ? (
        <Stack gap="sm">
          <Title order={3} size="h4">
            Circles I am in
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {supported.map((s) => (
              <SupportedCard key={s.partnershipId} support={s} />
            ))}
          </SimpleGrid>
        </Stack>
      ) : null}
    </Stack>
  );
}

function Focus({ support }: { support: SupportedPlan }) {
  return (
    <Group gap="xs">
      {support.plan.focus.map((key) => (
        <DimensionTag key={key} dimension={key} />
      ))}
    </Group>
  );
}

function SupportedCard({ support }: { support: SupportedPlan }) {
  const trpc = useTRPC();
  const plan = support.plan;
  const checkins = useQuery(trpc.checkins.list.queryOptions({ planId: plan.id }));
  const latest = checkins.data?.[0];
  return (
    <Card withBorder data-testid="supported-plan">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Anchor component={Link} to={`/support/plans/${plan.id}`} fw={600}>
            {plan.subject.name}'s plan
          </Anchor>
          <Group gap={4} wrap="nowrap">
            <Badge variant="light" color="indigo">
              {ROLE_LABELS[support.role]}
            </Badge>
            <PlanStateBadge state={plan.state} />
          </Group>
        </Group>
        <Focus support={support} />
        <Group gap="sm" wrap="nowrap">
          <Progress value={plan.progress} flex={1} aria-label={`Progress ${plan.progress}%`} />
          <Text size="xs">{plan.progress}%</Text>
        </Group>
        <Text size="sm" c="dimmed">
          {plan.state === "draft"
            ? "Not published yet: check-ins start once it is."
            : plan.nextCheckin
              ? `${plan.nextCheckin.status === "overdue" ? "Check-in overdue since" : "Next check-in"} ${formatDay(plan.nextCheckin.dueOn)}`
              : plan.state === "closed"
                ? "Closed"
                : `Runs until ${formatDay(plan.endsOn)}`}
        </Text>
        {latest ? (
          <Stack gap={4} data-testid="latest-checkin">
            <Text size="sm" fw={600}>
              Latest check-in, {formatDay(latest.createdAt)}: {latest.progress}%
            </Text>
            {latest.note ? <Text size="sm">{latest.note}</Text> : null}
            {latest.encouragements.map((e) => (
              <Text key={e.id} size="xs" c="dimmed">
                {e.author.name}: {e.text}
              </Text>
            ))}
            <EncourageForm checkinId={latest.id} />
          </Stack>
        ) : plan.state !== "draft" ? (
          <Text size="sm">No check-in yet.</Text>
        ) : null}
        {plan.state !== "closed" ? (
          <Group justify="flex-end">
            <StepDown partnershipId={support.partnershipId} ownerName={plan.subject.name} />
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}
