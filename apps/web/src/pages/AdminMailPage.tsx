// E-mail delivery (admins), with or without SMTP: mails that failed, are being retried, were
// interrupted by a crash or wait too long, each with its last error and a way to send it again.
// Reminders are only counted per request: who got one is exactly who has not answered.
import { formatDay } from "@fivefold/domain";
import { Alert, Badge, Button, Card, Group, Stack, Table, Text, Title, Tooltip } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { ErrorState } from "../components/ErrorState";
import { PageLoader } from "../components/PageLoader";
import { useInvalidate } from "../lib/invalidate";
import { errorMessage } from "../lib/labels";
import { useTRPC } from "../lib/trpc";

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
  invitation: "Feedback invitation",
  report_released: "Report released",
  request_insufficient: "Closed without a report",
  partner_invitation: "Support invitation",
  partner_response: "Support answer",
  partner_removed: "Removed from a circle",
  partner_left: "Left a circle",
  checkin_due: "Check-in due",
  checkin_overdue: "Check-in overdue",
  password: "Password link",
};

export default function AdminMailPage() {
  const trpc = useTRPC();
  const problems = useQuery({ ...trpc.mail.problems.queryOptions(), refetchInterval: 30_000 });
  const invalidate = useInvalidate();
  const resend = useMutation(trpc.mail.resend.mutationOptions({ onSuccess: invalidate.mailQueuedAgain }));

  if (problems.isPending) return <PageLoader />;
  if (problems.isError) return <ErrorState error={problems.error} onRetry={() => problems.refetch()} />;
  const { mails, reminders } = problems.data;

  return (
    <Stack maw={1200}>
      <div>
        <Title order={2}>E-mail delivery</Title>
        <Text size="sm" c="dimmed">
          E-mails that have not reached their recipient yet. Failed ones can be sent again: a failed
          invitation goes out with a new link (the old one stops working), to the rater's current address.
        </Text>
      </div>
      {resend.error ? (
        <Alert color="red" role="alert" title="Not sent again">
          {errorMessage(resend.error)}
        </Alert>
      ) : null}
      {resend.isSuccess ? (
        <Alert color="green" role="status">
          {resend.data.newLink ? "Queued again with a new link." : "Queued again."} It goes out within seconds
          when SMTP is set.
        </Alert>
      ) : null}

      {mails.length === 0 ? (
        <Card withBorder>
          <Text>Every e-mail went out, or is on its way.</Text>
        </Card>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover aria-label="E-mails not delivered">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>State</Table.Th>
                <Table.Th>E-mail</Table.Th>
                <Table.Th>To</Table.Th>
                <Table.Th>Attempts</Table.Th>
                <Table.Th>Last error</Table.Th>
                <Table.Th>Written</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {mails.map((mail) => {
                const state = STATES[mail.state] ?? { label: mail.state, color: "gray", help: "" };
                return (
                  <Table.Tr key={mail.id} data-testid="undelivered-mail">
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
                        {TEMPLATE_LABELS[mail.template] ?? mail.template}
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
                          next try {new Date(mail.nextAttemptAt).toLocaleString("en-GB")}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">{new Date(mail.createdAt).toLocaleString("en-GB")}</Text>
                    </Table.Td>
                    <Table.Td>
                      {mail.resendRefusal ? (
                        <Text size="xs" c="dimmed" maw={220}>
                          {mail.resendRefusal}
                        </Text>
                      ) : (
                        <Button
                          size="xs"
                          variant="light"
                          loading={resend.isPending && resend.variables?.mailId === mail.id}
                          onClick={() => resend.mutate({ mailId: mail.id })}
                        >
                          {mail.state === "failed" ? "Send again" : "Try now"}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

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
    </Stack>
  );
}
