// My profile: the language I read Fivefold in (the web and my e-mails), whether Fivefold may suggest me
// to colleagues as an accountability partner, and where my notices reach me.

import { DIMENSION_KEYS, type DimensionKey, type Language, partnerOptInSchema } from "@fivefold/domain";
import {
  Alert,
  Badge,
  Button,
  Card,
  Chip,
  Group,
  NativeSelect,
  Stack,
  Switch,
  Text,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorState } from "../components/ErrorState";
import { PageLoader } from "../components/PageLoader";
import { NoticesCard } from "../components/profile/NoticesCard";
import { dimensionLabel } from "../lib/dimensions";
import { schemaResolver } from "../lib/form";
import { useInvalidate } from "../lib/invalidate";
import { errorMessage, roleLabel } from "../lib/labels";
import { useMe } from "../lib/me";
import { useTRPC } from "../lib/trpc";

export default function ProfilePage() {
  const trpc = useTRPC();
  const profile = useQuery(trpc.profile.get.queryOptions());
  const { t } = useTranslation();
  if (profile.isPending) return <PageLoader />;
  if (profile.isError) return <ErrorState error={profile.error} onRetry={() => profile.refetch()} />;
  const p = profile.data;
  return (
    <Stack maw={760} gap="lg">
      <Title order={2}>{t("shell:nav.profile")}</Title>
      <Card withBorder>
        <Stack gap={4}>
          <Text fw={600}>{p.person.name}</Text>
          <Text size="sm" c="dimmed">
            {p.person.email} · {p.org.name}
          </Text>
          <Group gap="xs" mt={4}>
            {p.roles.map((role) => (
              <Badge key={role} variant="light">
                {roleLabel(role)}
              </Badge>
            ))}
          </Group>
        </Stack>
      </Card>
      <LanguageChoice />
      <PartnerOptIn initial={p.partnerOptIn} />
      <NoticesCard />
    </Stack>
  );
}

const FOLLOW = "organisation";

/** The language I read in; the Shell switches the page as soon as me.get says another one. */
function LanguageChoice() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useMe();
  const { t } = useTranslation();
  const save = useMutation(
    trpc.me.setLanguage.mutationOptions({
      onSuccess: (data) => queryClient.setQueryData(trpc.me.get.queryKey(), data),
    }),
  );
  const options = [
    {
      value: FOLLOW,
      label: t("common:language.followOrganisation", { language: t(`common:language.${me.org.language}`) }),
    },
    { value: "de", label: t("common:language.de") },
    { value: "en", label: t("common:language.en") },
  ];
  return (
    <Card withBorder data-testid="language">
      <NativeSelect
        label={t("common:language.label")}
        description={t("shell:profile.languageHelp")}
        data={options}
        value={me.person.language ?? FOLLOW}
        disabled={save.isPending}
        error={save.isError ? errorMessage(save.error) : undefined}
        onChange={(event) => {
          const value = event.currentTarget.value;
          save.mutate({ language: value === FOLLOW ? null : (value as Language) });
        }}
      />
    </Card>
  );
}

type OptInValues = { optIn: boolean; dimensions: DimensionKey[] };

function PartnerOptIn({ initial }: { initial: OptInValues }) {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const [saved, setSaved] = useState(false);
  const form = useForm<OptInValues>({
    initialValues: initial,
    validate: schemaResolver<OptInValues>(partnerOptInSchema),
    onValuesChange: () => setSaved(false),
  });
  const save = useMutation(
    trpc.profile.setPartnerOptIn.mutationOptions({
      onSuccess: async () => {
        await invalidate.profileChanged();
        setSaved(true);
      },
    }),
  );
  const dirty = JSON.stringify(form.values) !== JSON.stringify(initial);
  const { t } = useTranslation();
  const submit = form.onSubmit(({ optIn, dimensions }) => save.mutate({ optIn, dimensions }));
  return (
    <Card withBorder data-testid="partner-opt-in">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t("shell:profile.partner.title")}
        </Title>
        <Text size="sm">{t("shell:profile.partner.intro")}</Text>
        <Switch
          {...form.getInputProps("optIn", { type: "checkbox" })}
          label={t("shell:profile.partner.optIn")}
        />
        <DimensionChoice
          value={form.values.dimensions}
          onChange={(value) => form.setFieldValue("dimensions", value)}
          disabled={!form.values.optIn}
        />
        {save.isError ? (
          <Alert color="red" role="alert">
            {errorMessage(save.error)}
          </Alert>
        ) : null}
        <Group>
          <Button disabled={!dirty} loading={save.isPending} onClick={() => submit()}>
            {t("common:save")}
          </Button>
          {saved && !dirty ? (
            <Text size="sm" c="green" role="status">
              {t("common:saved")}
            </Text>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}

function DimensionChoice(props: {
  value: DimensionKey[];
  onChange: (value: DimensionKey[]) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div>
      <Text size="sm" fw={600} id="opt-in-dimensions">
        {t("shell:profile.partner.dimensions")}
      </Text>
      <Text size="xs" c="dimmed">
        {t("shell:profile.partner.none")}
      </Text>
      <Chip.Group
        multiple
        value={props.value}
        onChange={(value) => props.onChange(DIMENSION_KEYS.filter((key) => value.includes(key)))}
      >
        <Group gap="xs" mt="xs" role="group" aria-labelledby="opt-in-dimensions">
          {DIMENSION_KEYS.map((key) => (
            <Chip key={key} value={key} disabled={props.disabled}>
              {dimensionLabel(key)}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
    </div>
  );
}
