// The recurring themes of the anonymous comments, per dimension: each a phrase at least k different
// responses used, with how many did. Decided and frozen at release; nothing is computed here.
import { Card, Group, List, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { dimensionName, type Report } from "../../lib/report";
import { DimensionTag } from "../plan/DimensionTag";

export function Themes({ report }: { report: Report }) {
  const { t } = useTranslation();
  const dimensions = report.dimensions.filter((d) => (report.themes[d.key] ?? []).length > 0);
  return (
    <section data-testid="report-themes">
      <Title order={3} mb="xs">
        {t("report:themes.title")}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t("report:themes.intro", { threshold: report.threshold })}
      </Text>
      {dimensions.length === 0 ? (
        <Text size="sm">{t("report:themes.none")}</Text>
      ) : (
        <Stack gap="sm">
          {dimensions.map((d) => (
            <Card withBorder key={d.key} padding="sm">
              <Group gap="xs" mb={4}>
                <DimensionTag dimension={d.key} />
              </Group>
              <List
                spacing={2}
                size="sm"
                aria-label={t("report:themes.list", { name: dimensionName(d.key) })}
              >
                {(report.themes[d.key] ?? []).map((theme) => (
                  <List.Item key={theme.label}>
                    <Text span fw={600} size="sm">
                      {theme.label}
                    </Text>{" "}
                    <Text span size="sm" c="dimmed">
                      ({t("report:themes.responses", { count: theme.responses })})
                    </Text>
                  </List.Item>
                ))}
              </List>
            </Card>
          ))}
        </Stack>
      )}
    </section>
  );
}
