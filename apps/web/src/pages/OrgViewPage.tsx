// The organisation view for HR (analysts, and admins where admins read reports): a k-safe heatmap of
// the five dimensions by team, level, department or location, the distribution per dimension,
// participation, the deltas against another cycle, and the table as CSV.
import type { DimensionKey } from "@fivefold/domain";
import { Alert, Button, Card, Group, ScrollArea, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ErrorState } from "../components/ErrorState";
import { OrgDistribution } from "../components/org/OrgDistribution";
import { OrgHeatmap } from "../components/org/OrgHeatmap";
import { PageLoader } from "../components/PageLoader";
import { currentLocale } from "../i18n";
import { downloadCsv } from "../lib/csv";
import { GROUPINGS, type Grouping, groupingLabel, type OrgView } from "../lib/cycles";
import { useMe } from "../lib/me";
import { dimensionName } from "../lib/report";
import { useTRPC } from "../lib/trpc";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function tableCsv(view: OrgView, keys: DimensionKey[]) {
  const header = [
    "group",
    "people",
    ...keys,
    ...(view.cells.some((c) => c.delta) ? keys.map((k) => `${k}_delta`) : []),
  ];
  const rows = [view.total, ...view.cells].map((cell) => [
    // i18n-ignore: the CSV is a data file; its column names and the total's row stay English
    cell.key === view.total.key ? "Whole organisation" : cell.label,
    cell.people,
    ...keys.map((k) => cell.dimensions?.[k]?.mean ?? "hidden"),
    ...(header.length > keys.length + 2 ? keys.map((k) => cell.delta?.[k]?.mean ?? "") : []),
  ]);
  downloadCsv(`organisation-by-${view.by}.csv`, header, rows);
}

/** Admins and analysts choose from the cycles list; anyone else who may read the view (none today) types an id. */
function CyclePicker(props: {
  label: string;
  value: string;
  onChange: (id: string) => void;
  clearable?: boolean;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const me = useMe();
  const canList = me.roles.includes("admin") || me.roles.includes("analyst");
  const cycles = useQuery({ ...trpc.cycles.list.queryOptions(), enabled: canList });
  if (canList) {
    return (
      <Select
        label={props.label}
        data={(cycles.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
        value={props.value || null}
        onChange={(v) => props.onChange(v ?? "")}
        clearable={props.clearable}
        w={240}
      />
    );
  }
  return (
    <TextInput
      label={props.label}
      description={t("dashboard:org.cycleId")}
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value.trim())}
      w={340}
    />
  );
}

export default function OrgViewPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const cycleId = params.get("cycle") ?? "";
  const compareTo = params.get("compare") ?? "";
  const by = (params.get("by") ?? "team") as Grouping;
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const instrument = useQuery({ ...trpc.instrument.get.queryOptions(), staleTime: Number.POSITIVE_INFINITY });
  const valid = UUID.test(cycleId) && (!compareTo || UUID.test(compareTo));
  const view = useQuery({
    ...trpc.analytics.org.queryOptions({ cycleId, by, ...(compareTo ? { compareTo } : {}) }),
    enabled: valid,
  });
  const keys = (instrument.data?.dimensions.map((d) => d.key) ?? []) as DimensionKey[];
  const names = Object.fromEntries(
    instrument.data?.dimensions.map((d) => [d.key, dimensionName(d.key)]) ?? [],
  ) as Record<DimensionKey, string>;
  return (
    <Stack maw={1200}>
      <Title order={2}>{t("dashboard:org.title")}</Title>
      <Group align="flex-end">
        <CyclePicker label={t("dashboard:org.cycle")} value={cycleId} onChange={(v) => set("cycle", v)} />
        <Select
          label={t("dashboard:org.groupBy")}
          data={GROUPINGS.map((value) => ({ value, label: groupingLabel(value) }))}
          value={by}
          onChange={(v) => set("by", v ?? "team")}
          allowDeselect={false}
          w={180}
        />
        <CyclePicker
          label={t("dashboard:org.compare")}
          value={compareTo}
          onChange={(v) => set("compare", v)}
          clearable
        />
      </Group>
      {!valid ? <Text c="dimmed">{t("dashboard:org.choose")}</Text> : null}
      {view.isError ? <ErrorState error={view.error} onRetry={() => view.refetch()} /> : null}
      {valid && !view.isError && (!view.data || !instrument.data) ? <PageLoader /> : null}
      {view.data && instrument.data ? <OrgResults view={view.data} keys={keys} names={names} /> : null}
    </Stack>
  );
}

function OrgResults({
  view,
  keys,
  names,
}: {
  view: OrgView;
  keys: DimensionKey[];
  names: Record<DimensionKey, string>;
}) {
  const { t } = useTranslation();
  const { participation, threshold } = view;
  return (
    <>
      <Group data-testid="participation">
        <Text size="sm">
          {t("dashboard:org.participation", {
            answered: participation.answered,
            invited: participation.invited,
          })}
          {participation.rate === null
            ? ""
            : ` (${(Math.round(participation.rate * 100) / 100).toLocaleString(currentLocale(), { style: "percent" })})`}
        </Text>
        <Button variant="default" size="xs" onClick={() => tableCsv(view, keys)}>
          {t("dashboard:org.csv")}
        </Button>
      </Group>
      <Alert color="gray" title={t("dashboard:org.whyHidden")}>
        {t("dashboard:org.whyHiddenText", { count: threshold })}
      </Alert>
      <Card withBorder>
        <ScrollArea>
          <OrgHeatmap
            cells={[{ ...view.total, label: t("dashboard:org.whole") }, ...view.cells]}
            keys={keys}
            names={names}
            threshold={threshold}
          />
        </ScrollArea>
      </Card>
      <Card withBorder>
        <Title order={3} size="h4" mb="xs">
          {t("dashboard:org.distribution")}
        </Title>
        <OrgDistribution distribution={view.distribution} keys={keys} names={names} threshold={threshold} />
      </Card>
    </>
  );
}
