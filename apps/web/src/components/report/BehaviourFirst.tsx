// The behaviour-first layout's lead (issue 19): what to keep doing and what to work on, as
// behaviours with suggested actions and no scores, so the report points at the task, not the self.
// The scores follow further down for whoever wants them.
import { Card, List, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { behaviourText, type Report, suggestedActionText } from "../../lib/report";
import { DimensionTag } from "../plan/DimensionTag";

export function BehaviourFirst({ report }: { report: Report }) {
  const { t } = useTranslation();
  const { keep, workOn } = report.behaviours;
  return (
    <section data-testid="behaviour-first">
      <Title order={3} mb="sm">
        {t("report:behaviours.title")}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={4}>{t("report:behaviours.keep")}</Title>
          <Text size="xs" c="dimmed" mb="xs">
            {t("report:behaviours.keepHint")}
          </Text>
          {keep.length === 0 ? (
            <Text size="sm">{t("report:behaviours.none")}</Text>
          ) : (
            <List spacing="xs" size="sm">
              {keep.map((b) => (
                <List.Item key={b.itemId}>
                  <DimensionTag dimension={b.dimension} /> {behaviourText(report, b.itemId, b.text)}
                </List.Item>
              ))}
            </List>
          )}
        </Card>
        <Card withBorder>
          <Title order={4}>{t("report:behaviours.workOn")}</Title>
          <Text size="xs" c="dimmed" mb="xs">
            {t("report:behaviours.workOnHint")}
          </Text>
          {workOn.length === 0 ? (
            <Text size="sm">{t("report:behaviours.none")}</Text>
          ) : (
            <Stack gap="sm">
              {workOn.map((b) => (
                <div key={b.itemId}>
                  <Text size="sm">
                    <DimensionTag dimension={b.dimension} /> {behaviourText(report, b.itemId, b.text)}
                  </Text>
                  <List size="sm" spacing={2} mt={4} withPadding>
                    {b.actions.map((a) => (
                      <List.Item key={a.id}>{suggestedActionText(a.id, a.text)}</List.Item>
                    ))}
                  </List>
                </div>
              ))}
            </Stack>
          )}
        </Card>
      </SimpleGrid>
    </section>
  );
}
