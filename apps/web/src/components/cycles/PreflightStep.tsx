// The pre-flight (nothing written): each problem with whom, what and why, a CSV of it, and the
// launch, refused while a blocking problem remains unless the admin excludes those people.
// Problems are shown by their kind (a code) in the page's language; see problemReason for the why.
import { Alert, Badge, Button, Checkbox, Group, Stack, Table, Text } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { downloadCsv } from "../../lib/csv";
import { type PreflightProblem, problemLabel, problemReason } from "../../lib/cycles";
import { formatNumber } from "../../lib/format";
import { useInvalidate } from "../../lib/invalidate";
import { errorMessage } from "../../lib/labels";
import { useTRPC } from "../../lib/trpc";
import { ErrorState } from "../ErrorState";
import { PageLoader } from "../PageLoader";

/** The problems as a file: its name and columns are a format other tools read, so they stay English;
 * the problem and detail cells are what the admin reads on the page, in its language. */
function problemsCsv(problems: PreflightProblem[]) {
  downloadCsv(
    "pre-flight.csv", // i18n-ignore: a file name
    ["name", "person_id", "kind", "problem", "detail", "blocking"], // i18n-ignore: CSV columns
    problems.map((p) => [p.name, p.personId, p.kind, problemLabel(p.kind), problemReason(p), p.blocking]),
  );
}

export function PreflightStep({ cycleId }: { cycleId: string }) {
  const { t } = useTranslation();
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
      <Alert color="green" title={t("cycles:preflight.launched")} data-testid="launched">
        <Text size="sm">{t("cycles:preflight.made", { count: launch.data.requests })}</Text>
        <Button component={Link} to={`/admin/cycles/${cycleId}`} mt="sm" size="xs">
          {t("cycles:preflight.open")}
        </Button>
      </Alert>
    );
  }
  return (
    <Stack>
      <Text size="sm" data-testid="preflight-summary">
        {t("cycles:preflight.summary", {
          subjects: formatNumber(flight.data.subjects),
          ready: formatNumber(flight.data.ready),
          problems: formatNumber(problems.length),
          blockers: formatNumber(blockers.length),
        })}
      </Text>
      {problems.length > 0 ? (
        <ProblemTable problems={problems} exclude={exclude} onToggle={toggle} />
      ) : (
        <Alert color="green">{t("cycles:preflight.none")}</Alert>
      )}
      <Group>
        <Button variant="default" onClick={() => problemsCsv(problems)} disabled={problems.length === 0}>
          {t("cycles:preflight.download")}
        </Button>
        <Button
          disabled={remaining.length > 0}
          loading={launch.isPending}
          onClick={() => launch.mutate({ cycleId, ...(exclude.size > 0 ? { exclude: [...exclude] } : {}) })}
        >
          {t("cycles:preflight.launch")}
        </Button>
        {remaining.length > 0 ? (
          <Text size="sm" c="red">
            {t("cycles:preflight.stillBlocking", { n: formatNumber(remaining.length) })}
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
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={720} maxHeight={480}>
      <Table stickyHeader aria-label={t("cycles:preflight.table")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("cycles:preflight.exclude")}</Table.Th>
            <Table.Th>{t("cycles:preflight.person")}</Table.Th>
            <Table.Th>{t("cycles:preflight.problemColumn")}</Table.Th>
            <Table.Th>{t("cycles:preflight.detail")}</Table.Th>
            <Table.Th>{t("cycles:preflight.blocksLaunch")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.problems.map((p, index) => (
            <Table.Tr key={`${p.personId}-${p.kind}-${index}`}>
              <Table.Td>
                {p.blocking ? (
                  <Checkbox
                    aria-label={t("cycles:preflight.excludePerson", { name: p.name })}
                    checked={props.exclude.has(p.personId)}
                    onChange={() => props.onToggle(p.personId)}
                  />
                ) : null}
              </Table.Td>
              <Table.Td>{p.name}</Table.Td>
              <Table.Td>{problemLabel(p.kind)}</Table.Td>
              <Table.Td>{problemReason(p)}</Table.Td>
              <Table.Td>
                {p.blocking ? (
                  <Badge color="red">{t("cycles:preflight.blocking")}</Badge>
                ) : (
                  <Badge color="gray">{t("cycles:preflight.warning")}</Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
