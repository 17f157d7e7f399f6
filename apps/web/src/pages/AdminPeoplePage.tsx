// People (admins): everyone in the organisation with manager, roles, teams and status; search,
// add, edit, deactivate, set roles, export or erase one person, and import a CSV.
import {
  Anchor,
  Badge,
  Button,
  Card,
  Divider,
  Drawer,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { Link } from "react-router";
import { DangerZone } from "../components/admin/DangerZone";
import { ROLE_LABELS } from "../components/admin/labels";
import { PersonEditor } from "../components/admin/PersonEditor";
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
  const [status, setStatus] = useState<"active" | "inactive" | "all">("active");
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
      <Group>
        <TextInput
          placeholder="Search name, e-mail or team"
          aria-label="Search people"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={320}
        />
        <SegmentedControl
          aria-label="Status"
          value={status}
          onChange={(value) => setStatus(value as typeof status)}
          data={[
            { value: "active", label: "Active" },
            { value: "inactive", label: "Deactivated" },
            { value: "all", label: "All" },
          ]}
        />
      </Group>
      {matching.length === 0 ? (
        <Card withBorder>
          <Text>
            {people.data.length <= 1
              ? "Nobody here yet: import a CSV of your people or add them one by one."
              : "Nobody matches this search."}
          </Text>
        </Card>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover aria-label="People">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>E-mail</Table.Th>
                <Table.Th>Manager</Table.Th>
                <Table.Th>Teams</Table.Th>
                <Table.Th>Roles</Table.Th>
                <Table.Th>Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {matching.slice(0, SHOWN).map((p) => (
                <Table.Tr key={p.id} data-testid="person-row">
                  <Table.Td>
                    <Anchor component="button" type="button" onClick={() => setEditing(p.id)} fw={600}>
                      {p.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{p.email}</Table.Td>
                  <Table.Td>{p.managerId ? (names.get(p.managerId) ?? "") : "—"}</Table.Td>
                  <Table.Td>{p.teams.map((t) => t.name).join(", ")}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {p.roles
                        .filter((r) => r !== "member")
                        .map((r) => (
                          <Badge key={r} size="sm" variant="light">
                            {ROLE_LABELS[r] ?? r}
                          </Badge>
                        ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {p.active ? (
                      <Text size="sm">{p.hasSignIn ? "Active" : "Active · no sign-in"}</Text>
                    ) : (
                      <Badge color="gray" variant="light">
                        Deactivated
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {matching.length > SHOWN ? (
        <Text size="sm" c="dimmed">
          Showing {SHOWN} of {matching.length}: search to narrow the list.
        </Text>
      ) : null}
      <Drawer
        opened={editing !== undefined}
        onClose={close}
        position="right"
        size="md"
        title={editingPerson ? `Edit ${editingPerson.name}` : "Add a person"}
      >
        {editing !== undefined ? (
          <Stack>
            <PersonEditor
              key={editing ?? "new"}
              person={editingPerson}
              people={people.data}
              teams={teams.data}
              isMe={editingPerson?.id === me.person.id}
              onDone={close}
            />
            {editingPerson ? (
              <>
                <Divider />
                <DangerZone
                  person={editingPerson}
                  isMe={editingPerson.id === me.person.id}
                  onErased={close}
                />
              </>
            ) : null}
          </Stack>
        ) : null}
      </Drawer>
    </Stack>
  );
}
