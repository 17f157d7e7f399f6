// "Perceived change" on a team's dashboard, for the team's coaches only (the API refuses anyone
// else, and then this shows nothing): each coachee's latest released pulse, per behaviour.

import { Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { formatDay } from "../../lib/format";
import { useTRPC } from "../../lib/trpc";
import { PerceivedChangeTable } from "../pulse/PerceivedChangeTable";

export function PerceivedChangeSection({ teamId }: { teamId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const pulses = useQuery({ ...trpc.pulses.team.queryOptions({ teamId }), retry: false });
  if (!pulses.data) return null;
  return (
    <section aria-labelledby="perceived-change-title" data-testid="perceived-change">
      <Title order={3} mb="xs" id="perceived-change-title">
        {t("dashboard:pulse.title")}
      </Title>
      {pulses.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("dashboard:pulse.none")}
        </Text>
      ) : (
        <Stack gap="md">
          {pulses.data.map((entry) => (
            <PerceivedChangeTable
              key={entry.subject.id}
              figures={entry.perceivedChange}
              caption={t("dashboard:pulse.caption", {
                name: entry.subject.name,
                day: formatDay(entry.releasedOn),
              })}
            />
          ))}
        </Stack>
      )}
    </section>
  );
}
