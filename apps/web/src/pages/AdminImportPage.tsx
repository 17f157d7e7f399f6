// Import people from a CSV (admins): paste or upload, check the file (a dry run reporting per row
// what would be created, updated or rejected and why), then apply the accepted rows in one go.
import {
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  Code,
  FileInput,
  Group,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { ImportReport } from "../components/admin/ImportReport";
import type { ImportResult } from "../components/admin/types";
import { errorMessage } from "../lib/labels";
import { useTRPC } from "../lib/trpc";

const EXAMPLE = `name,email,manager_email,team,roles
Ada Lovelace,ada@example.com,,Engineering,manager
Alan Turing,alan@example.com,ada@example.com,Engineering|Research,
Grace Hopper,grace@example.com,ada@example.com,Engineering,coach`;

export default function AdminImportPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [csv, setCsv] = useState("");
  const [full, setFull] = useState(false);
  const [checked, setChecked] = useState<{ csv: string; full: boolean; result: ImportResult } | null>(null);
  const [applied, setApplied] = useState<ImportResult | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  const dryRun = useMutation(trpc.people.import.mutationOptions());
  const apply = useMutation(
    trpc.people.import.mutationOptions({
      onSuccess: async (result) => {
        setApplied(result);
        setChecked(null);
        await queryClient.invalidateQueries({ queryKey: trpc.people.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.teams.pathKey() });
      },
    }),
  );

  const readFile = async (file: File | null) => {
    setFileError(null);
    if (!file) return;
    if (file.size > 4_000_000) {
      setFileError("The file is larger than 4 MB: split it into parts");
      return;
    }
    setCsv(await file.text());
    setChecked(null);
    setApplied(null);
  };

  const check = () => {
    setApplied(null);
    dryRun.mutate(
      { csv, dryRun: true, deactivateMissing: full },
      { onSuccess: (result) => setChecked({ csv, full, result }) },
    );
  };
  const current = checked && checked.csv === csv && checked.full === full ? checked.result : null;
  const toApply = current ? current.summary.create + current.summary.update + current.summary.deactivate : 0;

  return (
    <Stack maw={1100}>
      <Group justify="space-between">
        <Title order={2}>Import people</Title>
        <Anchor component={Link} to="/admin/people">
          Back to people
        </Anchor>
      </Group>
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
          <Code block>{EXAMPLE}</Code>
        </Stack>
      </Card>
      <FileInput
        label="Upload a CSV file"
        placeholder="Choose a .csv file"
        accept=".csv,text/csv,text/plain"
        onChange={readFile}
        error={fileError}
        clearable
      />
      <Textarea
        label="…or paste the CSV"
        value={csv}
        onChange={(e) => setCsv(e.currentTarget.value)}
        autosize
        minRows={6}
        maxRows={16}
        styles={{ input: { fontFamily: "ui-monospace, monospace" } }}
        spellCheck={false}
      />
      <Checkbox
        label="Full import: deactivate active people who are not in this file (they are not deleted, and you are never deactivated)"
        checked={full}
        onChange={(e) => setFull(e.currentTarget.checked)}
      />
      <Group>
        <Button onClick={check} loading={dryRun.isPending} disabled={csv.trim() === ""}>
          Check the file
        </Button>
        {current ? (
          <Button
            color="green"
            onClick={() => apply.mutate({ csv, dryRun: false, deactivateMissing: full })}
            loading={apply.isPending}
            disabled={toApply === 0}
          >
            {toApply === 0 ? "Nothing to apply" : `Apply ${toApply} change${toApply === 1 ? "" : "s"}`}
          </Button>
        ) : null}
      </Group>
      {dryRun.isError ? (
        <Alert color="red" role="alert" title="The file could not be read">
          {errorMessage(dryRun.error)}
        </Alert>
      ) : null}
      {apply.isError ? (
        <Alert color="red" role="alert" title="The import was not applied">
          {errorMessage(apply.error)}
        </Alert>
      ) : null}
      {checked && !current ? (
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
    </Stack>
  );
}
