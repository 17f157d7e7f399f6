// A plan's progress as a bar and its percentage, on the plan lists (my plans, plans I support).
import { Group, Progress, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../lib/format";
import { percent } from "./types";

export function PlanProgressBar({ progress }: { progress: number }) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" wrap="nowrap">
      <Progress
        value={progress}
        flex={1}
        aria-label={t("plan:progressAria", { value: formatNumber(progress) })}
      />
      <Text size="xs" style={{ whiteSpace: "nowrap" }}>
        {percent(t, progress)}
      </Text>
    </Group>
  );
}
