// The import page's explanation of the file, and what the check or the import came back with.
import { Alert, Anchor, Card, Code, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { ImportReport } from "./ImportReport";
import type { ImportResult } from "./types";

const EXAMPLE = `name,email,manager_email,team,roles
Ada Lovelace,ada@example.com,,Engineering,manager
Alan Turing,alan@example.com,ada@example.com,Engineering|Research,
Grace Hopper,grace@example.com,ada@example.com,Engineering,coach`;

export function ImportHelp() {
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Text size="sm">
          One row per person under a header row with the columns <Code>name</Code>, <Code>email</Code>,{" "}
          <Code>manager_email</Code>, <Code>team</Code> and <Code>roles</Code> (only name and email are
          required). Commas or semicolons, UTF-8. Several teams or roles: separate them with <Code>|</Code>.
          Roles are admin, manager and coach; everyone is a member.
        </Text>
        <Text size="sm" c="dimmed">
          People are matched by e-mail: new addresses are added, known ones updated, and importing the same
          file again changes nothing. The file is checked first; nothing changes until you apply it.
        </Text>
        <Code block style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
          {EXAMPLE}
        </Code>
      </Stack>
    </Card>
  );
}

export function ImportResults(props: {
  stale: boolean;
  current: ImportResult | null;
  applied: ImportResult | null;
}) {
  const { stale, current, applied } = props;
  return (
    <>
      {stale ? (
        <Alert color="yellow">
          The file or the full-import choice changed since the check: check it again.
        </Alert>
      ) : null}
      {current ? (
        <Stack gap="xs">
          <Title order={3} size="h4">
            Check result
          </Title>
          {current.summary.reject > 0 ? (
            <Text size="sm">
              Rejected rows are skipped when you apply; fix them in the file and import it again later.
            </Text>
          ) : null}
          <ImportReport result={current} />
        </Stack>
      ) : null}
      {applied ? (
        <Stack gap="xs">
          <Alert color="green" title="Import applied" role="status">
            {applied.summary.create} created, {applied.summary.update} updated, {applied.summary.unchanged}{" "}
            unchanged, {applied.summary.reject} rejected
            {applied.summary.deactivate > 0 ? `, ${applied.summary.deactivate} deactivated` : ""}.{" "}
            <Anchor component={Link} to="/admin/people">
              See the people
            </Anchor>
          </Alert>
          <ImportReport result={applied} />
        </Stack>
      ) : null}
    </>
  );
}
