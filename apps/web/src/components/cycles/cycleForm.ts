// The wizard's values: the calendar and the rater rules, checked with the API's own schema; who
// takes part is chosen apart (a mode and its ids) and checked with the population schema.
import { createCycleInput, cyclePopulationSchema, DEFAULT_CYCLE_RULES } from "@fivefold/domain";
import { useForm } from "@mantine/form";
import i18next from "i18next";
import type { z } from "zod";
import { utcDay } from "../../lib/cycles";
import { schemaResolver } from "../../lib/form";

export interface CycleValues {
  name: string;
  nominationsCloseOn: string;
  answersDueOn: string;
  releaseOn: string;
  rules: {
    self: boolean;
    manager: boolean;
    directReports: "all" | "none";
    peers: { min: number; max: number };
    others: boolean;
    raterCap: number;
  };
}

export type PopulationMode = "everyone" | "teams" | "managers" | "people";
export type Population = z.input<typeof cyclePopulationSchema>;

export function useCycleForm() {
  return useForm<CycleValues>({
    initialValues: {
      name: "",
      nominationsCloseOn: utcDay(7),
      answersDueOn: utcDay(21),
      releaseOn: utcDay(28),
      rules: { ...DEFAULT_CYCLE_RULES, peers: { ...DEFAULT_CYCLE_RULES.peers } },
    },
    validate: schemaResolver<CycleValues>(createCycleInput.omit({ population: true })),
  });
}

export function populationOf(mode: PopulationMode, teamIds: string[], personIds: string[]): Population {
  if (mode === "everyone") return { everyone: true };
  if (mode === "managers") return { managers: true };
  if (mode === "teams") return { teamIds };
  return { personIds };
}

/**
 * What is wrong with the chosen population, in the page's language, or null. The API's schema
 * judges; the sentence follows from which choice it refused (its own messages are English).
 */
export function populationError(population: Population): string | null {
  if (cyclePopulationSchema.safeParse(population).success) return null;
  if ("teamIds" in population) return i18next.t("cycles:population.chooseTeam");
  if ("personIds" in population) return i18next.t("cycles:population.choosePerson");
  return i18next.t("cycles:population.choose");
}

/** The distinct addresses in pasted text (one per line, or separated by commas, semicolons or spaces). */
export function pastedEmails(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((raw) => raw.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}

/** Pasted addresses resolved against the people found for them: the ids found and the addresses not found. */
export function resolveEmails(
  emails: readonly string[],
  found: ReadonlyArray<{ id: string; email: string }>,
): { ids: string[]; unknown: string[] } {
  const byEmail = new Map(found.map((p) => [p.email.toLowerCase(), p.id]));
  const ids = new Set<string>();
  const unknown: string[] = [];
  for (const email of emails) {
    const id = byEmail.get(email);
    if (id) ids.add(id);
    else unknown.push(email);
  }
  return { ids: [...ids], unknown };
}
