// One behaviour in the instrument editor: its key (fixed once published), its English and German
// wording, and whether it is retired (kept under its key, no longer asked).
import { Badge, Card, Checkbox, Group, Stack, Text, Textarea, TextInput } from "@mantine/core";
import type { EditedItem } from "./types";

interface Props {
  item: EditedItem;
  published: boolean;
  onChange: (item: EditedItem) => void;
}

export function BehaviourRow({ item, published, onChange }: Props) {
  const label = `Behaviour ${item.key}`;
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
              label="Key"
              description="Fixed once published"
              size="xs"
              value={item.key}
              onChange={(e) => onChange({ ...item, key: e.currentTarget.value })}
            />
          )}
          <Group gap="xs">
            {item.retired ? <Badge color="gray">Retired</Badge> : null}
            {published ? null : <Badge color="teal">New</Badge>}
            <Checkbox
              label="Retired"
              checked={item.retired}
              onChange={(e) => onChange({ ...item, retired: e.currentTarget.checked })}
            />
          </Group>
        </Group>
        <Textarea
          label={`English wording of ${item.key}`}
          autosize
          minRows={1}
          value={item.text.en}
          onChange={(e) => onChange({ ...item, text: { ...item.text, en: e.currentTarget.value } })}
        />
        <Textarea
          label={`German wording of ${item.key}`}
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
