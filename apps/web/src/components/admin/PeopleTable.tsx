// The People page's parts: the search and status filter, the table of people, and the drawer
// that adds or edits one person (with the danger zone for an existing one).
import {
  Anchor,
  Badge,
  Divider,
  Drawer,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { DangerZone } from "./DangerZone";
import { ROLE_LABELS } from "./labels";
import { PersonEditor } from "./PersonEditor";
import type { DirectoryPagePerson, Team } from "./types";

export type StatusFilter = "active" | "inactive" | "all";

export function PeopleFilters(props: {
  search: string;
  onSearch: (search: string) => void;
  status: StatusFilter;
  onStatus: (status: StatusFilter) => void;
}) {
  const { search, status, onSearch, onStatus } = props;
  return (
    <Group>
      <TextInput
        placeholder="Search name, e-mail or team"
        aria-label="Search people"
        value={search}
        onChange={(e) => onSearch(e.currentTarget.value)}
        w={320}
      />
      <SegmentedControl
        aria-label="Status"
        value={status}
        onChange={(value) => onStatus(value as StatusFilter)}
        data={[
          { value: "active", label: "Active" },
          { value: "inactive", label: "Deactivated" },
          { value: "all", label: "All" },
        ]}
      />
    </Group>
  );
}

export function PeopleTable(props: { people: DirectoryPagePerson[]; onEdit: (personId: string) => void }) {
  const { people, onEdit } = props;
  return (
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
          {people.map((p) => (
            <Table.Tr key={p.id} data-testid="person-row">
              <Table.Td>
                <Anchor component="button" type="button" onClick={() => onEdit(p.id)} fw={600}>
                  {p.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{p.email}</Table.Td>
              <Table.Td>{p.managerId ? (p.managerName ?? "") : "—"}</Table.Td>
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
  );
}

export function PersonDrawer(props: {
  /** undefined: closed; null: a new person; an id: that person. */
  editing: string | null | undefined;
  person: DirectoryPagePerson | null;
  teams: Team[];
  meId: string;
  onClose: () => void;
}) {
  const { editing, person, teams, meId, onClose } = props;
  return (
    <Drawer
      opened={editing !== undefined}
      onClose={onClose}
      position="right"
      size="md"
      title={person ? `Edit ${person.name}` : "Add a person"}
    >
      {editing !== undefined ? (
        <Stack>
          <PersonEditor
            key={editing ?? "new"}
            person={person}
            teams={teams}
            isMe={person?.id === meId}
            onDone={onClose}
          />
          {person ? (
            <>
              <Divider />
              <DangerZone person={person} isMe={person.id === meId} onErased={onClose} />
            </>
          ) : null}
        </Stack>
      ) : null}
    </Drawer>
  );
}
