// Which layout a reader sees a report in: the organisation's choice (settings.reportMode) until the
// reader switches, then their own, remembered in this browser for this person (never sent anywhere).
import type { ReportMode } from "@fivefold/domain";
import { useCallback, useState } from "react";

const keyOf = (personId: string) => `fivefold.reportMode.${personId}`;

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null; // storage disabled (some private modes)
  }
}

function remembered(personId: string): ReportMode | null {
  const value = storage()?.getItem(keyOf(personId));
  return value === "scores" || value === "behaviours" ? value : null;
}

export function useReportMode(personId: string, defaultMode: ReportMode) {
  const [chosen, setChosen] = useState<ReportMode | null>(() => remembered(personId));
  const choose = useCallback(
    (mode: ReportMode) => {
      setChosen(mode);
      try {
        storage()?.setItem(keyOf(personId), mode);
      } catch {
        // A full or blocked storage only loses the memory of the choice.
      }
    },
    [personId],
  );
  return { mode: chosen ?? defaultMode, choose };
}
