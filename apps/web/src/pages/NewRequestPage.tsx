// Request feedback: pick the subject, raters by group, a deadline; open now or let the subject propose.

import { addDays, isoDay, mayRequestFeedback } from "@fivefold/domain";
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  MultiSelect,
  Radio,
  Select,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useMemo, useState } from "react";
import { useNavigate } from "react-router";
import { ErrorState } from "../components/ErrorState";
import { PageLoader } from "../components/PageLoader";
import { useInvalidate } from "../lib/invalidate";
import { errorMessage } from "../lib/labels";
import { useMe } from "../lib/me";
import { useTRPC } from "../lib/trpc";

const inDays = (days: number) => addDays(isoDay(new Date()), days);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export default function NewRequestPage() {
  const trpc = useTRPC();
  const me = useMe();
  const navigate = useNavigate();
  const invalidate = useInvalidate();
  const people = useQuery(trpc.people.list.queryOptions());
  const [subjectId, setSubjectId] = useState<string | null>(null);
  const [peers, setPeers] = useState<string[]>([]);
  const [reports, setReports] = useState<string[]>([]);
  const [others, setOthers] = useState<string[]>([]);
  const [externals, setExternals] = useState<string[]>([]);
  const [managerRates, setManagerRates] = useState(true);
  const [deadline, setDeadline] = useState(inDays(14));
  const [mode, setMode] = useState<"open" | "draft">("open");

  const create = useMutation(
    trpc.requests.create.mutationOptions({
      onSuccess: async ({ id, warnings }) => {
        await invalidate.requestCreated();
        // The request page shows what the manager should know: externals who do not count, and
        // raters too close to an earlier report's.
        navigate(`/requests/${id}`, { state: { warnings } });
      },
    }),
  );

  const subjects = useMemo(
    () =>
      (people.data ?? [])
        .filter((p) => mayRequestFeedback({ personId: me.person.id, roles: me.roles }, p))
        .map((p) => ({ value: p.id, label: p.id === me.person.id ? `${p.name} (you)` : p.name })),
    [people.data, me.person.id, me.roles],
  );
  const raterOptions = useMemo(
    () =>
      (people.data ?? [])
        // You will read the report, so you rate as the manager (below), never anonymously.
        .filter((p) => p.id !== subjectId && p.id !== me.person.id)
        .map((p) => ({ value: p.id, label: `${p.name} · ${p.email}` })),
    [people.data, subjectId, me.person.id],
  );

  if (people.isPending) return <PageLoader />;
  if (people.isError) return <ErrorState error={people.error} />;

  const taken = (except: string[]) =>
    new Set([...peers, ...reports, ...others].filter((id) => !except.includes(id)));
  const optionsFor = (own: string[]) => raterOptions.filter((o) => !taken(own).has(o.value));
  const badExternal = externals.find((e) => !EMAIL.test(e));
  const anonymous = peers.length + reports.length + others.length + externals.length;
  const selfRequest = subjectId === me.person.id;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!subjectId) return;
    create.mutate({
      subjectId,
      deadline,
      open: mode === "open",
      raters: [
        ...peers.map((personId) => ({ personId, group: "peer" as const })),
        ...reports.map((personId) => ({ personId, group: "direct_report" as const })),
        ...others.map((personId) => ({ personId, group: "other" as const })),
        ...externals.map((email) => ({ email, group: "other" as const })),
        ...(managerRates && !selfRequest ? [{ personId: me.person.id, group: "manager" as const }] : []),
      ],
    });
  };

  return (
    <Stack maw={760} component="form" onSubmit={submit}>
      <Title order={2}>Request feedback</Title>
      {subjects.length === 0 ? (
        <Alert color="yellow">
          You can request feedback for your direct reports, or for yourself as a manager. To get feedback on
          yourself, ask your manager: they start the request and you can propose raters.
        </Alert>
      ) : null}
      <Select
        label="Who is the feedback about?"
        placeholder="Pick a person"
        data={subjects}
        value={subjectId}
        onChange={setSubjectId}
        searchable
        required
      />
      <TextInput
        label="Deadline"
        description="Raters can answer until the end of this day; the request then closes by itself."
        type="date"
        value={deadline}
        min={inDays(1)}
        max={inDays(365)}
        onChange={(e) => setDeadline(e.currentTarget.value)}
        required
      />
      <Card withBorder>
        <Stack>
          <div>
            <Text fw={600}>Raters</Text>
            <Text size="sm" c="dimmed">
              Peers, direct reports and others are anonymous: their answers are only shown combined with at
              least {me.org.anonymityThreshold} people. Invite 3 to 20 of them.{" "}
              {selfRequest ? "" : "The subject rates themself automatically."}
            </Text>
          </div>
          <MultiSelect
            label="Peers"
            data={optionsFor(peers)}
            value={peers}
            onChange={setPeers}
            searchable
            clearable
          />
          <MultiSelect
            label="Direct reports"
            data={optionsFor(reports)}
            value={reports}
            onChange={setReports}
            searchable
            clearable
          />
          <MultiSelect
            label="Other colleagues"
            data={optionsFor(others)}
            value={others}
            onChange={setOthers}
            searchable
            clearable
          />
          <TagsInput
            label="External raters (e-mail)"
            description="People outside the organisation answer through a one-time link."
            value={externals}
            onChange={setExternals}
            error={badExternal ? `“${badExternal}” is not an e-mail address` : undefined}
            splitChars={[",", " ", ";"]}
          />
          {!selfRequest ? (
            <Checkbox
              label="I will rate as the manager (shown apart and labelled Manager)"
              checked={managerRates}
              onChange={(e) => setManagerRates(e.currentTarget.checked)}
            />
          ) : null}
          <Text
            size="sm"
            data-testid="anonymous-count"
            c={anonymous < 3 || anonymous > 20 ? "red.8" : undefined}
          >
            {anonymous} anonymous rater{anonymous === 1 ? "" : "s"} selected
          </Text>
        </Stack>
      </Card>
      <Radio.Group label="When" value={mode} onChange={(v) => setMode(v as "open" | "draft")}>
        <Stack gap="xs" mt="xs">
          <Radio value="open" label="Open now: invite the raters today" />
          <Radio
            value="draft"
            label="Save as a draft first, so the person can propose raters for you to approve"
          />
        </Stack>
      </Radio.Group>
      {create.isError ? (
        <Alert color="red" role="alert" title="The request was not created">
          {errorMessage(create.error)}
        </Alert>
      ) : null}
      <Group>
        <Button type="submit" loading={create.isPending} disabled={!subjectId || Boolean(badExternal)}>
          {mode === "open" ? "Open the request" : "Save the draft"}
        </Button>
      </Group>
    </Stack>
  );
}
