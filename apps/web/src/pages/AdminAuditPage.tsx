// The audit log (admins): who did what to which record, and when; newest first, filtered by action
// and person, in pages. It never holds answers, comments or links.
import { Button, Card, Group, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AuditTable } from "../components/admin/AuditTable";
import { AUDIT_ACTIONS } from "../components/admin/labels";
import { ErrorState } from "../components/ErrorState";
import { PageLoader } from "../components/PageLoader";
import { useTRPC } from "../lib/trpc";

const PAGE = 50;

export default function AdminAuditPage() {
  const trpc = useTRPC();
  const { t } = useTranslation();
  const [action, setAction] = useState<string | null>(null);
  const [actorId, setActorId] = useState<string | null>(null);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const people = useQuery(trpc.people.directory.queryOptions());
  const filters = {
    limit: PAGE,
    ...(action ? { action } : {}),
    ...(actorId ? { actorId } : {}),
    ...(from ? { from: new Date(`${from}T00:00:00`).toISOString() } : {}),
    ...(to ? { to: new Date(`${to}T23:59:59.999`).toISOString() } : {}),
  };
  const log = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(filters, {
      getNextPageParam: (page) => page.nextCursor ?? undefined,
    }),
  );

  const items = log.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack maw={1200}>
      <Title order={2}>{t("admin:audit.title")}</Title>
      <Group align="flex-end">
        <Select
          label={t("admin:audit.action")}
          placeholder={t("admin:audit.anyAction")}
          data={AUDIT_ACTIONS.map((value) => ({ value, label: t(`admin:audit.actions.${value}`) }))}
          value={action}
          onChange={setAction}
          clearable
          searchable
          w={240}
        />
        <Select
          label={t("admin:audit.who")}
          placeholder={t("admin:audit.anyone")}
          data={(people.data ?? []).map((p) => ({ value: p.id, label: `${p.name} · ${p.email}` }))}
          value={actorId}
          onChange={setActorId}
          clearable
          searchable
          limit={50}
          w={280}
        />
        <TextInput
          label={t("admin:audit.from")}
          type="date"
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput
          label={t("admin:audit.to")}
          type="date"
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
        />
      </Group>
      {log.isPending ? <PageLoader /> : null}
      {log.isError ? <ErrorState error={log.error} onRetry={() => log.refetch()} /> : null}
      {log.isSuccess && items.length === 0 ? (
        <Card withBorder>
          <Text>{t("admin:audit.nothing")}</Text>
        </Card>
      ) : null}
      {items.length > 0 ? <AuditTable items={items} /> : null}
      {log.hasNextPage ? (
        <Group>
          <Button variant="default" onClick={() => log.fetchNextPage()} loading={log.isFetchingNextPage}>
            {t("admin:audit.older")}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
