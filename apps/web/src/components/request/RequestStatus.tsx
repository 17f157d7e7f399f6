// What the request page says about where a request stands: who asked and until when, warnings
// about raters, and the outcome once it is released, closed without a report or cancelled.

import { Alert, Anchor, Group, Stack, Text, Title } from "@mantine/core";
import i18next from "i18next";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDay } from "../../lib/format";
import { MakePlanButton } from "../plan/MakePlanButton";
import { StateBadge } from "../StateBadge";
import type { RaterWarning, RequestView } from "./types";

export function RequestHeader({ request: r }: { request: RequestView }) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between">
      <div>
        <Title order={2}>
          {r.role === "subject"
            ? t("requests:request.titleYou")
            : t("requests:request.title", { name: r.subject.name })}
        </Title>
        <Text c="dimmed" size="sm">
          {t("requests:request.meta", {
            requester: r.requester.name,
            deadline: formatDay(r.deadline),
            threshold: r.threshold,
          })}
        </Text>
      </div>
      <StateBadge state={r.state} />
    </Group>
  );
}

export function RaterWarnings({ warnings }: { warnings: RaterWarning[] }) {
  const { t } = useTranslation();
  if (warnings.length === 0) return null;
  return (
    <Alert color="yellow" title={t("requests:request.warnings")} data-testid="rater-warnings">
      <Stack gap={4}>
        {warnings.map((w) => (
          <Text size="sm" key={w.detail}>
            {raterWarningText(w)}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}

/** A warning about raters in the page's language; in English word for word the server's `detail`. */
export function raterWarningText(warning: RaterWarning): string {
  if (warning.kind === "external_not_counted") {
    return i18next.t(`requests:request.warning.${warning.reason}`, {
      email: warning.email,
      domain: warning.domain,
    });
  }
  const groups = warning.groups.map((g) => i18next.t(`report:groupInList.${g}`)).join(", ");
  return i18next.t(
    warning.groups.length > 0 ? "requests:request.warning.closeGroups" : "requests:request.warning.closeAll",
    { groups, threshold: warning.threshold, day: formatDay(warning.releasedOn) },
  );
}

export function RequestOutcome({ request: r }: { request: RequestView }) {
  const { t } = useTranslation();
  if (r.state === "released") {
    return (
      <Alert color="green" title={t("requests:request.released")}>
        <Anchor component={Link} to={`/reports/${r.id}`}>
          {t("requests:request.openReport")}
        </Anchor>
        {r.role === "subject" ? (
          <Group mt="xs">
            <MakePlanButton requestId={r.id} size="xs" />
          </Group>
        ) : null}
      </Alert>
    );
  }
  if (r.state === "insufficient") {
    return (
      <Alert color="orange" title={t("requests:request.insufficient")}>
        {r.insufficientReason === "too_close_to_earlier"
          ? t("requests:request.tooClose")
          : t("requests:request.tooFew", { threshold: r.threshold })}
      </Alert>
    );
  }
  if (r.state === "cancelled") {
    return (
      <Alert color="gray" title={t("requests:request.cancelled")}>
        {t("requests:request.cancelledBody")}
      </Alert>
    );
  }
  return null;
}
