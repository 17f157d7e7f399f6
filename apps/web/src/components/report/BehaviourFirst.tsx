// The behaviour-first layout's lead (issue 19): what to keep doing and what to work on, as
// behaviours with suggested actions and no scores, so the report points at the task, not the self.
// The scores follow further down for whoever wants them.
import { Card, List, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { Report } from "../../lib/report";
import { DimensionTag } from "../plan/DimensionTag";

export function BehaviourFirst({ report }: { report: Report }) {
  const { keep, workOn } = report.behaviours;
  return (
    <section data-testid="behaviour-first">
      <Title order={3} mb="sm">
        Behaviours first
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={4}>Keep doing</Title>
          <Text size="xs" c="dimmed" mb="xs">
            What others see most often: habits to build on.
          </Text>
          {keep.length === 0 ? (
            <Text size="sm">Not enough answers on any behaviour to say.</Text>
          ) : (
            <List spacing="xs" size="sm">
              {keep.map((b) => (
                <List.Item key={b.itemId}>
                  <DimensionTag dimension={b.dimension} /> {b.text}
                </List.Item>
              ))}
            </List>
          )}
        </Card>
        <Card withBorder>
          <Title order={4}>Try next</Title>
          <Text size="xs" c="dimmed" mb="xs">
            What others see least often, each with a concrete step to practise it.
          </Text>
          {workOn.length === 0 ? (
            <Text size="sm">Not enough answers on any behaviour to say.</Text>
          ) : (
            <Stack gap="sm">
              {workOn.map((b) => (
                <div key={b.itemId}>
                  <Text size="sm">
                    <DimensionTag dimension={b.dimension} /> {b.text}
                  </Text>
                  <List size="sm" spacing={2} mt={4} withPadding>
                    {b.actions.map((a) => (
                      <List.Item key={a.id}>{a.text}</List.Item>
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
