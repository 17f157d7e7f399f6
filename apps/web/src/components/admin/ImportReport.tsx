// The per-row report of an import (dry run or applied): a summary, then one line per CSV row with
// what happens to it and why a row is rejected, then who a full import deactivates.
import { Badge, Group, List, SegmentedControl, Stack, Table, Text, Title } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { sentence } from "../../i18n/sentence";
import { ACTION_COLORS } from "./labels";
import type { ImportResult, ImportRow } from "./types";

const SHOWN = 500;

export function ImportReport({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
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
          { value: "all", label: t("admin:report.allRows", { n: result.rows.length }) },
          { value: "problems", label: t("admin:report.rejectedRows", { n: summary.reject }) },
          { value: "changes", label: t("admin:report.changedRows", { n: summary.create + summary.update }) },
        ]}
        aria-label={t("admin:report.rowsToShow")}
        orientation={phone ? "vertical" : "horizontal"}
        fullWidth={phone}
        w={phone ? "100%" : "fit-content"}
      />
      {/* On a phone the columns wrap instead of scrolling sideways inside the page. */}
      <Table.ScrollContainer minWidth={phone ? 0 : 640}>
        <Table striped highlightOnHover aria-label={t("admin:report.tableLabel")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("admin:report.col.line")}</Table.Th>
              <Table.Th>{t("admin:report.col.name")}</Table.Th>
              <Table.Th>{t("admin:report.col.email")}</Table.Th>
              <Table.Th>{t("admin:report.col.result")}</Table.Th>
              <Table.Th>{t("admin:report.col.details")}</Table.Th>
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
          {t("admin:report.showingFirst", { shown: SHOWN, n: rows.length })}
        </Text>
      ) : null}
      {result.deactivated.length > 0 ? (
        <Stack gap={4}>
          <Title order={3} size="h5">
            {result.applied ? t("admin:report.deactivated") : t("admin:report.wouldDeactivate")}
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
  const { t } = useTranslation();
  const { summary } = result;
  const done = result.applied;
  return (
    <Group gap="xs" data-testid="import-summary">
      <Badge color="green" variant="light">
        {done
          ? t("admin:report.created", { n: summary.create })
          : t("admin:report.wouldCreate", { count: summary.create })}
      </Badge>
      <Badge color="blue" variant="light">
        {done
          ? t("admin:report.updated", { n: summary.update })
          : t("admin:report.wouldUpdate", { count: summary.update })}
      </Badge>
      <Badge color="gray" variant="light">
        {t("admin:report.unchanged", { n: summary.unchanged })}
      </Badge>
      <Badge color="red" variant="light">
        {t("admin:report.rejected", { n: summary.reject })}
      </Badge>
      {summary.deactivate > 0 ? (
        <Badge color="orange" variant="light">
          {done
            ? t("admin:report.deactivatedCount", { n: summary.deactivate })
            : t("admin:report.wouldDeactivateCount", { count: summary.deactivate })}
        </Badge>
      ) : null}
      {result.newTeams.length > 0 ? (
        <Badge color="grape" variant="light">
          {t("admin:report.newTeams", { count: result.newTeams.length })}
        </Badge>
      ) : null}
    </Group>
  );
}

function ImportRowLine({ row }: { row: ImportRow }) {
  const { t } = useTranslation();
  return (
    <Table.Tr data-testid="import-row" data-action={row.action}>
      <Table.Td>{row.line}</Table.Td>
      <Table.Td>{row.name}</Table.Td>
      <Table.Td style={{ overflowWrap: "anywhere" }}>{row.email}</Table.Td>
      <Table.Td>
        <Badge color={ACTION_COLORS[row.action] ?? "gray"} variant="light">
          {t(`admin:report.action.${row.action}`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        {row.errors.length > 0 ? (
          <List size="sm" c="red">
            {/* The domain's reasons arrive as English sentences (people-import), in the page's language. */}
            {row.errors.map((error) => (
              <List.Item key={error}>{sentence(error)}</List.Item>
            ))}
          </List>
        ) : row.changes.length > 0 ? (
          <Text size="sm">
            {t("admin:report.changes", {
              changes: row.changes.map((c) => t(`admin:report.change.${c}`)).join(", "),
            })}
          </Text>
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}
