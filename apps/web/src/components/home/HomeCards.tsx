// The home page's cards: feedback to give, your reports, and the requests you manage.
import type { AppRouter } from "@fivefold/api";
import { Anchor, Button, Card, Group, Stack, Text } from "@mantine/core";
import type { inferRouterOutputs } from "@trpc/server";
import { Trans, useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDay } from "../../lib/format";

type Outputs = inferRouterOutputs<AppRouter>;

export function InboxCard({ items: toAnswer }: { items: Outputs["inbox"]["list"] }) {
  const { t } = useTranslation();
  return (
    <Card withBorder data-testid="home-inbox">
      <Text fw={600}>{t("shell:home.inbox.title")}</Text>
      {toAnswer.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("shell:home.inbox.empty")}
        </Text>
      ) : (
        <Stack gap={4} mt={4}>
          {toAnswer.slice(0, 4).map((item) => (
            <Text size="sm" key={item.invitationId}>
              <Anchor component={Link} to={`/feedback/${item.invitationId}`}>
                {item.group === "self" ? t("shell:selfAssessment") : item.subject.name}
              </Anchor>{" "}
              <Text span c="dimmed" size="xs">
                {t("shell:home.inbox.by", { date: formatDay(item.deadline) })}
              </Text>
            </Text>
          ))}
          {toAnswer.length > 4 ? (
            <Anchor component={Link} to="/inbox" size="sm">
              {t("shell:home.inbox.all", { count: toAnswer.length })}
            </Anchor>
          ) : null}
        </Stack>
      )}
    </Card>
  );
}

export function ReportsCard({ mine }: { mine: Outputs["reports"]["list"] }) {
  const { t } = useTranslation();
  return (
    <Card withBorder>
      <Text fw={600}>{t("shell:home.reports.title")}</Text>
      {mine.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("shell:home.reports.empty")}
        </Text>
      ) : (
        <Stack gap={4} mt={4}>
          <Text size="sm">
            <Trans
              i18nKey="shell:home.reports.latest"
              values={{ date: formatDay(mine[0]?.releasedAt ?? "") }}
              components={{ go: <Anchor component={Link} to={`/reports/${mine[0]?.requestId}`} /> }}
            />
          </Text>
          <Anchor component={Link} to="/plans" size="sm">
            {t("shell:home.reports.plan")}
          </Anchor>
        </Stack>
      )}
    </Card>
  );
}

export function ManagedRequestsCard({ requests: managing }: { requests: Outputs["requests"]["list"] }) {
  const { t } = useTranslation();
  return (
    <Card withBorder>
      <Group justify="space-between">
        <Text fw={600}>{t("shell:home.managed.title")}</Text>
        <Button component={Link} to="/requests/new" size="xs">
          {t("shell:home.managed.request")}
        </Button>
      </Group>
      {managing.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("shell:home.managed.empty")}
        </Text>
      ) : (
        <Stack gap={4} mt={4}>
          {managing.slice(0, 4).map((r) => {
            const counting = (r.groups ?? []).filter((g) => g.submitted !== null);
            const invited = counting.reduce((s, g) => s + g.invited, 0);
            const submitted = counting.reduce((s, g) => s + (g.submitted ?? 0), 0);
            return (
              <Text size="sm" key={r.id}>
                <Anchor component={Link} to={`/requests/${r.id}`}>
                  {r.subject.name}
                </Anchor>{" "}
                <Text span c="dimmed" size="xs">
                  {t("shell:progress.total", { submitted, invited })}
                </Text>
              </Text>
            );
          })}
        </Stack>
      )}
    </Card>
  );
}
