import { Badge } from "@mantine/core";
import { STATE_LABELS } from "../lib/labels";

export function StateBadge({ state }: { state: string }) {
  const info = STATE_LABELS[state] ?? { label: state, color: "gray" };
  return (
    <Badge color={info.color} variant="light" data-testid="state">
      {info.label}
    </Badge>
  );
}
