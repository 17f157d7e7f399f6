// Choosing the raters by group: colleagues as peers, direct reports or others (each person in one
// group only), externals by e-mail, and the requester as the manager. Anonymous raters are counted
// against the organisation's threshold.
import { Card, Checkbox, Stack, TagsInput, Text } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { PeopleMultiSelect } from "../people/PersonPicker";
import { anonymousCount, type NewRequestValues } from "./newRequestForm";

interface Props {
  form: UseFormReturnType<NewRequestValues>;
  /** Never offered in any group: the subject and the requester. */
  exclude: readonly string[];
  threshold: number;
  selfRequest: boolean;
}

const GROUPS = [{ field: "peers" }, { field: "reports" }, { field: "others" }] as const;

export function RaterPicker({ form, exclude, threshold, selfRequest }: Props) {
  const { t } = useTranslation();
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
          <Text fw={600}>{t("requests:raters.title")}</Text>
          <Text size="sm" c="dimmed">
            {t("requests:raters.anonymous", { threshold, minimum, maximum })}{" "}
            {selfRequest ? "" : t("requests:raters.selfRates")}
          </Text>
        </div>
        {GROUPS.map((group) => (
          <PeopleMultiSelect
            key={group.field}
            label={t(`requests:raters.${group.field}`)}
            placeholder={t("requests:raters.search")}
            value={values[group.field]}
            onChange={(ids) => form.setFieldValue(group.field, ids)}
            error={form.errors[group.field]}
            exclude={excludeFor(values[group.field])}
            clearable
          />
        ))}
        <TagsInput
          label={t("requests:raters.externals")}
          description={t("requests:raters.externalsHint")}
          {...form.getInputProps("externals")}
          error={externalError}
          splitChars={[",", " ", ";"]}
        />
        {!selfRequest ? (
          <Checkbox
            label={t("requests:raters.managerRates")}
            {...form.getInputProps("managerRates", { type: "checkbox" })}
          />
        ) : null}
        <Text size="sm" data-testid="anonymous-count" c={enough ? undefined : "red"}>
          {t("requests:raters.count", { count })}
        </Text>
      </Stack>
    </Card>
  );
}
