// The inbox's pulses: the perceived-change surveys the caller was asked to answer, while they collect.

import { Button, Card, Group, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDay } from "../../lib/format";
import { useTRPC } from "../../lib/trpc";
import { StateBadge } from "../StateBadge";

export function PulseInvitations() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const pulses = useQuery(trpc.pulses.mine.queryOptions());
  if (!pulses.data || pulses.data.length === 0) return null;
  return (
    <>
      {pulses.data.map((pulse) => (
        <Card key={pulse.requestId} withBorder data-testid="inbox-pulse">
          <Group justify="space-between" wrap="wrap">
            <div>
              <Text fw={600}>{t("rating:pulse.inboxTitle", { name: pulse.subjectName })}</Text>
              <Text size="sm" c="dimmed">
                {t("rating:pulse.inboxMeta", { deadline: formatDay(pulse.closesOn) })}
              </Text>
            </div>
            <Group gap="sm">
              <StateBadge state={pulse.answered ? "submitted" : "pending"} />
              {pulse.answered ? null : (
                <Button
                  component={Link}
                  to={`/pulses/${pulse.requestId}`}
                  aria-label={t("rating:pulse.answerLabel", { name: pulse.subjectName })}
                >
                  {t("rating:pulse.answer")}
                </Button>
              )}
            </Group>
          </Group>
        </Card>
      ))}
    </>
  );
}
