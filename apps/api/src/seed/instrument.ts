// The demo's own instrument (issue 19): Acme publishes version 2 after its history, with one
// behaviour reworded and one added, so the released reports and the requests collecting now stay
// on the built-in version 1 while every request opened from now on (Winter 2026's included) asks 2.
import type { Database } from "@fivefold/db";
import { builtInItems, type VersionItem } from "@fivefold/domain";
import { publishDraft, saveDraft } from "../services/instrument/edit";
import { contextFactory } from "./context";
import type { SeededOrganisation } from "./organisation";

export const DEMO_ADDED_BEHAVIOUR: VersionItem = {
  key: "empower.credit-others",
  dimension: "empower",
  text: {
    en: "Gives credit to the people who did the work, in front of others",
    de: "Würdigt vor anderen die Menschen, die die Arbeit geleistet haben",
  },
  retired: false,
};

export function demoVersionTwo(): VersionItem[] {
  return [
    ...builtInItems().map((item) =>
      item.key === "vision.4"
        ? {
            ...item,
            text: {
              en: "Is easy to reach and offers help early when someone is stuck",
              de: "Ist leicht erreichbar und bietet früh Hilfe an, wenn jemand nicht weiterkommt",
            },
          }
        : item,
    ),
    DEMO_ADDED_BEHAVIOUR,
  ];
}

export async function seedDemoInstrument(
  db: Database,
  org: SeededOrganisation,
  options: { sealingSecret: string },
): Promise<void> {
  const ctx = (await contextFactory(db, org, options.sealingSecret)).as("admin");
  await saveDraft({ ctx, input: { items: demoVersionTwo() } });
  await publishDraft({ ctx, input: undefined });
}
