// The per-row report of an import (dry run or applied): a summary, then one line per CSV row with
// what happens to it and why a row is rejected, then who a full import deactivates.
import { Badge, Group, List, SegmentedControl, Stack, Table, Text, Title } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useState } from "react";
import { ACTION_LABELS, CHANGE_LABELS } from "./labels";
import type { ImportResult, ImportRow } from "./types";

const SHOWN = 500;

export function ImportReport({ result }: { result: ImportResult }) {
  const [filter, setFilter] = useState<"all" | "problems" | "changes">("all");
  const phone = useMediaQuery("(max-width: 36em)") ?? false;
  const rows = result.rows.filter((row) =>
    filter === "all"
      ? true
      : filter === "problems"
        ? row.action === "reject"
        : row.action === "create" || row.action === "update",
  );
  const { summary } = result;
  return (
    <Stack gap="sm" data-testid="import-report">
      <ImportSummary result={result} />
      <SegmentedControl
        value={filter}
        onChange={(value) => setFilter(value as typeof filter)}
        data={[
          { value: "all", label: `All rows (${result.rows.length})` },
          { value: "problems", label: `Rejected (${summary.reject})` },
          { value: "changes", label: `New or changed (${summary.create + summary.update})` },
        ]}
        aria-label="Rows to show"
        orientation={phone ? "vertical" : "horizontal"}
        fullWidth={phone}
        w={phone ? "100%" : "fit-content"}
      />
      {/* On a phone the columns wrap instead of scrolling sideways inside the page. */}
      <Table.ScrollContainer minWidth={phone ? 0 : 640}>
        <Table striped highlightOnHover aria-label="Import rows">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Line</Table.Th>
              <Table.Th>Name</Table.Th>
              <Table.Th>E-mail</Table.Th>
              <Table.Th>Result</Table.Th>
              <Table.Th>Details</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.slice(0, SHOWN).map((row) => (
              <ImportRowLine key={row.line} row={row} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {rows.length > SHOWN ? (
        <Text size="sm" c="dimmed">
          Showing the first {SHOWN} of {rows.length} rows.
        </Text>
      ) : null}
      {result.deactivated.length > 0 ? (
        <Stack gap={4}>
          <Title order={3} size="h5">
            {result.applied ? "Deactivated" : "Would be deactivated"} (not in the file)
          </Title>
          <List size="sm">
            {result.deactivated.slice(0, SHOWN).map((person) => (
              <List.Item key={person.id}>
                {person.name} · {person.email}
              </List.Item>
            ))}
          </List>
        </Stack>
      ) : null}
    </Stack>
  );
}

function ImportSummary({ result }: { result: ImportResult }) {
  const { summary } = result;
  const verb = result.applied ? "" : "would be ";
  return (
    <Group gap="xs" data-testid="import-summary">
      <Badge color="green" variant="light">
        {summary.create} {verb}created
      </Badge>
      <Badge color="blue" variant="light">
        {summary.update} {verb}updated
      </Badge>
      <Badge color="gray" variant="light">
        {summary.unchanged} unchanged
      </Badge>
      <Badge color="red" variant="light">
        {summary.reject} rejected
      </Badge>
      {summary.deactivate > 0 ? (
        <Badge color="orange" variant="light">
          {summary.deactivate} {verb}deactivated
        </Badge>
      ) : null}
      {result.newTeams.length > 0 ? (
        <Badge color="grape" variant="light">
          {result.newTeams.length} new team{result.newTeams.length === 1 ? "" : "s"}
        </Badge>
      ) : null}
    </Group>
  );
}

function ImportRowLine({ row }: { row: ImportRow }) {
  const action = ACTION_LABELS[row.action] ?? { label: row.action, color: "gray" };
  return (
    <Table.Tr data-testid="import-row" data-action={row.action}>
      <Table.Td>{row.line}</Table.Td>
      <Table.Td>{row.name}</Table.Td>
      <Table.Td style={{ overflowWrap: "anywhere" }}>{row.email}</Table.Td>
      <Table.Td>
        <Badge color={action.color} variant="light">
          {action.label}
        </Badge>
      </Table.Td>
      <Table.Td>
        {row.errors.length > 0 ? (
          <List size="sm" c="red">
            {row.errors.map((error) => (
              <List.Item key={error}>{error}</List.Item>
            ))}
          </List>
        ) : row.changes.length > 0 ? (
          <Text size="sm">Changes: {row.changes.map((c) => CHANGE_LABELS[c] ?? c).join(", ")}</Text>
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}
