// The organisation's own instrument (admins, issue 19): edit the working draft (reword, translate,
// retire or add behaviours within the five dimensions), preview what raters would read, publish it
// as the next version, and see the versions so far. Open requests keep the version they opened with.
import { Alert, Button, Card, Grid, Group, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorState } from "../components/ErrorState";
import { InstrumentEditor } from "../components/instrument/InstrumentEditor";
import { InstrumentPreview } from "../components/instrument/InstrumentPreview";
import type { EditedItem } from "../components/instrument/types";
import { VersionsTable } from "../components/instrument/VersionsTable";
import { PageLoader } from "../components/PageLoader";
import { errorMessage } from "../lib/labels";
import { useTRPC } from "../lib/trpc";

export default function AdminInstrumentPage() {
  const trpc = useTRPC();
  const versions = useQuery(trpc.instrument.list.queryOptions());
  const draft = useQuery(trpc.instrument.getDraft.queryOptions());
  if (versions.isPending || draft.isPending) return <PageLoader />;
  if (versions.isError) return <ErrorState error={versions.error} onRetry={() => versions.refetch()} />;
  if (draft.isError) return <ErrorState error={draft.error} onRetry={() => draft.refetch()} />;
  const latest = versions.data.at(-1);
  const start = draft.data?.items ?? latest?.items ?? [];
  const published = new Set(versions.data.flatMap((v) => v.items.map((i) => i.key)));
  return <InstrumentLayout versions={versions.data} draft={draft.data} start={start} published={published} />;
}

type Versions = Parameters<typeof VersionsTable>[0]["versions"];
interface LayoutProps {
  versions: Versions;
  draft: { version: number; updatedAt: string; changes: boolean } | null;
  start: EditedItem[];
  published: ReadonlySet<string>;
}

function InstrumentLayout({ versions, draft, start, published }: LayoutProps) {
  const { t } = useTranslation();
  // Kept here: the editor below starts afresh after each save or publish.
  const [notice, setNotice] = useState<string | null>(null);
  const latest = versions.at(-1);
  return (
    <Stack maw={1200}>
      <Title order={2}>{t("instrument:page.title")}</Title>
      <Text size="sm" c="dimmed">
        {t("instrument:page.intro")}
      </Text>
      <Card withBorder>
        <Title order={3} size="h4" mb="xs">
          {t("instrument:page.versions")}
        </Title>
        <VersionsTable versions={versions} />
      </Card>
      <DraftEditor
        key={draft?.updatedAt ?? `v${latest?.version ?? 1}`}
        start={start}
        published={published}
        draftVersion={draft?.version ?? null}
        draftChanges={draft?.changes ?? false}
        nextVersion={(latest?.version ?? 1) + 1}
        notice={notice}
        onNotice={setNotice}
      />
    </Stack>
  );
}

interface DraftProps {
  start: EditedItem[];
  published: ReadonlySet<string>;
  draftVersion: number | null;
  draftChanges: boolean;
  nextVersion: number;
  notice: string | null;
  onNotice: (notice: string | null) => void;
}

/** Saving and publishing the draft; both refresh the versions, the draft and the questionnaire. */
function useDraftMutations(setNotice: (notice: string) => void) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.instrument.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.instrument.getDraft.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.instrument.get.queryKey() }),
    ]);
  const save = useMutation(
    trpc.instrument.draft.mutationOptions({
      onSuccess: async (saved) => {
        setNotice(t("instrument:page.saved", { version: saved.version }));
        await refresh();
      },
    }),
  );
  const publish = useMutation(
    trpc.instrument.publish.mutationOptions({
      onSuccess: async (done) => {
        setNotice(t("instrument:page.published", { version: done.version }));
        await refresh();
      },
    }),
  );
  return { save, publish };
}

function DraftEditor(props: DraftProps) {
  const { t } = useTranslation();
  const { start, published, draftVersion, draftChanges, nextVersion, notice, onNotice: setNotice } = props;
  const [items, setItems] = useState<EditedItem[]>(start);
  const [edited, setEdited] = useState(false);
  const { save, publish } = useDraftMutations(setNotice);
  const change = (next: EditedItem[]) => {
    setItems(next);
    setEdited(true);
    setNotice(null);
  };
  const error = save.error ?? publish.error;
  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Card withBorder>
          <Stack>
            <Title order={3} size="h4">
              {draftVersion
                ? t("instrument:page.draftOf", { version: draftVersion })
                : t("instrument:page.editFor", { version: nextVersion })}
            </Title>
            <InstrumentEditor items={items} published={published} onChange={change} />
          </Stack>
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Card withBorder>
          <Stack>
            <Title order={3} size="h4">
              {t("instrument:page.preview")}
            </Title>
            {error ? (
              <Alert color="red" role="alert">
                {errorMessage(error)}
              </Alert>
            ) : null}
            {notice ? <Alert color="green">{notice}</Alert> : null}
            <Group>
              <Button loading={save.isPending} onClick={() => save.mutate({ items })}>
                {t("instrument:page.save")}
              </Button>
              <Button
                variant="outline"
                disabled={edited || !draftVersion || !draftChanges}
                loading={publish.isPending}
                onClick={() => publish.mutate()}
              >
                {t("instrument:page.publish", { version: draftVersion ?? nextVersion })}
              </Button>
            </Group>
            {edited ? (
              <Text size="sm" c="dimmed">
                {t("instrument:page.saveFirst")}
              </Text>
            ) : null}
            <InstrumentPreview items={items} />
          </Stack>
        </Card>
      </Grid.Col>
    </Grid>
  );
}
