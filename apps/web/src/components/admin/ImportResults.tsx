// The import page's explanation of the file, and what the check or the import came back with.
import { Alert, Anchor, Card, Code, Stack, Text, Title } from "@mantine/core";
import { Trans, useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ImportReport } from "./ImportReport";
import type { ImportResult } from "./types";

const EXAMPLE = `name,email,manager_email,team,roles
Ada Lovelace,ada@example.com,,Engineering,manager
Alan Turing,alan@example.com,ada@example.com,Engineering|Research,
Grace Hopper,grace@example.com,ada@example.com,Engineering,coach`;

export function ImportHelp() {
  const { t } = useTranslation();
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Text size="sm">
          <Trans i18nKey="admin:import.help" components={{ code: <Code /> }} />
        </Text>
        <Text size="sm" c="dimmed">
          {t("admin:import.matching")}
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
  const { t } = useTranslation();
  return (
    <>
      {stale ? <Alert color="yellow">{t("admin:import.stale")}</Alert> : null}
      {current ? (
        <Stack gap="xs">
          <Title order={3} size="h4">
            {t("admin:import.checkResult")}
          </Title>
          {current.summary.reject > 0 ? <Text size="sm">{t("admin:import.rejectedSkipped")}</Text> : null}
          <ImportReport result={current} />
        </Stack>
      ) : null}
      {applied ? (
        <Stack gap="xs">
          <Alert color="green" title={t("admin:import.applied")} role="status">
            {t("admin:import.appliedSummary", {
              create: applied.summary.create,
              update: applied.summary.update,
              unchanged: applied.summary.unchanged,
              reject: applied.summary.reject,
            })}
            {applied.summary.deactivate > 0
              ? t("admin:import.appliedDeactivated", { n: applied.summary.deactivate })
              : ""}
            .{" "}
            <Anchor component={Link} to="/admin/people">
              {t("admin:import.seePeople")}
            </Anchor>
          </Alert>
          <ImportReport result={applied} />
        </Stack>
      ) : null}
    </>
  );
}
