// The heatmap on a phone (issue 18): one card per person with all five dimensions in a row of
// coloured cells, instead of a table scrolling inside the page that showed two of five. The same
// figures, colours and links as the table; sorted by a choice above the cards.
import type { DimensionKey } from "@fivefold/domain";
import { Anchor, Card, NativeSelect, SimpleGrid, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { blankText, type TeamDashboard } from "../../lib/dashboard";
import { heatColor } from "../../lib/heat";
import { formatScore } from "../../lib/report";

type Person = TeamDashboard["people"][number];

export function HeatmapCards(props: {
  rows: readonly Person[];
  names: Record<DimensionKey, string>;
  sortBy: string;
  onSortBy: (key: string) => void;
}) {
  const { t } = useTranslation();
  const { rows, names, sortBy, onSortBy } = props;
  const keys = Object.keys(names) as DimensionKey[];
  return (
    <Stack gap="xs" data-testid="heatmap-cards">
      <NativeSelect
        label={t("dashboard:heatmap.sortBy")}
        value={sortBy}
        onChange={(event) => onSortBy(event.currentTarget.value)}
        data={[
          { value: "name", label: t("dashboard:heatmap.name") },
          ...keys.map((key) => ({ value: key, label: names[key] })),
        ]}
      />
      {rows.map((person) => (
        <Card key={person.personId} withBorder p="xs" data-testid="heatmap-row">
          <Text size="sm" fw={600}>
            {person.requestId ? (
              <Anchor component={Link} to={`/reports/${person.requestId}`} inherit>
                {person.name}
              </Anchor>
            ) : (
              person.name
            )}
          </Text>
          {person.requestId ? null : (
            <Text size="xs" c="dimmed">
              {blankText(person.blank)}
            </Text>
          )}
          <SimpleGrid cols={5} spacing={4} mt={4}>
            {keys.map((key) => {
              const value = person.cells[key];
              const shown = value !== null && person.requestId;
              return (
                <div
                  key={key}
                  data-testid="heat-cell"
                  aria-label={`${names[key]}: ${shown ? formatScore(value) : t("dashboard:heatmap.notShown")}`}
                  role="img"
                  style={{
                    textAlign: "center",
                    borderRadius: 4,
                    padding: "4px 2px",
                    ...(shown ? heatColor(value) : {}),
                  }}
                >
                  <Text size="xs" lh={1.1} style={{ overflowWrap: "anywhere" }} aria-hidden="true">
                    {t(`report:dimensionShort.${key}`)}
                  </Text>
                  <Text size="sm" fw={700} aria-hidden="true">
                    {shown ? formatScore(value) : "—"}
                  </Text>
                </div>
              );
            })}
          </SimpleGrid>
        </Card>
      ))}
    </Stack>
  );
}
