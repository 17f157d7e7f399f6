// The audit log (admins): who did what to which record, and when; newest first, filtered by action
// and person, in pages. It never holds answers, comments or links.
import {
  Badge,
  Button,
  Card,
  Code,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { AUDIT_LABELS } from "../components/admin/labels";
import type { AuditItem } from "../components/admin/types";
import { ErrorState } from "../components/ErrorState";
import { PageLoader } from "../components/PageLoader";
import { useTRPC } from "../lib/trpc";

const PAGE = 50;

function describeDetails(item: AuditItem): string {
  const entries = Object.entries(item.details);
  if (entries.length === 0) return "";
  return entries
    .map(([key, value]) => `${key}: ${typeof value === "object" ? JSON.stringify(value) : String(value)}`)
    .join(" · ");
}

export default function AdminAuditPage() {
  const trpc = useTRPC();
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
      <Title order={2}>Audit log</Title>
      <Group align="flex-end">
        <Select
          label="Action"
          placeholder="Any action"
          data={Object.entries(AUDIT_LABELS).map(([value, label]) => ({ value, label }))}
          value={action}
          onChange={setAction}
          clearable
          searchable
          w={240}
        />
        <Select
          label="Who"
          placeholder="Anyone"
          data={(people.data ?? []).map((p) => ({ value: p.id, label: `${p.name} · ${p.email}` }))}
          value={actorId}
          onChange={setActorId}
          clearable
          searchable
          limit={50}
          w={280}
        />
        <TextInput label="From" type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput label="To" type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
      </Group>
      {log.isPending ? <PageLoader /> : null}
      {log.isError ? <ErrorState error={log.error} onRetry={() => log.refetch()} /> : null}
      {log.isSuccess && items.length === 0 ? (
        <Card withBorder>
          <Text>Nothing recorded for these filters.</Text>
        </Card>
      ) : null}
      {items.length > 0 ? (
        <Table.ScrollContainer minWidth={760}>
          <Table striped aria-label="Audit log">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Who</Table.Th>
                <Table.Th>What</Table.Th>
                <Table.Th>Record</Table.Th>
                <Table.Th>Details</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.id} data-testid="audit-row">
                  <Table.Td>
                    <Text size="sm">{new Date(item.createdAt).toLocaleString("en-GB")}</Text>
                  </Table.Td>
                  <Table.Td>
                    {item.actor ? item.actor.name : <Badge variant="light">Fivefold</Badge>}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {AUDIT_LABELS[item.action] ?? item.action}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {item.action}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{item.targetType.replace("_", " ")}</Text>
                    {item.targetId ? <Code>{item.targetId.slice(0, 8)}</Code> : null}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ wordBreak: "break-word" }}>
                      {describeDetails(item)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {log.hasNextPage ? (
        <Group>
          <Button variant="default" onClick={() => log.fetchNextPage()} loading={log.isFetchingNextPage}>
            Load older entries
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
