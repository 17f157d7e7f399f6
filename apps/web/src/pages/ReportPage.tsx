// The released report: summary, profile, leadership vs management, highlights, each dimension
// with its behaviours and comments, and the trend. Printable; figures downloadable as CSV.
import { formatDay } from "@fivefold/domain";
import { Alert, Anchor, Badge, Button, Card, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { ErrorState } from "../components/ErrorState";
import { PageLoader } from "../components/PageLoader";
import { DimensionDetail } from "../components/report/DimensionDetail";
import { Highlights } from "../components/report/Highlights";
import { ProfileChart } from "../components/report/ProfileChart";
import { Spectrum } from "../components/report/Spectrum";
import { Trend } from "../components/report/Trend";

import { download, reportCsv } from "../lib/report";
import { useTRPC } from "../lib/trpc";

export default function ReportPage() {
  const { requestId = "" } = useParams();
  const trpc = useTRPC();
  const report = useQuery(trpc.reports.get.queryOptions({ requestId }));
  if (report.isPending) return <PageLoader />;
  if (report.isError) return <ErrorState error={report.error} />;
  const r = report.data;
  const own = r.relation === "self";

  return (
    <Stack maw={1100} gap="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>{own ? "Your 360 report" : `360 report: ${r.subject.name}`}</Title>
          <Text c="dimmed" size="sm">
            Released {formatDay(r.releasedAt)} · questionnaire version {r.instrumentVersion}
          </Text>
        </div>
        <Group className="no-print">
          <Button variant="default" onClick={() => window.print()}>
            Print or save as PDF
          </Button>
          <Button
            variant="default"
            onClick={() => download(`fivefold-report-${r.releasedAt.slice(0, 10)}.csv`, reportCsv(r))}
          >
            Download CSV
          </Button>
        </Group>
      </Group>

      <Card withBorder className="avoid-break">
        <Stack gap="xs">
          <Text size="sm">
            Answers from peers, direct reports and others are only shown combined, for groups of at least{" "}
            {r.threshold} people, so no one can be singled out; self and manager answers are shown apart.
          </Text>
          <Table aria-label="Who answered" data-testid="summary-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Group</Table.Th>
                <Table.Th scope="col">Invited</Table.Th>
                <Table.Th scope="col">Answered</Table.Th>
                <Table.Th scope="col">Shown</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.groups
                .filter((g) => (g.invited ?? 0) > 0 || (g.answered ?? 0) > 0)
                .map((g) => (
                  <Table.Tr key={g.group}>
                    <Table.Th scope="row">
                      {g.label}{" "}
                      {g.pooledFrom ? (
                        <Badge size="xs" variant="light">
                          pool
                        </Badge>
                      ) : null}
                    </Table.Th>
                    {/* Counts only for groups shown on their own: a pooled group's part stays unsaid. */}
                    <Table.Td>{g.shown || g.identifiable ? (g.invited ?? "—") : "—"}</Table.Td>
                    <Table.Td>{g.answered ?? "—"}</Table.Td>
                    <Table.Td>{g.shown ? "Yes" : g.identifiable ? "No" : "Combined with others"}</Table.Td>
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
          {r.notCounted > 0 ? (
            <Text size="xs" c="dimmed" data-testid="not-counted">
              {r.notCounted} more {r.notCounted === 1 ? "rater was" : "raters were"} invited from outside the
              organisation without its say-so: they do not count towards anonymity, and no answer of theirs is
              in this report.
            </Text>
          ) : null}
        </Stack>
      </Card>

      <section className="avoid-break">
        <Title order={3} mb="sm">
          Profile
        </Title>
        <ProfileChart report={r} />
      </section>

      <section className="avoid-break">
        <Title order={3} mb="sm">
          Leadership versus management
        </Title>
        <Spectrum report={r} />
      </section>

      <section>
        <Title order={3} mb="sm">
          Where views differ, and what stands out
        </Title>
        <Highlights report={r} />
      </section>

      <section>
        <Title order={3} mb="sm">
          Dimension by dimension
        </Title>
        <Stack>
          {r.dimensions.map((d) => (
            <DimensionDetail
              key={d.key}
              dimension={d}
              comments={[
                ...r.comments.filter((c) => c.dimension === d.key),
                ...r.identifiedComments.filter((c) => c.dimension === d.key),
              ]}
            />
          ))}
        </Stack>
      </section>

      <section className="avoid-break">
        <Title order={3} mb="sm">
          Trend
        </Title>
        <Trend report={r} />
      </section>

      {own ? (
        <Alert color="blue" title="Turn this into a plan" className="no-print">
          Pick one or two dimensions to work on, with colleagues who hold you to it.{" "}
          <Anchor component={Link} to={`/plans/new?requestId=${r.requestId}`}>
            Make my plan
          </Anchor>
        </Alert>
      ) : null}
    </Stack>
  );
}
