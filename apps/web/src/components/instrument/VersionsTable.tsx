// The organisation's instrument versions, oldest first: when each was published and what it asks.

import { Badge, Table } from "@mantine/core";
import { formatDay } from "../../lib/format";

interface Version {
  version: number;
  publishedAt: string | null;
  items: { retired: boolean }[];
}

export function VersionsTable({ versions }: { versions: Version[] }) {
  const current = versions.at(-1)?.version;
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table>
        <Table.Caption>
          Each new request asks the current version; open requests keep the one they opened with.
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Version</Table.Th>
            <Table.Th scope="col">Published</Table.Th>
            <Table.Th scope="col">Behaviours asked</Table.Th>
            <Table.Th scope="col">Retired</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.map((v) => (
            <Table.Tr key={v.version}>
              <Table.Td>
                {v.version} {v.version === current ? <Badge ml="xs">Current</Badge> : null}
              </Table.Td>
              <Table.Td>{v.publishedAt ? formatDay(v.publishedAt) : "Built in"}</Table.Td>
              <Table.Td>{v.items.filter((i) => !i.retired).length}</Table.Td>
              <Table.Td>{v.items.filter((i) => i.retired).length}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
