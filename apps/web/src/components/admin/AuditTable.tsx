// The audit log's rows: when, who (a person or Fivefold itself), what, on which record, details.
import { Badge, Code, Table, Text } from "@mantine/core";
import { AUDIT_LABELS } from "./labels";
import type { AuditItem } from "./types";

function describeDetails(item: AuditItem): string {
  const entries = Object.entries(item.details);
  if (entries.length === 0) return "";
  return entries
    .map(([key, value]) => `${key}: ${typeof value === "object" ? JSON.stringify(value) : String(value)}`)
    .join(" · ");
}

export function AuditTable({ items }: { items: AuditItem[] }) {
  return (
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
              <Table.Td>{item.actor ? item.actor.name : <Badge variant="light">Fivefold</Badge>}</Table.Td>
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
  );
}
