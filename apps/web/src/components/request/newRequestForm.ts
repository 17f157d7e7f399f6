// The request form's values and their check: the subject, a deadline day within the coming year,
// external raters given as e-mail addresses the domain accepts. How many anonymous raters a request
// needs is the domain's rule too (the organisation's threshold, at most twenty); the server checks
// it again when the request opens.
import {
  addDays,
  externalEmailSchema,
  isoDay,
  MAX_ANONYMOUS_RATERS,
  minimumAnonymousRaters,
  type RaterGroup,
} from "@fivefold/domain";
import { useForm } from "@mantine/form";
import i18next from "i18next";
import { z } from "zod";
import { schemaResolver } from "../../lib/form";

export const inDays = (days: number) => addDays(isoDay(new Date()), days);

export type NewRequestValues = {
  subjectId: string | null;
  peers: string[];
  reports: string[];
  others: string[];
  externals: string[];
  managerRates: boolean;
  deadline: string;
  mode: "open" | "draft";
};

const newRequestSchema = z.object({
  // Messages are looked up when a value is checked, so they follow the page's language.
  subjectId: z.string({ error: () => i18next.t("requests:new.errors.subject") }),
  deadline: z.iso.date({ error: () => i18next.t("requests:new.errors.deadline") }),
  // The API's own check: a trailing comma or space is dropped, anything else wrong is named.
  externals: z.array(externalEmailSchema),
});

export function useNewRequestForm() {
  return useForm<NewRequestValues>({
    initialValues: {
      subjectId: null,
      peers: [],
      reports: [],
      others: [],
      externals: [],
      managerRates: true,
      deadline: inDays(14),
      mode: "open",
    },
    validate: schemaResolver<NewRequestValues>(newRequestSchema),
    validateInputOnChange: ["externals"],
  });
}

/** Anonymous raters chosen, and whether that many can make a report under threshold k. */
export function anonymousCount(values: NewRequestValues, threshold: number) {
  const count = values.peers.length + values.reports.length + values.others.length + values.externals.length;
  const minimum = minimumAnonymousRaters(threshold);
  return {
    count,
    minimum,
    maximum: MAX_ANONYMOUS_RATERS,
    enough: count >= minimum && count <= MAX_ANONYMOUS_RATERS,
  };
}

/** The raters as the API takes them; the requester rates as the manager unless it is about them. */
export function ratersOf(values: NewRequestValues, me: string, selfRequest: boolean) {
  const colleagues = (ids: string[], group: RaterGroup) => ids.map((personId) => ({ personId, group }));
  return [
    ...colleagues(values.peers, "peer"),
    ...colleagues(values.reports, "direct_report"),
    ...colleagues(values.others, "other"),
    ...values.externals.map((email) => ({
      email: externalEmailSchema.parse(email),
      group: "other" as const,
    })),
    ...(values.managerRates && !selfRequest ? [{ personId: me, group: "manager" as const }] : []),
  ];
}
