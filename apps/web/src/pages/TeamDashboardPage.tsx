// A team's dashboard: heatmap, team profile (only with k people behind each figure), cycle
// progress, plan progress, who needs attention and the team's trend across cycles.

import type { DimensionKey } from "@fivefold/domain";
import { Stack, Text, Title } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useParams, useSearchParams } from "react-router";
import { Heatmap } from "../components/dashboard/Heatmap";
import { PerceivedChangeSection } from "../components/dashboard/PerceivedChangeSection";
import {
  DashboardHeader,
  ProgressAndAttention,
  TeamProfile,
  TeamTrend,
} from "../components/dashboard/TeamSections";
import { ErrorState } from "../components/ErrorState";
import { PageLoader } from "../components/PageLoader";
import { dimensionName } from "../lib/report";
import { useTRPC } from "../lib/trpc";

export default function TeamDashboardPage() {
  const { t } = useTranslation();
  const { teamId = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const cycle = params.get("cycle") ?? undefined;
  const trpc = useTRPC();
  const instrument = useQuery({ ...trpc.instrument.get.queryOptions(), staleTime: Number.POSITIVE_INFINITY });
  const dashboard = useQuery({
    ...trpc.dashboards.team.queryOptions({ teamId, cycle }),
    placeholderData: keepPreviousData,
  });
  if (dashboard.isError) return <ErrorState error={dashboard.error} />;
  if (instrument.isError) return <ErrorState error={instrument.error} />;
  if (!dashboard.data || !instrument.data) return <PageLoader />;
  const d = dashboard.data;
  const names = Object.fromEntries(
    instrument.data.dimensions.map((x) => [x.key, dimensionName(x.key)]),
  ) as Record<DimensionKey, string>;
  const keys = instrument.data.dimensions.map((x) => x.key) as DimensionKey[];

  return (
    <Stack maw={1200} gap="lg">
      <DashboardHeader
        dashboard={d}
        keys={keys}
        cycle={cycle}
        onCycle={(value) => setParams(value ? { cycle: value } : {})}
      />
      <ProgressAndAttention dashboard={d} />
      <section>
        <Title order={3} mb="xs">
          {t("dashboard:heatmap.title")}
        </Title>
        <Text size="xs" c="dimmed" mb="xs">
          {t(cycle ? "dashboard:heatmap.introCycle" : "dashboard:heatmap.intro")}
        </Text>
        <Heatmap dashboard={d} names={names} />
      </section>

      <TeamProfile dashboard={d} keys={keys} names={names} />

      <TeamTrend dashboard={d} keys={keys} names={names} />

      <PerceivedChangeSection teamId={teamId} />
    </Stack>
  );
}
