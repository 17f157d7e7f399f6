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
import { useTranslation } from "react-i18next";
import { DangerZone } from "./DangerZone";
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
  const { t } = useTranslation();
  return (
    <Group>
      <TextInput
        placeholder={t("admin:people.searchPlaceholder")}
        aria-label={t("admin:people.searchLabel")}
        value={search}
        onChange={(e) => onSearch(e.currentTarget.value)}
        w={320}
      />
      <SegmentedControl
        aria-label={t("admin:people.statusLabel")}
        value={status}
        onChange={(value) => onStatus(value as StatusFilter)}
        data={[
          { value: "active", label: t("admin:people.active") },
          { value: "inactive", label: t("admin:people.deactivated") },
          { value: "all", label: t("admin:people.all") },
        ]}
      />
    </Group>
  );
}

export function PeopleTable(props: { people: DirectoryPagePerson[]; onEdit: (personId: string) => void }) {
  const { people, onEdit } = props;
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover aria-label={t("admin:people.tableLabel")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("admin:people.col.name")}</Table.Th>
            <Table.Th>{t("admin:people.col.email")}</Table.Th>
            <Table.Th>{t("admin:people.col.manager")}</Table.Th>
            <Table.Th>{t("admin:people.col.teams")}</Table.Th>
            <Table.Th>{t("admin:people.col.roles")}</Table.Th>
            <Table.Th>{t("admin:people.col.status")}</Table.Th>
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
                        {t(`admin:roles.${r}`)}
                      </Badge>
                    ))}
                </Group>
              </Table.Td>
              <Table.Td>
                {p.active ? (
                  <Text size="sm">
                    {p.hasSignIn ? t("admin:people.active") : t("admin:people.activeNoSignIn")}
                  </Text>
                ) : (
                  <Badge color="gray" variant="light">
                    {t("admin:people.deactivated")}
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
  const { t } = useTranslation();
  return (
    <Drawer
      opened={editing !== undefined}
      onClose={onClose}
      position="right"
      size="md"
      title={person ? t("admin:people.editTitle", { name: person.name }) : t("admin:people.addTitle")}
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
