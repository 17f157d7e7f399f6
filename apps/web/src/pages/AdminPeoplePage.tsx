// People (admins): everyone in the organisation with manager, roles, teams and status; search,
// add, edit, deactivate, set roles, export or erase one person, and import a CSV.
import { Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { Link } from "react-router";
import { PeopleFilters, PeopleTable, PersonDrawer, type StatusFilter } from "../components/admin/PeopleTable";
import type { DirectoryPerson } from "../components/admin/types";
import { ErrorState } from "../components/ErrorState";
import { PageLoader } from "../components/PageLoader";
import { useMe } from "../lib/me";
import { useTRPC } from "../lib/trpc";

const SHOWN = 200;

export default function AdminPeoplePage() {
  const trpc = useTRPC();
  const me = useMe();
  const people = useQuery(trpc.people.directory.queryOptions());
  const teams = useQuery(trpc.teams.list.queryOptions());
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState<StatusFilter>("active");
  // undefined: closed; null: a new person; an id: that person.
  const [editing, setEditing] = useState<string | null | undefined>(undefined);

  const names = useMemo(() => new Map((people.data ?? []).map((p) => [p.id, p.name])), [people.data]);
  const matching = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return (people.data ?? []).filter(
      (p) =>
        (status === "all" || p.active === (status === "active")) &&
        (needle === "" ||
          p.name.toLowerCase().includes(needle) ||
          p.email.includes(needle) ||
          p.teams.some((t) => t.name.toLowerCase().includes(needle))),
    );
  }, [people.data, search, status]);

  if (people.isPending || teams.isPending) return <PageLoader />;
  if (people.isError) return <ErrorState error={people.error} onRetry={() => people.refetch()} />;
  if (teams.isError) return <ErrorState error={teams.error} onRetry={() => teams.refetch()} />;

  const editingPerson: DirectoryPerson | null =
    typeof editing === "string" ? (people.data.find((p) => p.id === editing) ?? null) : null;
  const close = () => setEditing(undefined);
  const activeCount = people.data.filter((p) => p.active).length;

  return (
    <Stack maw={1200}>
      <Group justify="space-between">
        <div>
          <Title order={2}>People</Title>
          <Text size="sm" c="dimmed">
            {activeCount} active, {people.data.length - activeCount} deactivated
          </Text>
        </div>
        <Group>
          <Button variant="default" onClick={() => setEditing(null)}>
            Add a person
          </Button>
          <Button component={Link} to="/admin/import">
            Import CSV
          </Button>
        </Group>
      </Group>
      <PeopleFilters search={search} onSearch={setSearch} status={status} onStatus={setStatus} />
      {matching.length === 0 ? (
        <Card withBorder>
          <Text>
            {people.data.length <= 1
              ? "Nobody here yet: import a CSV of your people or add them one by one."
              : "Nobody matches this search."}
          </Text>
        </Card>
      ) : (
        <PeopleTable people={matching.slice(0, SHOWN)} names={names} onEdit={setEditing} />
      )}
      {matching.length > SHOWN ? (
        <Text size="sm" c="dimmed">
          Showing {SHOWN} of {matching.length}: search to narrow the list.
        </Text>
      ) : null}
      <PersonDrawer
        editing={editing}
        person={editingPerson}
        people={people.data}
        teams={teams.data}
        meId={me.person.id}
        onClose={close}
      />
    </Stack>
  );
}
