// One behaviour in the instrument editor: its key (fixed once published), its English and German
// wording, and whether it is retired (kept under its key, no longer asked).
import { Badge, Card, Checkbox, Group, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { EditedItem } from "./types";

interface Props {
  item: EditedItem;
  published: boolean;
  onChange: (item: EditedItem) => void;
}

export function BehaviourRow({ item, published, onChange }: Props) {
  const { t } = useTranslation();
  const label = t("instrument:behaviour.label", { key: item.key });
  return (
    <Card withBorder padding="sm" aria-label={label} component="fieldset">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          {published ? (
            <Text size="sm" ff="monospace">
              {item.key}
            </Text>
          ) : (
            <TextInput
              label={t("instrument:behaviour.key")}
              description={t("instrument:behaviour.keyHint")}
              size="xs"
              value={item.key}
              onChange={(e) => onChange({ ...item, key: e.currentTarget.value })}
            />
          )}
          <Group gap="xs">
            {item.retired ? <Badge color="gray">{t("instrument:behaviour.retired")}</Badge> : null}
            {published ? null : <Badge color="teal">{t("instrument:behaviour.new")}</Badge>}
            <Checkbox
              label={t("instrument:behaviour.retired")}
              checked={item.retired}
              onChange={(e) => onChange({ ...item, retired: e.currentTarget.checked })}
            />
          </Group>
        </Group>
        <Textarea
          label={t("instrument:behaviour.english", { key: item.key })}
          lang="en"
          autosize
          minRows={1}
          value={item.text.en}
          onChange={(e) => onChange({ ...item, text: { ...item.text, en: e.currentTarget.value } })}
        />
        <Textarea
          label={t("instrument:behaviour.german", { key: item.key })}
          lang="de"
          autosize
          minRows={1}
          value={item.text.de}
          onChange={(e) => onChange({ ...item, text: { ...item.text, de: e.currentTarget.value } })}
        />
      </Stack>
    </Card>
  );
}
