// The report's next step, at its top: one click makes the plan draft (or opens the plan already made).
import { Card, Group, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { MakePlanButton } from "../plan/MakePlanButton";

export function NextStep({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  return (
    <Card withBorder className="no-print" data-testid="next-step">
      <Group justify="space-between" align="center" wrap="wrap" gap="sm">
        <div>
          <Title order={3} size="h4">
            {t("report:nextStep.title")}
          </Title>
          <Text size="sm">{t("report:nextStep.text")}</Text>
        </div>
        <MakePlanButton requestId={requestId} />
      </Group>
    </Card>
  );
}
