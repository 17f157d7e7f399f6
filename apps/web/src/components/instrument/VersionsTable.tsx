// The organisation's instrument versions, oldest first: when each was published and what it asks.

import { Badge, Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDay, formatNumber } from "../../lib/format";

interface Version {
  version: number;
  publishedAt: string | null;
  items: { retired: boolean }[];
}

export function VersionsTable({ versions }: { versions: Version[] }) {
  const { t } = useTranslation();
  const current = versions.at(-1)?.version;
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table>
        <Table.Caption>{t("instrument:versions.caption")}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("instrument:versions.version")}</Table.Th>
            <Table.Th scope="col">{t("instrument:versions.published")}</Table.Th>
            <Table.Th scope="col">{t("instrument:versions.asked")}</Table.Th>
            <Table.Th scope="col">{t("instrument:versions.retired")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.map((v) => (
            <Table.Tr key={v.version}>
              <Table.Td>
                {v.version}{" "}
                {v.version === current ? <Badge ml="xs">{t("instrument:versions.current")}</Badge> : null}
              </Table.Td>
              <Table.Td>
                {v.publishedAt ? formatDay(v.publishedAt) : t("instrument:versions.builtIn")}
              </Table.Td>
              <Table.Td>{formatNumber(v.items.filter((i) => !i.retired).length)}</Table.Td>
              <Table.Td>{formatNumber(v.items.filter((i) => i.retired).length)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
