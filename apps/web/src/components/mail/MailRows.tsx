// One undelivered e-mail with its state, last error and a way to send it again, and the
// undelivered reminders counted per request (never who got one).
import type { AppRouter } from "@fivefold/api";
import { Badge, Button, Card, Group, Stack, Table, Text, Tooltip } from "@mantine/core";
import type { inferRouterOutputs } from "@trpc/server";
import { formatDateTime, formatDay } from "../../lib/format";

type Problems = inferRouterOutputs<AppRouter>["mail"]["problems"];
type Mail = Problems["mails"][number];

const STATES: Record<string, { label: string; color: string; help: string }> = {
  failed: { label: "Failed", color: "red", help: "Given up: refused for good, or failed every attempt" },
  retrying: {
    label: "Retrying",
    color: "orange",
    help: "An attempt failed; Fivefold tries again with a growing pause",
  },
  interrupted: {
    label: "Interrupted",
    color: "yellow",
    help: "Its process stopped mid-send; it is sent again (the receiver may get a copy with the same Message-ID)",
  },
  waiting: {
    label: "Waiting",
    color: "gray",
    help: "Not tried for over 15 minutes: is SMTP_URL set and the server running?",
  },
};

const TEMPLATE_LABELS: Record<string, string> = {
  reminder: "Reminder to answer",
  invitation: "Feedback invitation",
  report_released: "Report released",
  request_insufficient: "Closed without a report",
  rater_thanks: "Thank-you to raters",
  partner_invitation: "Support invitation",
  partner_response: "Support answer",
  partner_removed: "Removed from a circle",
  partner_left: "Left a circle",
  checkin_due: "Check-in due",
  checkin_overdue: "Check-in overdue",
  password: "Password link",
};

/** A mail's kind in words ("Check-in overdue"), never its template code. */
export function templateLabel(template: string): string {
  return TEMPLATE_LABELS[template] ?? template.replace(/_/g, " ");
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
  const state = STATES[mail.state] ?? { label: mail.state, color: "gray", help: "" };
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
            next try {formatDateTime(mail.nextAttemptAt)}
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
            {mail.state === "failed" ? "Send again" : "Try now"}
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

export function UndeliveredReminders({ reminders }: { reminders: Problems["reminders"] }) {
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Text fw={600}>Reminders</Text>
        <Text size="sm" c="dimmed">
          A reminder goes to each rater who has not answered, so who got one is never shown, nor can one be
          sent by hand. Fivefold keeps trying the undelivered ones until the request closes.
        </Text>
        {reminders.length === 0 ? (
          <Text size="sm">No undelivered reminders.</Text>
        ) : (
          <Table aria-label="Undelivered reminders per request">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Request</Table.Th>
                <Table.Th>Deadline</Table.Th>
                <Table.Th>Not delivered yet</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {reminders.map((r) => (
                <Table.Tr key={r.requestId} data-testid="undelivered-reminders">
                  <Table.Td>Feedback on {r.subject.name}</Table.Td>
                  <Table.Td>{formatDay(r.deadline)}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Badge color="orange" variant="light">
                        {r.notDelivered}
                      </Badge>
                      <Text size="sm">{r.notDelivered === 1 ? "reminder" : "reminders"}</Text>
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
