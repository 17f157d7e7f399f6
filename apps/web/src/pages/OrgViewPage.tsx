// The organisation view for HR (analysts, and admins where admins read reports): a k-safe heatmap of
// the five dimensions by team, level, department or location, the distribution per dimension,
// participation, the deltas against another cycle, and the table as CSV.
import type { DimensionKey } from "@fivefold/domain";
import { Alert, Button, Card, Group, ScrollArea, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import { ErrorState } from "../components/ErrorState";
import { OrgDistribution } from "../components/org/OrgDistribution";
import { OrgHeatmap } from "../components/org/OrgHeatmap";
import { PageLoader } from "../components/PageLoader";
import { downloadCsv } from "../lib/csv";
import { GROUPING_LABELS, type OrgView } from "../lib/cycles";
import { useMe } from "../lib/me";
import { useTRPC } from "../lib/trpc";

type Grouping = keyof typeof GROUPING_LABELS;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function tableCsv(view: OrgView, keys: DimensionKey[]) {
  const header = [
    "group",
    "people",
    ...keys,
    ...(view.cells.some((c) => c.delta) ? keys.map((k) => `${k}_delta`) : []),
  ];
  const rows = [view.total, ...view.cells].map((cell) => [
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
      description="The cycle's id, from the link HR shares"
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value.trim())}
      w={340}
    />
  );
}

export default function OrgViewPage() {
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
  const names = Object.fromEntries(instrument.data?.dimensions.map((d) => [d.key, d.name]) ?? []) as Record<
    DimensionKey,
    string
  >;
  return (
    <Stack maw={1200}>
      <Title order={2}>Organisation view</Title>
      <Group align="flex-end">
        <CyclePicker label="Cycle" value={cycleId} onChange={(v) => set("cycle", v)} />
        <Select
          label="Group by"
          data={Object.entries(GROUPING_LABELS).map(([value, label]) => ({ value, label }))}
          value={by}
          onChange={(v) => set("by", v ?? "team")}
          allowDeselect={false}
          w={180}
        />
        <CyclePicker label="Compare with" value={compareTo} onChange={(v) => set("compare", v)} clearable />
      </Group>
      {!valid ? <Text c="dimmed">Choose a cycle to see its released reports.</Text> : null}
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
  const { participation, threshold } = view;
  return (
    <>
      <Group data-testid="participation">
        <Text size="sm">
          Participation: {participation.answered} of {participation.invited} invitations answered
          {participation.rate === null ? "" : ` (${Math.round(participation.rate * 100)}%)`}
        </Text>
        <Button variant="default" size="xs" onClick={() => tableCsv(view, keys)}>
          Download CSV
        </Button>
      </Group>
      <Alert color="gray" title="Why some cells are hidden">
        Every figure stands on at least {threshold} people's released reports. A cell with fewer, or one that
        would let a smaller group be worked out by subtracting two shown cells, reads "fewer than {threshold}{" "}
        people". Reports you know one by one (your own reports, coachees) are left out.
      </Alert>
      <Card withBorder>
        <ScrollArea>
          <OrgHeatmap
            cells={[{ ...view.total, label: "Whole organisation" }, ...view.cells]}
            keys={keys}
            names={names}
            threshold={threshold}
          />
        </ScrollArea>
      </Card>
      <Card withBorder>
        <Title order={3} size="h4" mb="xs">
          Distribution per dimension
        </Title>
        <OrgDistribution distribution={view.distribution} keys={keys} names={names} threshold={threshold} />
      </Card>
    </>
  );
}
