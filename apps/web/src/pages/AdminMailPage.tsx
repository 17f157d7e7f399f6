// E-mail delivery (admins), with or without SMTP: mails that failed, are being retried, were
// interrupted by a crash or wait too long, each with its last error and a way to send it again.
// Reminders are only counted per request: who got one is exactly who has not answered.
import { Alert, Card, Stack, Table, Text, Title } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { ErrorState } from "../components/ErrorState";
import { MailRow, UndeliveredReminders } from "../components/mail/MailRows";
import { PageLoader } from "../components/PageLoader";
import { useInvalidate } from "../lib/invalidate";
import { errorMessage } from "../lib/labels";
import { useTRPC } from "../lib/trpc";

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
              {mails.map((mail) => (
                <MailRow
                  key={mail.id}
                  mail={mail}
                  resending={resend.isPending && resend.variables?.mailId === mail.id}
                  onResend={() => resend.mutate({ mailId: mail.id })}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <UndeliveredReminders reminders={reminders} />
    </Stack>
  );
}
