// What raters would read under the draft, in English or German: the behaviours asked, per dimension.
import { List, SegmentedControl, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { DIMENSIONS, type EditedItem, LANGUAGE_LABELS } from "./types";

export function InstrumentPreview({ items }: { items: EditedItem[] }) {
  const [language, setLanguage] = useState<"en" | "de">("en");
  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label="Preview language"
        value={language}
        onChange={(value) => setLanguage(value === "de" ? "de" : "en")}
        data={[
          { value: "en", label: LANGUAGE_LABELS.en },
          { value: "de", label: LANGUAGE_LABELS.de },
        ]}
        w="fit-content"
      />
      {DIMENSIONS.map((dimension) => {
        const asked = items.filter((item) => item.dimension === dimension.key && !item.retired);
        return (
          <Stack key={dimension.key} gap={4}>
            <Title order={4} size="h5">
              {dimension.name}
            </Title>
            {asked.length === 0 ? (
              <Text size="sm" c="red.8">
                No behaviour is asked here: keep at least one.
              </Text>
            ) : (
              <List size="sm" lang={language}>
                {asked.map((item) => (
                  <List.Item key={item.key}>{item.text[language] || "(no wording yet)"}</List.Item>
                ))}
              </List>
            )}
          </Stack>
        );
      })}
    </Stack>
  );
}
