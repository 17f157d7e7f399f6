// The working draft of the organisation's instrument, dimension by dimension: the five dimensions
// stay; within each, behaviours are reworded, translated, retired or added.
import { Button, Stack, Text, Title } from "@mantine/core";
import { BehaviourRow } from "./BehaviourRow";
import { DIMENSIONS, type EditedItem, freshKey, type Published } from "./types";

interface Props {
  items: EditedItem[];
  published: Published;
  onChange: (items: EditedItem[]) => void;
}

export function InstrumentEditor({ items, published, onChange }: Props) {
  const replace = (index: number, next: EditedItem) =>
    onChange(items.map((item, i) => (i === index ? next : item)));
  return (
    <Stack>
      {DIMENSIONS.map((dimension) => {
        const rows = items
          .map((item, index) => ({ item, index }))
          .filter((r) => r.item.dimension === dimension.key);
        const asked = rows.filter((r) => !r.item.retired).length;
        return (
          <Stack
            key={dimension.key}
            gap="xs"
            component="section"
            aria-labelledby={`dimension-${dimension.key}`}
          >
            <Title order={3} size="h4" id={`dimension-${dimension.key}`}>
              {dimension.name}
            </Title>
            <Text size="sm" c="dimmed">
              {asked} {asked === 1 ? "behaviour" : "behaviours"} asked
            </Text>
            {rows.map(({ item, index }) => (
              <BehaviourRow
                key={`${index}`}
                item={item}
                published={published.has(item.key)}
                onChange={(next) => replace(index, next)}
              />
            ))}
            <Button
              variant="light"
              w="fit-content"
              onClick={() =>
                onChange([
                  ...items,
                  {
                    key: freshKey(items, dimension.key),
                    dimension: dimension.key,
                    text: { en: "", de: "" },
                    retired: false,
                  },
                ])
              }
            >
              Add a behaviour to {dimension.name}
            </Button>
          </Stack>
        );
      })}
    </Stack>
  );
}
