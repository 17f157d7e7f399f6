// Leadership versus management: per dimension, where others see the person (and where they see
// themselves) on the line from the management counterpart to the leadership habit.
import { Box, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { currentLocale } from "../../i18n";
import { DIMENSION_COLORS } from "../../lib/dimensions";
import { dimensionName, everyoneButLabel, type Report } from "../../lib/report";

/** `45%` in English, `45 %` in German: the page's locale writes percentages. */
const percent = (value: number) =>
  (Math.round(value * 100) / 100).toLocaleString(currentLocale(), {
    style: "percent",
    maximumFractionDigits: 0,
  });
const cssPercent = (value: number) => `${Math.round(value * 100)}%`;

function Marker({ at, color, filled, label }: { at: number; color: string; filled: boolean; label: string }) {
  return (
    <Box
      pos="absolute"
      top={-3}
      w={20}
      h={20}
      title={label}
      style={{
        left: `calc(${cssPercent(at)} - 10px)`,
        borderRadius: 10,
        background: filled ? color : "white",
        border: filled ? "2px solid white" : `3px solid ${color}`,
      }}
    />
  );
}

export function Spectrum({ report }: { report: Report }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      {report.spectrum.map((s) => (
        <Box key={s.key} data-testid="spectrum-row">
          <Text fw={600} size="sm">
            {dimensionName(s.key)}
          </Text>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="xs" c="dimmed" maw="45%">
              {t("report:spectrum.management", { text: t(`report:spectrum.managementOf.${s.key}`) })}
            </Text>
            <Text size="xs" c="dimmed" ta="right" maw="45%">
              {t("report:spectrum.leadership", { text: t(`report:spectrum.leadershipOf.${s.key}`) })}
            </Text>
          </Group>
          <Box
            pos="relative"
            h={14}
            mt={4}
            style={{
              borderRadius: 7,
              background: `linear-gradient(90deg, #e9ecef, ${DIMENSION_COLORS[s.key]}55)`,
            }}
          >
            {s.position !== null ? (
              <Marker
                at={s.position}
                color={DIMENSION_COLORS[s.key]}
                filled
                label={t("report:spectrum.others")}
              />
            ) : null}
            {s.selfPosition !== null ? (
              <Marker
                at={s.selfPosition}
                color={DIMENSION_COLORS[s.key]}
                filled={false}
                label={t("report:spectrum.self")}
              />
            ) : null}
          </Box>
          <Text size="xs" mt={4}>
            {everyoneButLabel(report)}:{" "}
            {s.position === null
              ? t("report:spectrum.notShown")
              : t("report:spectrum.position", { percent: percent(s.position) })}
            {" · "}
            {t("report:spectrum.selfPosition", {
              value: s.selfPosition === null ? t("report:spectrum.notRated") : percent(s.selfPosition),
            })}
          </Text>
        </Box>
      ))}
      <Text size="xs" c="dimmed">
        {t("report:spectrum.legend")}
      </Text>
    </Stack>
  );
}
