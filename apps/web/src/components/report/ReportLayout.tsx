// The report's two layouts (issue 19): "scores" opens with the figures, as before; "behaviours"
// opens with behaviours, suggested actions and the comments' themes, and the scores follow. The
// organisation picks the default; the reader may switch, remembered in this browser.
import type { ReportMode } from "@fivefold/domain";
import { Group, SegmentedControl, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useMe } from "../../lib/me";
import type { Report } from "../../lib/report";
import { useReportMode } from "../../lib/report-mode";
import { BehaviourFirst } from "./BehaviourFirst";
import { Themes } from "./Themes";

/** Called before the report has loaded too (hooks come first), when it falls back to scores. */
export function useReportLayout(report: Report | undefined) {
  return useReportMode(useMe().person.id, report?.defaultMode ?? "scores");
}

export type ReportLayoutState = ReturnType<typeof useReportLayout>;

/** The switch, and in the behaviour-first layout what leads. */
export function ReportLead({ report, layout }: { report: Report; layout: ReportLayoutState }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <Group gap="sm" className="no-print">
        <Text size="sm" id="report-layout-label">
          {t("report:layout.showFirst")}
        </Text>
        <SegmentedControl
          aria-labelledby="report-layout-label"
          value={layout.mode}
          onChange={(value) => layout.choose(value as ReportMode)}
          data={[
            { value: "scores", label: t("report:layout.scores") },
            { value: "behaviours", label: t("report:layout.behaviours") },
          ]}
        />
      </Group>
      {layout.mode === "behaviours" ? (
        <>
          <BehaviourFirst report={report} />
          <Themes report={report} />
        </>
      ) : null}
    </Stack>
  );
}

/** In the scores layout the themes come after the dimensions they belong to. */
export function ThemesAfterScores({ report, layout }: { report: Report; layout: ReportLayoutState }) {
  return layout.mode === "scores" ? <Themes report={report} /> : null;
}
