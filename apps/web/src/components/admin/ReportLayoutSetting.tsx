// The organisation's report layout (settings.reportMode): how reports open for every reader, who
// may still switch for themself.
import { Card, Radio, Stack, Title } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import type { SettingsValues } from "./settingsForm";

export function ReportLayoutSetting({ form }: { form: UseFormReturnType<SettingsValues> }) {
  return (
    <Card withBorder>
      <Stack>
        <Title order={3} size="h4">
          Reports
        </Title>
        <Radio.Group
          label="How reports open"
          description="Each reader can still switch on the report; their choice is kept in their browser."
          {...form.getInputProps("reportMode")}
        >
          <Stack gap="xs" mt="xs">
            <Radio value="scores" label="Scores first: the profile and figures, then the comments" />
            <Radio
              value="behaviours"
              label="Behaviours first: what to keep doing and what to try next, with suggested actions and the comments' themes; the scores follow"
            />
          </Stack>
        </Radio.Group>
      </Stack>
    </Card>
  );
}
