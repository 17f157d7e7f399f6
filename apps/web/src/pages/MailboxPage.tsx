// The demo mailbox: e-mails Fivefold would have sent, so invitation links can be followed without SMTP.

import { Accordion, Anchor, Badge, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ErrorState } from "../components/ErrorState";
import { templateLabel } from "../components/mail/MailRows";
import { PageLoader } from "../components/PageLoader";
import { formatDateTime } from "../lib/format";
import { useTRPC } from "../lib/trpc";

const LINK = /(https?:\/\/\S+)/g;

export default function MailboxPage() {
  const trpc = useTRPC();
  const mails = useQuery(trpc.mailbox.list.queryOptions());
  const { t } = useTranslation();
  if (mails.isPending) return <PageLoader />;
  if (mails.isError) return <ErrorState error={mails.error} />;
  return (
    <Stack maw={960}>
      <div>
        <Title order={2}>{t("shell:nav.mailbox")}</Title>
        <Text size="sm" c="dimmed">
          {t("shell:mailbox.intro")}
        </Text>
      </div>
      {mails.data.length === 0 ? (
        <Card withBorder>
          <Text>{t("shell:mailbox.empty")}</Text>
        </Card>
      ) : (
        <Accordion variant="separated">
          {mails.data.map((mail) => (
            <Accordion.Item key={mail.id} value={mail.id} data-testid="mail">
              <Accordion.Control>
                <Group justify="space-between" wrap="nowrap">
                  <div>
                    <Text size="sm" fw={600}>
                      {mail.subject}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t("shell:mailbox.to", { to: mail.to, date: formatDateTime(mail.createdAt) })}
                    </Text>
                  </div>
                  <Badge variant="light">{templateLabel(mail.template)}</Badge>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                  {mail.text.split(LINK).map((part, i) =>
                    /^https?:\/\//.test(part) ? (
                      <Anchor key={i} href={part}>
                        {part}
                      </Anchor>
                    ) : (
                      part
                    ),
                  )}
                </Text>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
    </Stack>
  );
}
