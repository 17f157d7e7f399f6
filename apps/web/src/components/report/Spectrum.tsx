// Leadership versus management: per dimension, where others see the person (and where they see
// themselves) on the line from the management counterpart to the leadership habit.
import { Box, Group, Stack, Text } from "@mantine/core";
import { DIMENSION_COLORS } from "../../lib/dimensions";
import { everyoneButLabel, type Report } from "../../lib/report";

const percent = (value: number) => `${Math.round(value * 100)}%`;

function Marker({ at, color, filled, label }: { at: number; color: string; filled: boolean; label: string }) {
  return (
    <Box
      pos="absolute"
      top={-3}
      w={20}
      h={20}
      title={label}
      style={{
        left: `calc(${percent(at)} - 10px)`,
        borderRadius: 10,
        background: filled ? color : "white",
        border: filled ? "2px solid white" : `3px solid ${color}`,
      }}
    />
  );
}

export function Spectrum({ report }: { report: Report }) {
  const names = new Map(report.profile.map((p) => [p.key, p.name]));
  return (
    <Stack gap="lg">
      {report.spectrum.map((s) => (
        <Box key={s.key} data-testid="spectrum-row">
          <Text fw={600} size="sm">
            {names.get(s.key)}
          </Text>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="xs" c="dimmed" maw="45%">
              Management: {s.management}
            </Text>
            <Text size="xs" c="dimmed" ta="right" maw="45%">
              Leadership: {s.leadership}
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
              <Marker at={s.position} color={DIMENSION_COLORS[s.key]} filled label="How others see you" />
            ) : null}
            {s.selfPosition !== null ? (
              <Marker
                at={s.selfPosition}
                color={DIMENSION_COLORS[s.key]}
                filled={false}
                label="How you see yourself"
              />
            ) : null}
          </Box>
          <Text size="xs" mt={4}>
            {everyoneButLabel(report)}:{" "}
            {s.position === null ? "not shown" : `${percent(s.position)} of the way to the leadership habit`}
            {" · "}Self: {s.selfPosition === null ? "not rated" : percent(s.selfPosition)}
          </Text>
        </Box>
      ))}
      <Text size="xs" c="dimmed">
        Filled dot: how others see you. Ring: how you see yourself. Far right means others see the leadership
        habit almost always; far left, the management counterpart.
      </Text>
    </Stack>
  );
}
