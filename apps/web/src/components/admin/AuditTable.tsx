// The audit log's rows: when, who (a person or Fivefold itself), what, on which record, details.

import { Badge, Table, Text } from "@mantine/core";
import { formatDateTime } from "../../lib/format";
import { GROUP_LABELS } from "../../lib/labels";
import { AUDIT_LABELS } from "./labels";
import type { AuditItem } from "./types";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A detail's key in words: `discardedResponses` → "discarded responses". */
const words = (key: string) =>
  key
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/_/g, " ")
    .toLowerCase();

function describeValue(value: unknown): string {
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "string") {
    if (value in GROUP_LABELS) return GROUP_LABELS[value as keyof typeof GROUP_LABELS];
    return UUID.test(value) ? "(a record)" : words(value);
  }
  if (Array.isArray(value)) return value.map(describeValue).join(", ");
  if (value && typeof value === "object") {
    return Object.entries(value)
      .map(([k, v]) => `${words(k)} ${describeValue(v)}`)
      .join(", ");
  }
  return String(value);
}

/** Details as words: ids are not shown (the record column names the record). */
function describeDetails(item: AuditItem): string {
  return Object.entries(item.details)
    .filter(([key, value]) => !(typeof value === "string" && UUID.test(value)) && !/id$/i.test(key))
    .map(([key, value]) => `${words(key)}: ${describeValue(value)}`)
    .join("; ");
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
                <Text size="sm">{formatDateTime(item.createdAt)}</Text>
              </Table.Td>
              <Table.Td>{item.actor ? item.actor.name : <Badge variant="light">Fivefold</Badge>}</Table.Td>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {AUDIT_LABELS[item.action] ?? words(item.action.replace(".", " "))}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{item.targetLabel ?? words(item.targetType)}</Text>
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
