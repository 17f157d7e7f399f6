// The recurring themes of the anonymous comments, per dimension: each a phrase at least k different
// responses used, with how many did. Decided and frozen at release; nothing is computed here.
import { Card, Group, List, Stack, Text, Title } from "@mantine/core";
import type { Report } from "../../lib/report";
import { DimensionTag } from "../plan/DimensionTag";

const responses = (n: number) => `${n} ${n === 1 ? "response" : "responses"}`;

export function Themes({ report }: { report: Report }) {
  const dimensions = report.dimensions.filter((d) => (report.themes[d.key] ?? []).length > 0);
  return (
    <section data-testid="report-themes">
      <Title order={3} mb="xs">
        Themes in the comments
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Phrases that several people used in their comments (never fewer than {report.threshold}), found on
        Fivefold's own server when the report was released (English comments only). A phrase fewer people used
        is never shown.
      </Text>
      {dimensions.length === 0 ? (
        <Text size="sm">No phrase recurs in enough comments to be shown as a theme.</Text>
      ) : (
        <Stack gap="sm">
          {dimensions.map((d) => (
            <Card withBorder key={d.key} padding="sm">
              <Group gap="xs" mb={4}>
                <DimensionTag dimension={d.key} />
              </Group>
              <List spacing={2} size="sm" aria-label={`Themes in the comments on ${d.name}`}>
                {(report.themes[d.key] ?? []).map((t) => (
                  <List.Item key={t.label}>
                    <Text span fw={600} size="sm">
                      {t.label}
                    </Text>{" "}
                    <Text span size="sm" c="dimmed">
                      ({responses(t.responses)})
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
