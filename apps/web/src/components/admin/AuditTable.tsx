// The audit log's rows: when, who (a person or Fivefold itself), what, on which record, details.

import { Badge, Table, Text } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../lib/format";
import type { AuditItem } from "./types";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A detail's key in words: `discardedResponses` → "discarded responses". */
const words = (key: string) =>
  key
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/_/g, " ")
    .toLowerCase();

const GROUPS = new Set(["self", "manager", "peer", "direct_report", "other"]);

// Detail keys and values are the server's own names (a setting, a count): shown as words, as they are.
function describeValue(value: unknown, t: TFunction): string {
  if (typeof value === "boolean") return value ? t("admin:audit.yes") : t("admin:audit.no");
  if (typeof value === "string") {
    if (GROUPS.has(value)) return t(`admin:groups.${value}`);
    return UUID.test(value) ? t("admin:audit.aRecord") : words(value);
  }
  if (Array.isArray(value)) return value.map((v) => describeValue(v, t)).join(", ");
  if (value && typeof value === "object") {
    return Object.entries(value)
      .map(([k, v]) => `${words(k)} ${describeValue(v, t)}`)
      .join(", ");
  }
  return String(value);
}

/** Details as words: ids are not shown (the record column names the record). */
function describeDetails(item: AuditItem, t: TFunction): string {
  return Object.entries(item.details)
    .filter(([key, value]) => !(typeof value === "string" && UUID.test(value)) && !/id$/i.test(key))
    .map(([key, value]) => `${words(key)}: ${describeValue(value, t)}`)
    .join("; ");
}

export function AuditTable({ items }: { items: AuditItem[] }) {
  const { t, i18n } = useTranslation();
  // An action or record type this version has no words for is spelled out from its code.
  const known = (key: string, code: string) => (i18n.exists(key) ? t(key) : words(code));
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped aria-label={t("admin:audit.tableLabel")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("admin:audit.col.when")}</Table.Th>
            <Table.Th>{t("admin:audit.col.who")}</Table.Th>
            <Table.Th>{t("admin:audit.col.what")}</Table.Th>
            <Table.Th>{t("admin:audit.col.record")}</Table.Th>
            <Table.Th>{t("admin:audit.col.details")}</Table.Th>
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
                  {known(`admin:audit.actions.${item.action}`, item.action.replace(".", " "))}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {item.targetLabel ?? known(`admin:audit.target.${item.targetType}`, item.targetType)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ wordBreak: "break-word" }}>
                  {describeDetails(item, t)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
