// A pulse's figures as a table: each behaviour's mean on −3…+3 and how many scored it, or why it
// is hidden. Shared by the plan page and the coach's dashboard.
import { getInstrument, indexItems } from "@fivefold/domain";
import { Table, Text } from "@mantine/core";

type Figure = { itemId: string; mean: number; n: number } | { itemId: string; hidden: true };

const items = indexItems(getInstrument());

const signed = (mean: number) => `${mean > 0 ? "+" : mean < 0 ? "−" : ""}${Math.abs(mean).toFixed(1)}`;

export function behaviourText(itemId: string): string {
  return items.get(itemId)?.item.text ?? itemId;
}

export function PerceivedChangeTable({ figures, caption }: { figures: readonly Figure[]; caption: string }) {
  return (
    <Table striped withTableBorder verticalSpacing={4} fz="sm">
      <Table.Caption>{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Behaviour</Table.Th>
          <Table.Th scope="col" ta="right">
            Change (−3 to +3)
          </Table.Th>
          <Table.Th scope="col" ta="right">
            Raters
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
                  Hidden: too few raters to show it without singling anyone out
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
