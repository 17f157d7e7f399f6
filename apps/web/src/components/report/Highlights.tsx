// Blind spots, hidden strengths, and the highest and lowest behaviours, in plain words. The gap
// sentences are written here from the finding's figures, in the page's language (the API's
// `explanation` is the English one).
import { Alert, Card, List, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import i18next from "i18next";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../lib/format";
import { behaviourText, dimensionName, formatScore, type Report } from "../../lib/report";

type Finding = Report["blindSpots"][number];

/** "You rate yourself 1.5 points higher than others do on …", from the finding's numbers. */
export function findingSentence(finding: Finding): string {
  const gap = Math.abs(finding.gap);
  return i18next.t(finding.gap > 0 ? "report:findings.blindSpot" : "report:findings.hiddenStrength", {
    count: Math.abs(gap - 1) < 1e-9 ? 1 : 2,
    points: formatNumber(gap, 1),
    name: dimensionName(finding.dimension),
    self: formatNumber(finding.self, 1),
    others: formatNumber(finding.others, 1),
  });
}

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
            <Alert key={s.dimension} color={props.color} variant="light" title={dimensionName(s.dimension)}>
              <Text size="sm">{findingSentence(s)}</Text>
            </Alert>
          ))}
        </Stack>
      )}
    </Card>
  );
}

function Behaviours({ report, items }: { report: Report; items: Report["highest"] }) {
  return (
    <List size="sm" spacing={4}>
      {items.map((item) => (
        <List.Item key={item.itemId}>
          {behaviourText(report, item.itemId, item.text)}{" "}
          <Text span c="dimmed">
            ({formatScore(item.mean)})
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

export function Highlights({ report }: { report: Report }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Findings
          testId="blind-spots"
          title={t("report:findings.blindSpots")}
          hint={t("report:findings.blindSpotsHint")}
          empty={t("report:findings.blindSpotsNone")}
          color="orange"
          findings={report.blindSpots}
        />
        <Findings
          testId="hidden-strengths"
          title={t("report:findings.hiddenStrengths")}
          hint={t("report:findings.hiddenStrengthsHint")}
          empty={t("report:findings.hiddenStrengthsNone")}
          color="teal"
          findings={report.hiddenStrengths}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={4}>{t("report:findings.highest")}</Title>
          <Text size="xs" c="dimmed" mb="xs">
            {t("report:findings.highestHint")}
          </Text>
          <Behaviours report={report} items={report.highest} />
        </Card>
        <Card withBorder>
          <Title order={4}>{t("report:findings.lowest")}</Title>
          <Text size="xs" c="dimmed" mb="xs">
            {t("report:findings.lowestHint")}
          </Text>
          <Behaviours report={report} items={report.lowest} />
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
