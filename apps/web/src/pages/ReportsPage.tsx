// Released reports I may read: mine, those I requested, my coachees'.

import { Anchor, Badge, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { ErrorState } from "../components/ErrorState";
import { PageLoader } from "../components/PageLoader";
import { formatDay } from "../lib/format";

import { useTRPC } from "../lib/trpc";

const RELATION: Record<string, string> = {
  self: "About you",
  requester: "You requested it",
  coach: "Your coachee",
  admin: "Admin access",
};

export default function ReportsPage() {
  const trpc = useTRPC();
  const reports = useQuery(trpc.reports.list.queryOptions());
  if (reports.isPending) return <PageLoader />;
  if (reports.isError) return <ErrorState error={reports.error} />;
  return (
    <Stack maw={860}>
      <Title order={2}>Reports</Title>
      {reports.data.length === 0 ? (
        <Card withBorder>
          <Text>
            No released reports yet. A report appears here when a feedback request about you (or one you
            requested) closes with enough answers.
          </Text>
        </Card>
      ) : (
        reports.data.map((r) => (
          <Card key={r.requestId} withBorder data-testid="report-card">
            <Group justify="space-between">
              <div>
                <Anchor component={Link} to={`/reports/${r.requestId}`} fw={600}>
                  {r.relation === "self" ? "Your 360 report" : r.subject.name}
                </Anchor>
                <Text size="sm" c="dimmed">
                  Released {formatDay(r.releasedAt)}
                </Text>
              </div>
              <Badge variant="light">{RELATION[r.relation]}</Badge>
            </Group>
          </Card>
        ))
      )}
    </Stack>
  );
}
