// A dimension's name with its colour, the same colour as everywhere else in Fivefold.

import type { DimensionKey } from "@fivefold/domain";
import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DIMENSION_COLORS } from "../../lib/dimensions";
import { dimensionName } from "./types";

export function DimensionTag({ dimension }: { dimension: string }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="outline"
      color={DIMENSION_COLORS[dimension as DimensionKey] ?? "gray"}
      styles={{ label: { color: "var(--mantine-color-text)" } }}
    >
      {dimensionName(t, dimension)}
    </Badge>
  );
}
