// The report's next step, at its top: one click makes the plan draft (or opens the plan already made).
import { Card, Group, Text, Title } from "@mantine/core";
import { MakePlanButton } from "../plan/MakePlanButton";

export function NextStep({ requestId }: { requestId: string }) {
  return (
    <Card withBorder className="no-print" data-testid="next-step">
      <Group justify="space-between" align="center" wrap="wrap" gap="sm">
        <div>
          <Title order={3} size="h4">
            Turn this into a plan
          </Title>
          <Text size="sm">
            Fivefold drafts one from this report: one or two dimensions to work on, a strength, actions and a
            goal. Nothing is shared until you publish it.
          </Text>
        </div>
        <MakePlanButton requestId={requestId} />
      </Group>
    </Card>
  );
}
