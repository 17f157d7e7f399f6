// One action in the editor (tick, reword, remove one of your own), and adding one in your own words.
import { type DimensionKey, PLAN_LIMITS } from "@fivefold/domain";
import { ActionIcon, Button, Checkbox, Group, Select, Stack, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ActionsValues } from "./actionsForm";
import { ActionStatusBadge } from "./Badges";
import { DimensionTag } from "./DimensionTag";
import { DIMENSIONS, dimensionName } from "./types";

type Form = UseFormReturnType<ActionsValues>;
const MIN_WORDS = 3; // the domain's planActionEditSchema asks for at least three characters

export function ActionRow({ form, index }: { form: Form; index: number }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const action = form.values.actions[index];
  if (!action) return null;
  const own = !action.id || action.id.startsWith("custom-");
  return (
    <Group justify="space-between" wrap="nowrap" align="flex-start" data-testid="action">
      <Stack gap={4} flex={1}>
        {editing ? (
          <TextInput
            label={t("plan:actions.action")}
            {...form.getInputProps(`actions.${index}.text`)}
            onKeyDown={(event) => {
              if (event.key === "Enter") setEditing(false);
            }}
            maxLength={PLAN_LIMITS.actionText}
          />
        ) : (
          <Checkbox
            {...form.getInputProps(`actions.${index}.picked`, { type: "checkbox" })}
            label={action.text}
          />
        )}
        <Group gap="xs" ml={editing ? 0 : 32}>
          <DimensionTag dimension={action.dimension} />
          {action.status ? <ActionStatusBadge status={action.status} /> : null}
        </Group>
      </Stack>
      <Group gap={4} wrap="nowrap">
        <Button
          variant="subtle"
          size="compact-xs"
          onClick={() => setEditing(!editing)}
          aria-label={
            editing ? t("plan:actions.doneEditing") : t("plan:actions.rewordAria", { text: action.text })
          }
        >
          {editing ? t("plan:actions.done") : t("plan:actions.reword")}
        </Button>
        {own ? (
          <ActionIcon
            variant="subtle"
            color="red"
            onClick={() => form.removeListItem("actions", index)}
            aria-label={t("plan:actions.removeAria", { text: action.text })}
          >
            ×
          </ActionIcon>
        ) : null}
      </Group>
    </Group>
  );
}

export function AddAction({ form, defaultDimension }: { form: Form; defaultDimension: DimensionKey | null }) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const [dimension, setDimension] = useState<string | null>(defaultDimension);
  const usable = text.trim().length >= MIN_WORDS;
  const add = () => {
    if (!dimension || !usable) return;
    form.insertListItem("actions", { dimension: dimension as DimensionKey, text: text.trim(), picked: true });
    setText("");
  };
  return (
    <Group align="flex-end" wrap="wrap">
      <TextInput
        label={t("plan:actions.addLabel")}
        placeholder={t("plan:actions.addPlaceholder")}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter") add();
        }}
        maxLength={PLAN_LIMITS.actionText}
        flex={1}
        miw={220}
      />
      <Select
        label={t("plan:actions.dimension")}
        data={DIMENSIONS.map((d) => ({ value: d.key, label: dimensionName(t, d.key) }))}
        value={dimension}
        onChange={setDimension}
        allowDeselect={false}
        w={200}
      />
      <Button variant="default" onClick={add} disabled={!usable}>
        {t("plan:actions.add")}
      </Button>
    </Group>
  );
}
