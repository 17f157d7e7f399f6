// Blind spots, hidden strengths, and the highest and lowest behaviours, in plain words.
import { Alert, Card, List, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { formatScore } from "../../lib/dimensions";
import type { Report } from "../../lib/report";

function Findings(props: {
  testId: string;
  title: string;
  hint: string;
  empty: string;
  color: string;
  findings: Report["blindSpots"];
}) {
  return (
    <Card withBorder data-testid={props.testId}>
      <Title order={4}>{props.title}</Title>
      <Text size="xs" c="dimmed" mb="xs">
        {props.hint}
      </Text>
      {props.findings.length === 0 ? (
        <Text size="sm">{props.empty}</Text>
      ) : (
        <Stack gap="xs">
          {props.findings.map((s) => (
            <Alert key={s.dimension} color={props.color} variant="light" title={s.name}>
              <Text size="sm">{s.explanation}</Text>
            </Alert>
          ))}
        </Stack>
      )}
    </Card>
  );
}

export function Highlights({ report }: { report: Report }) {
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Findings
          testId="blind-spots"
          title="Blind spots"
          hint="Where you rate yourself at least a point higher than others do."
          empty="None: others see you at least as highly as you see yourself."
          color="orange"
          findings={report.blindSpots}
        />
        <Findings
          testId="hidden-strengths"
          title="Hidden strengths"
          hint="Where others rate you at least a point higher than you rate yourself."
          empty="None this time."
          color="teal"
          findings={report.hiddenStrengths}
        />
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
