// The plan's actions: a checklist the owner ticks (suggested ones and their own), with each
// action's status from the check-ins. Partners see the chosen actions and their status.
import type { DimensionKey } from "@fivefold/domain";
import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useInvalidate } from "../../lib/invalidate";
import { errorMessage } from "../../lib/labels";
import { useTRPC } from "../../lib/trpc";
import { ActionStatusBadge } from "./Badges";
import { DimensionTag } from "./DimensionTag";
import { DIMENSIONS, type PlanAction, type PlanView } from "./types";

interface Draft {
  id?: string;
  dimension: string;
  text: string;
  picked: boolean;
  status?: PlanAction["status"];
}

export function ActionsCard({ plan, editable }: { plan: PlanView; editable: boolean }) {
  return (
    <Card withBorder data-testid="actions-card">
      <Stack gap="sm">
        <Title order={3} size="h4">
          Actions
        </Title>
        {editable ? (
          <ActionsEditor key={JSON.stringify(plan.actions)} plan={plan} />
        ) : (
          <ActionList actions={plan.actions.filter((a) => a.picked)} />
        )}
      </Stack>
    </Card>
  );
}

function ActionList({ actions }: { actions: PlanAction[] }) {
  if (actions.length === 0) return <Text size="sm">No actions chosen yet.</Text>;
  return (
    <Stack gap="xs">
      {actions.map((action) => (
        <Group key={action.id} justify="space-between" wrap="nowrap" align="flex-start" data-testid="action">
          <Stack gap={2}>
            <Text size="sm">{action.text}</Text>
            <DimensionTag dimension={action.dimension} />
          </Stack>
          <ActionStatusBadge status={action.status} />
        </Group>
      ))}
    </Stack>
  );
}

function ActionsEditor({ plan }: { plan: PlanView }) {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const [actions, setActions] = useState<Draft[]>(plan.actions);
  const [editingIndex, setEditingIndex] = useState<number | null>(null);
  const [newText, setNewText] = useState("");
  const [newDimension, setNewDimension] = useState<string | null>(plan.focus[0] ?? null);
  const update = useMutation(trpc.plans.update.mutationOptions({ onSuccess: invalidate.planEdited }));
  const dirty = JSON.stringify(actions) !== JSON.stringify(plan.actions);
  const change = (index: number, patch: Partial<Draft>) =>
    setActions((list) => list.map((a, i) => (i === index ? { ...a, ...patch } : a)));
  const save = () =>
    update.mutate({
      planId: plan.id,
      actions: actions.map((a) => ({
        ...(a.id ? { id: a.id } : {}),
        dimension: a.dimension as DimensionKey,
        text: a.text,
        picked: a.picked,
        ...(a.status ? { status: a.status } : {}),
      })),
    });
  const add = () => {
    if (!newDimension || newText.trim().length < 3) return;
    setActions((list) => [...list, { dimension: newDimension, text: newText.trim(), picked: true }]);
    setNewText("");
  };

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        Tick the actions you commit to. Suggestions you leave unticked stay here in case you want them later.
      </Text>
      {actions.map((action, index) => (
        <Group
          key={action.id ?? `new-${index}`}
          justify="space-between"
          wrap="nowrap"
          align="flex-start"
          data-testid="action"
        >
          <Stack gap={4} flex={1}>
            {editingIndex === index ? (
              <TextInput
                label="Action"
                value={action.text}
                onChange={(event) => change(index, { text: event.currentTarget.value })}
                onKeyDown={(event) => {
                  if (event.key === "Enter") setEditingIndex(null);
                }}
                maxLength={500}
              />
            ) : (
              <Checkbox
                checked={action.picked}
                onChange={(event) => change(index, { picked: event.currentTarget.checked })}
                label={action.text}
              />
            )}
            <Group gap="xs" ml={editingIndex === index ? 0 : 32}>
              <DimensionTag dimension={action.dimension} />
              {action.status ? <ActionStatusBadge status={action.status} /> : null}
            </Group>
          </Stack>
          <Group gap={4} wrap="nowrap">
            <Button
              variant="subtle"
              size="compact-xs"
              onClick={() => setEditingIndex(editingIndex === index ? null : index)}
              aria-label={editingIndex === index ? "Done editing" : `Reword: ${action.text}`}
            >
              {editingIndex === index ? "Done" : "Reword"}
            </Button>
            {!action.id || action.id.startsWith("custom-") ? (
              <ActionIcon
                variant="subtle"
                color="red"
                onClick={() => setActions((list) => list.filter((_, i) => i !== index))}
                aria-label={`Remove: ${action.text}`}
              >
                ×
              </ActionIcon>
            ) : null}
          </Group>
        </Group>
      ))}
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label="Add an action in your own words"
          placeholder="e.g. Ask my lead to challenge one decision a month"
          value={newText}
          onChange={(event) => setNewText(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") add();
          }}
          maxLength={500}
          flex={1}
          miw={220}
        />
        <Select
          label="Dimension"
          data={DIMENSIONS.map((d) => ({ value: d.key, label: d.name }))}
          value={newDimension}
          onChange={setNewDimension}
          allowDeselect={false}
          w={200}
        />
        <Button variant="default" onClick={add} disabled={newText.trim().length < 3}>
          Add
        </Button>
      </Group>
      {update.isError ? (
        <Alert color="red" role="alert">
          {errorMessage(update.error)}
        </Alert>
      ) : null}
      <Group>
        <Button onClick={save} disabled={!dirty} loading={update.isPending}>
          Save actions
        </Button>
        {dirty ? (
          <Text size="xs" c="dimmed">
            Unsaved changes
          </Text>
        ) : null}
      </Group>
    </Stack>
  );
}
