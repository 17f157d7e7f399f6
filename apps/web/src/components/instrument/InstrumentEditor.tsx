// The working draft of the organisation's instrument, dimension by dimension: the five dimensions
// stay; within each, behaviours are reworded, translated, retired or added. Both wordings are
// edited side by side whatever the page's language; the editor's own words follow the page.
import { Button, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { BehaviourRow } from "./BehaviourRow";
import { DIMENSIONS, dimensionName, type EditedItem, freshKey, type Published } from "./types";

interface Props {
  items: EditedItem[];
  published: Published;
  onChange: (items: EditedItem[]) => void;
}

export function InstrumentEditor({ items, published, onChange }: Props) {
  const { t } = useTranslation();
  const replace = (index: number, next: EditedItem) =>
    onChange(items.map((item, i) => (i === index ? next : item)));
  return (
    <Stack>
      {DIMENSIONS.map((dimension) => {
        const rows = items
          .map((item, index) => ({ item, index }))
          .filter((r) => r.item.dimension === dimension);
        const asked = rows.filter((r) => !r.item.retired).length;
        return (
          <Stack key={dimension} gap="xs" component="section" aria-labelledby={`dimension-${dimension}`}>
            <Title order={3} size="h4" id={`dimension-${dimension}`}>
              {dimensionName(dimension)}
            </Title>
            <Text size="sm" c="dimmed">
              {t("instrument:editor.asked", { count: asked })}
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
                    key: freshKey(items, dimension),
                    dimension,
                    text: { en: "", de: "" },
                    retired: false,
                  },
                ])
              }
            >
              {t("instrument:editor.add", { dimension: dimensionName(dimension) })}
            </Button>
          </Stack>
        );
      })}
    </Stack>
  );
}
