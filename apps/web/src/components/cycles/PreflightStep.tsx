// The pre-flight (nothing written): each problem with whom, what and why, a CSV of it, and the
// launch, refused while a blocking problem remains unless the admin excludes those people.
import { Alert, Badge, Button, Checkbox, Group, Stack, Table, Text } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { downloadCsv } from "../../lib/csv";
import { PROBLEM_LABELS, type PreflightProblem } from "../../lib/cycles";
import { useInvalidate } from "../../lib/invalidate";
import { errorMessage } from "../../lib/labels";
import { useTRPC } from "../../lib/trpc";
import { ErrorState } from "../ErrorState";
import { PageLoader } from "../PageLoader";

function problemsCsv(problems: PreflightProblem[]) {
  downloadCsv(
    "pre-flight.csv",
    ["name", "person_id", "kind", "problem", "detail", "blocking"],
    problems.map((p) => [p.name, p.personId, p.kind, PROBLEM_LABELS[p.kind], p.detail, p.blocking]),
  );
}

export function PreflightStep({ cycleId }: { cycleId: string }) {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const flight = useQuery(trpc.cycles.preflight.queryOptions({ cycleId }));
  const [exclude, setExclude] = useState<Set<string>>(new Set());
  const launch = useMutation(
    trpc.cycles.launch.mutationOptions({ onSuccess: () => invalidate.cycleChanged() }),
  );
  if (flight.isError) return <ErrorState error={flight.error} onRetry={() => flight.refetch()} />;
  if (!flight.data) return <PageLoader />;
  const { problems } = flight.data;
  const blockers = [...new Set(problems.filter((p) => p.blocking).map((p) => p.personId))];
  const remaining = blockers.filter((id) => !exclude.has(id));
  const toggle = (personId: string) =>
    setExclude((current) => {
      const next = new Set(current);
      if (next.has(personId)) next.delete(personId);
      else next.add(personId);
      return next;
    });

  if (launch.data) {
    return (
      <Alert color="green" title="Launched" data-testid="launched">
        <Text size="sm">
          {launch.data.requests} request(s) made. Subjects now propose their peers; managers approve them.
        </Text>
        <Button component={Link} to={`/admin/cycles/${cycleId}`} mt="sm" size="xs">
          Open the cycle
        </Button>
      </Alert>
    );
  }
  return (
    <Stack>
      <Text size="sm" data-testid="preflight-summary">
        {flight.data.subjects} subject(s); {flight.data.ready} ready; {problems.length} problem(s), of which{" "}
        {blockers.length} person(s) block the launch.
      </Text>
      {problems.length > 0 ? (
        <ProblemTable problems={problems} exclude={exclude} onToggle={toggle} />
      ) : (
        <Alert color="green">No problems: everyone can take part.</Alert>
      )}
      <Group>
        <Button variant="default" onClick={() => problemsCsv(problems)} disabled={problems.length === 0}>
          Download CSV
        </Button>
        <Button
          disabled={remaining.length > 0}
          loading={launch.isPending}
          onClick={() => launch.mutate({ cycleId, ...(exclude.size > 0 ? { exclude: [...exclude] } : {}) })}
        >
          Launch
        </Button>
        {remaining.length > 0 ? (
          <Text size="sm" c="red">
            {remaining.length} person(s) still block the launch: tick them to exclude them.
          </Text>
        ) : null}
      </Group>
      {launch.isError ? (
        <Alert color="red" role="alert">
          {errorMessage(launch.error)}
        </Alert>
      ) : null}
    </Stack>
  );
}

function ProblemTable(props: {
  problems: PreflightProblem[];
  exclude: ReadonlySet<string>;
  onToggle: (personId: string) => void;
}) {
  return (
    <Table.ScrollContainer minWidth={720} maxHeight={480}>
      <Table stickyHeader aria-label="Pre-flight problems">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Exclude</Table.Th>
            <Table.Th>Person</Table.Th>
            <Table.Th>Problem</Table.Th>
            <Table.Th>Detail</Table.Th>
            <Table.Th>Blocks launch</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.problems.map((p, index) => (
            <Table.Tr key={`${p.personId}-${p.kind}-${index}`}>
              <Table.Td>
                {p.blocking ? (
                  <Checkbox
                    aria-label={`Exclude ${p.name}`}
                    checked={props.exclude.has(p.personId)}
                    onChange={() => props.onToggle(p.personId)}
                  />
                ) : null}
              </Table.Td>
              <Table.Td>{p.name}</Table.Td>
              <Table.Td>{PROBLEM_LABELS[p.kind]}</Table.Td>
              <Table.Td>{p.detail}</Table.Td>
              <Table.Td>
                {p.blocking ? <Badge color="red">Blocking</Badge> : <Badge color="gray">Warning</Badge>}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
