// Choosing the raters by group: colleagues as peers, direct reports or others (each person in one
// group only), externals by e-mail, and the requester as the manager. Anonymous raters are counted
// against the organisation's threshold.
import { Card, Checkbox, Stack, TagsInput, Text } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { PeopleMultiSelect } from "../people/PersonPicker";
import { anonymousCount, type NewRequestValues } from "./newRequestForm";

interface Props {
  form: UseFormReturnType<NewRequestValues>;
  /** Never offered in any group: the subject and the requester. */
  exclude: readonly string[];
  threshold: number;
  selfRequest: boolean;
}

const GROUPS = [
  { field: "peers", label: "Peers" },
  { field: "reports", label: "Direct reports" },
  { field: "others", label: "Other colleagues" },
] as const;

export function RaterPicker({ form, exclude, threshold, selfRequest }: Props) {
  const { values } = form;
  const { count, minimum, maximum, enough } = anonymousCount(values, threshold);
  // Each person in one group only: those chosen in the other groups are not offered.
  const excludeFor = (own: readonly string[]) => [
    ...exclude,
    ...GROUPS.flatMap((g) => values[g.field]).filter((id) => !own.includes(id)),
  ];
  const externalError = Object.entries(form.errors).find(([path]) => path.startsWith("externals"))?.[1];
  return (
    <Card withBorder>
      <Stack>
        <div>
          <Text fw={600}>Raters</Text>
          <Text size="sm" c="dimmed">
            Peers, direct reports and others are anonymous: their answers are only shown combined with at
            least {threshold} people. Invite {minimum} to {maximum} of them.{" "}
            {selfRequest ? "" : "The subject rates themself automatically."}
          </Text>
        </div>
        {GROUPS.map((group) => (
          <PeopleMultiSelect
            key={group.field}
            label={group.label}
            placeholder="Search by name or e-mail"
            value={values[group.field]}
            onChange={(ids) => form.setFieldValue(group.field, ids)}
            error={form.errors[group.field]}
            exclude={excludeFor(values[group.field])}
            clearable
          />
        ))}
        <TagsInput
          label="External raters (e-mail)"
          description="People outside the organisation answer through a one-time link."
          {...form.getInputProps("externals")}
          error={externalError}
          splitChars={[",", " ", ";"]}
        />
        {!selfRequest ? (
          <Checkbox
            label="I will rate as the manager (shown apart and labelled Manager)"
            {...form.getInputProps("managerRates", { type: "checkbox" })}
          />
        ) : null}
        <Text size="sm" data-testid="anonymous-count" c={enough ? undefined : "red"}>
          {count} anonymous rater{count === 1 ? "" : "s"} selected
        </Text>
      </Stack>
    </Card>
  );
}
