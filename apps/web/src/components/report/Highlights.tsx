// Blind spots, hidden strengths, and the highest and lowest behaviours, in plain words.
import { Alert, Card, List, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { formatScore } from "../../lib/dimensions";
import type { Report } from "../../lib/report";

export function Highlights({ report }: { report: Report }) {
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder data-testid="blind-spots">
          <Title order={4}>Blind spots</Title>
          <Text size="xs" c="dimmed" mb="xs">
            Where you rate yourself at least a point higher than others do.
          </Text>
          {report.blindSpots.length === 0 ? (
            <Text size="sm">None: others see you at least as highly as you see yourself.</Text>
          ) : (
            <Stack gap="xs">
              {report.blindSpots.map((s) => (
                <Alert key={s.dimension} color="orange" variant="light" title={s.name}>
                  <Text size="sm">{s.explanation}</Text>
                </Alert>
              ))}
            </Stack>
          )}
        </Card>
        <Card withBorder data-testid="hidden-strengths">
          <Title order={4}>Hidden strengths</Title>
          <Text size="xs" c="dimmed" mb="xs">
            Where others rate you at least a point higher than you rate yourself.
          </Text>
          {report.hiddenStrengths.length === 0 ? (
            <Text size="sm">None this time.</Text>
          ) : (
            <Stack gap="xs">
              {report.hiddenStrengths.map((s) => (
                <Alert key={s.dimension} color="teal" variant="light" title={s.name}>
                  <Text size="sm">{s.explanation}</Text>
                </Alert>
              ))}
            </Stack>
          )}
        </Card>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={4}>Seen most often</Title>
          <Text size="xs" c="dimmed" mb="xs">
            The three behaviours others see most often: strengths to build on.
          </Text>
          <List size="sm" spacing={4}>
            {report.highest.map((item) => (
              <List.Item key={item.itemId}>
                {item.text}{" "}
                <Text span c="dimmed">
                  ({formatScore(item.mean)})
                </Text>
              </List.Item>
            ))}
          </List>
        </Card>
        <Card withBorder>
          <Title order={4}>Seen least often</Title>
          <Text size="xs" c="dimmed" mb="xs">
            The three behaviours others see least often: where a small change shows most.
          </Text>
          <List size="sm" spacing={4}>
            {report.lowest.map((item) => (
              <List.Item key={item.itemId}>
                {item.text}{" "}
                <Text span c="dimmed">
                  ({formatScore(item.mean)})
                </Text>
              </List.Item>
            ))}
          </List>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
