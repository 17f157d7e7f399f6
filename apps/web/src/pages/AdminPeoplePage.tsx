// People (admins): everyone in the organisation with manager, roles, teams and status, a page at a
// time from the server (people.directoryPage: searched there, never the whole directory); add, edit,
// deactivate, set roles, export or erase one person, and import a CSV.
import { Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PeopleFilters, PeopleTable, PersonDrawer, type StatusFilter } from "../components/admin/PeopleTable";
import { ErrorState } from "../components/ErrorState";
import { PageLoader } from "../components/PageLoader";
import { useMe } from "../lib/me";
import { useTRPC } from "../lib/trpc";

const PAGE = 25;

function useDirectoryPages(search: string, status: StatusFilter) {
  const trpc = useTRPC();
  const [query] = useDebouncedValue(search.trim(), 200);
  return useInfiniteQuery({
    ...trpc.people.directoryPage.infiniteQueryOptions(
      { ...(query ? { query } : {}), status, limit: PAGE },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
    placeholderData: keepPreviousData,
  });
}

export default function AdminPeoplePage() {
  const trpc = useTRPC();
  const { t } = useTranslation();
  const me = useMe();
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState<StatusFilter>("active");
  const pages = useDirectoryPages(search, status);
  const teams = useQuery(trpc.teams.list.queryOptions());
  // undefined: closed; null: a new person; an id: that person.
  const [editing, setEditing] = useState<string | null | undefined>(undefined);

  if (pages.isPending || teams.isPending) return <PageLoader />;
  if (pages.isError) return <ErrorState error={pages.error} onRetry={() => pages.refetch()} />;
  if (teams.isError) return <ErrorState error={teams.error} onRetry={() => teams.refetch()} />;

  const people = pages.data.pages.flatMap((p) => p.people);
  const counts = pages.data.pages[0]?.counts ?? { active: 0, inactive: 0 };
  const editingPerson = typeof editing === "string" ? (people.find((p) => p.id === editing) ?? null) : null;
  const close = () => setEditing(undefined);

  return (
    <Stack maw={1200}>
      <Group justify="space-between">
        <div>
          <Title order={2}>{t("admin:people.title")}</Title>
          <Text size="sm" c="dimmed">
            {t("admin:people.counts", { active: counts.active, inactive: counts.inactive })}
          </Text>
        </div>
        <Group>
          <Button variant="default" onClick={() => setEditing(null)}>
            {t("admin:people.add")}
          </Button>
          <Button component={Link} to="/admin/import">
            {t("admin:people.importCsv")}
          </Button>
        </Group>
      </Group>
      <PeopleFilters search={search} onSearch={setSearch} status={status} onStatus={setStatus} />
      {people.length === 0 ? (
        <Card withBorder>
          <Text>
            {counts.active + counts.inactive <= 1 ? t("admin:people.empty") : t("admin:people.noMatch")}
          </Text>
        </Card>
      ) : (
        <PeopleTable people={people} onEdit={setEditing} />
      )}
      {pages.hasNextPage ? (
        <Group>
          <Button variant="default" onClick={() => pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
            {t("admin:people.showMore")}
          </Button>
          <Text size="sm" c="dimmed">
            {t("admin:people.showing", { shown: people.length })}
          </Text>
        </Group>
      ) : null}
      <PersonDrawer
        editing={editing}
        person={editingPerson}
        teams={teams.data}
        meId={me.person.id}
        onClose={close}
      />
    </Stack>
  );
}
