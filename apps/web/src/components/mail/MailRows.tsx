// One undelivered e-mail with its state, last error and a way to send it again, and the
// undelivered reminders counted per request (never who got one).
import type { AppRouter } from "@fivefold/api";
import { Badge, Button, Card, Group, Stack, Table, Text, Tooltip } from "@mantine/core";
import type { inferRouterOutputs } from "@trpc/server";
import i18next from "i18next";
import { useTranslation } from "react-i18next";
import { formatDateTime, formatDay } from "../../lib/format";

type Problems = inferRouterOutputs<AppRouter>["mail"]["problems"];
type Mail = Problems["mails"][number];

// The states' names and explanations are `shell:mail.state.<state>` and `…help.<state>`.
const STATE_COLORS: Record<string, string> = {
  failed: "red",
  retrying: "orange",
  interrupted: "yellow",
  waiting: "gray",
};

const TEMPLATES = new Set([
  "reminder",
  "invitation",
  "report_released",
  "request_insufficient",
  "rater_thanks",
  "partner_invitation",
  "partner_response",
  "partner_removed",
  "partner_left",
  "checkin_due",
  "checkin_overdue",
  "password",
]);

/** A mail's kind in words ("Check-in overdue"), never its template code. */
export function templateLabel(template: string): string {
  return TEMPLATES.has(template) ? i18next.t(`shell:mail.template.${template}`) : template.replace(/_/g, " ");
}

export function MailRow({
  mail,
  resending,
  onResend,
}: {
  mail: Mail;
  resending: boolean;
  onResend: () => void;
}) {
  const { t } = useTranslation();
  const known = mail.state in STATE_COLORS;
  const state = {
    label: known ? t(`shell:mail.state.${mail.state}`) : mail.state,
    color: STATE_COLORS[mail.state] ?? "gray",
    help: known ? t(`shell:mail.help.${mail.state}`) : "",
  };
  return (
    <Table.Tr data-testid="undelivered-mail">
      <Table.Td>
        <Tooltip label={state.help} multiline w={260}>
          <Badge color={state.color} variant="light">
            {state.label}
          </Badge>
        </Tooltip>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{mail.subject}</Text>
        <Text size="xs" c="dimmed">
          {templateLabel(mail.template)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{mail.to}</Text>
      </Table.Td>
      <Table.Td>{mail.attempts}</Table.Td>
      <Table.Td maw={320}>
        <Text size="xs" style={{ wordBreak: "break-word" }}>
          {mail.lastError ?? "—"}
        </Text>
        {mail.nextAttemptAt ? (
          <Text size="xs" c="dimmed">
            {t("shell:mail.nextTry", { date: formatDateTime(mail.nextAttemptAt) })}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        <Text size="xs">{formatDateTime(mail.createdAt)}</Text>
      </Table.Td>
      <Table.Td>
        {mail.resendRefusal ? (
          <Text size="xs" c="dimmed" maw={220}>
            {mail.resendRefusal}
          </Text>
        ) : (
          <Button size="xs" variant="light" loading={resending} onClick={onResend}>
            {mail.state === "failed" ? t("shell:mail.sendAgain") : t("shell:mail.tryNow")}
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

export function UndeliveredReminders({ reminders }: { reminders: Problems["reminders"] }) {
  const { t } = useTranslation();
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Text fw={600}>{t("shell:mail.reminders.title")}</Text>
        <Text size="sm" c="dimmed">
          {t("shell:mail.reminders.intro")}
        </Text>
        {reminders.length === 0 ? (
          <Text size="sm">{t("shell:mail.reminders.none")}</Text>
        ) : (
          <Table aria-label={t("shell:mail.reminders.table")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("shell:mail.reminders.request")}</Table.Th>
                <Table.Th>{t("shell:mail.reminders.deadline")}</Table.Th>
                <Table.Th>{t("shell:mail.reminders.notDelivered")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {reminders.map((r) => (
                <Table.Tr key={r.requestId} data-testid="undelivered-reminders">
                  <Table.Td>{t("shell:mail.reminders.feedbackOn", { name: r.subject.name })}</Table.Td>
                  <Table.Td>{formatDay(r.deadline)}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Badge color="orange" variant="light">
                        {r.notDelivered}
                      </Badge>
                      <Text size="sm">{t("shell:mail.reminders.count", { count: r.notDelivered })}</Text>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}
