// "Make my plan" from a released report (linked from the report and the request pages).
import { Card, Stack, Text, Title } from "@mantine/core";
import { Navigate, useSearchParams } from "react-router";
import { MakePlanButton } from "../components/plan/MakePlanButton";

export default function PlanNewPage() {
  const [params] = useSearchParams();
  const requestId = params.get("requestId");
  if (!requestId) return <Navigate to="/plans" replace />;
  return (
    <Stack maw={640}>
      <Title order={2}>Make your plan</Title>
      <Card withBorder>
        <Stack gap="sm">
          <Text size="sm">
            From your report, Fivefold proposes one or two dimensions to work on, a strength to build on,
            concrete actions and a WOOP goal (wish, outcome, obstacle, plan). Nothing is shared yet: you edit
            everything, invite your support circle, and publish when you are ready.
          </Text>
          <div>
            <MakePlanButton requestId={requestId} />
          </div>
        </Stack>
      </Card>
    </Stack>
  );
}
