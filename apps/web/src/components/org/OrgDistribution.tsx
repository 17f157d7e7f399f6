// How many people's means fall in each band (1–2, 2–3, 3–4, 4–5), per dimension; bands with fewer
// than k people are hidden by the API and say so.
import type { DimensionKey } from "@fivefold/domain";
import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { OrgView } from "../../lib/cycles";

// Score bands, the same in every language (an en dash between two scale points).
const BANDS = ["1–2", "2–3", "3–4", "4–5"];

export function OrgDistribution(props: {
  distribution: OrgView["distribution"];
  keys: DimensionKey[];
  names: Record<DimensionKey, string>;
  threshold: number;
}) {
  const { t } = useTranslation();
  return (
    <Table aria-label={t("dashboard:org.distribution")}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("dashboard:dimension")}</Table.Th>
          {BANDS.map((band) => (
            <Table.Th key={band}>{band}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.keys.map((key) => (
          <Table.Tr key={key}>
            <Table.Td>{props.names[key]}</Table.Td>
            {BANDS.map((band, index) => {
              const count = props.distribution[key][index];
              return (
                <Table.Td key={band}>
                  {count === null || count === undefined ? (
                    <Text size="xs" c="dimmed">
                      {t("dashboard:org.fewerThan", { count: props.threshold })}
                    </Text>
                  ) : (
                    count
                  )}
                </Table.Td>
              );
            })}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
