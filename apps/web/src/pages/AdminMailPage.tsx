// E-mail delivery (admins), with or without SMTP: mails that failed, are being retried, were
// interrupted by a crash or wait too long, each with its last error and a way to send it again.
// Reminders are only counted per request: who got one is exactly who has not answered.
import { Alert, Card, Stack, Table, Text, Title } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
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
  const { t } = useTranslation();
  const resend = useMutation(trpc.mail.resend.mutationOptions({ onSuccess: invalidate.mailQueuedAgain }));

  if (problems.isPending) return <PageLoader />;
  if (problems.isError) return <ErrorState error={problems.error} onRetry={() => problems.refetch()} />;
  const { mails, reminders } = problems.data;

  return (
    <Stack maw={1200}>
      <div>
        <Title order={2}>{t("shell:nav.mail")}</Title>
        <Text size="sm" c="dimmed">
          {t("shell:mail.intro")}
        </Text>
      </div>
      {resend.error ? (
        <Alert color="red" role="alert" title={t("shell:mail.notSentAgain")}>
          {errorMessage(resend.error)}
        </Alert>
      ) : null}
      {resend.isSuccess ? (
        <Alert color="green" role="status">
          {resend.data.newLink ? t("shell:mail.queuedNewLink") : t("shell:mail.queued")}
        </Alert>
      ) : null}

      {mails.length === 0 ? (
        <Card withBorder>
          <Text>{t("shell:mail.allOut")}</Text>
        </Card>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover aria-label={t("shell:mail.table")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("shell:mail.column.state")}</Table.Th>
                <Table.Th>{t("common:email")}</Table.Th>
                <Table.Th>{t("shell:mail.column.to")}</Table.Th>
                <Table.Th>{t("shell:mail.column.attempts")}</Table.Th>
                <Table.Th>{t("shell:mail.column.lastError")}</Table.Th>
                <Table.Th>{t("shell:mail.column.written")}</Table.Th>
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
