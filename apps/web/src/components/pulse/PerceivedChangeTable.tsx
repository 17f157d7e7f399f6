// A pulse's figures as a table: each behaviour's mean on −3…+3 and how many scored it, or why it
// is hidden. Shared by the plan page and the coach's dashboard.
import { behaviourTexts, getInstrument, indexItems } from "@fivefold/domain";
import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../lib/format";
import { wordingOf } from "../rating/wording";

type Figure = { itemId: string; mean: number; n: number } | { itemId: string; hidden: true };

const items = indexItems(getInstrument());

const signed = (mean: number) => `${mean > 0 ? "+" : mean < 0 ? "−" : ""}${formatNumber(Math.abs(mean), 1)}`;

/** A behaviour's wording in the page's language (the built-in version's), or its key. */
export function behaviourText(itemId: string): string {
  const item = items.get(itemId)?.item;
  return item ? wordingOf({ text: item.text, texts: behaviourTexts(item) }) : itemId;
}

export function PerceivedChangeTable({ figures, caption }: { figures: readonly Figure[]; caption: string }) {
  const { t } = useTranslation();
  return (
    <Table striped withTableBorder verticalSpacing={4} fz="sm">
      <Table.Caption>{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t("rating:pulse.table.behaviour")}</Table.Th>
          <Table.Th scope="col" ta="right">
            {t("rating:pulse.table.change")}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {t("rating:pulse.table.raters")}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {figures.map((figure) => (
          <Table.Tr key={figure.itemId} data-testid="perceived-change-row">
            <Table.Td>{behaviourText(figure.itemId)}</Table.Td>
            {"hidden" in figure ? (
              <Table.Td colSpan={2} ta="right">
                <Text span size="sm" c="dimmed">
                  {t("rating:pulse.table.hidden")}
                </Text>
              </Table.Td>
            ) : (
              <>
                <Table.Td ta="right" fw={600}>
                  {signed(figure.mean)}
                </Table.Td>
                <Table.Td ta="right">{figure.n}</Table.Td>
              </>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
