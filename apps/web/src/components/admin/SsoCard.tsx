// Single sign-on on the settings page (admins): the organisation's OpenID provider (issuer, client
// id, client secret, the e-mail domains it covers) and whether passwords are switched off. The
// client secret is write-only: the field starts empty, and leaving it empty keeps the stored one.
import type { SsoSettings } from "@fivefold/domain";
import {
  Alert,
  Button,
  Card,
  Code,
  Group,
  PasswordInput,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../lib/labels";
import { useTRPC } from "../../lib/trpc";

export function SsoCard() {
  const trpc = useTRPC();
  const { t } = useTranslation();
  const sso = useQuery(trpc.sso.get.queryOptions());
  return (
    <Card withBorder>
      <Stack>
        <Title order={3} size="h4">
          {t("admin:sso.title")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("admin:sso.intro")}
        </Text>
        {sso.isError ? (
          <Alert color="red" role="alert">
            {errorMessage(sso.error)}
          </Alert>
        ) : null}
        {sso.data ? <SsoForm current={sso.data} /> : null}
      </Stack>
    </Card>
  );
}

function SsoForm({ current }: { current: SsoSettings }) {
  const trpc = useTRPC();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [issuer, setIssuer] = useState(current.issuer ?? "");
  const [clientId, setClientId] = useState(current.clientId ?? "");
  const [clientSecret, setClientSecret] = useState("");
  const [domains, setDomains] = useState(current.domains.join(", "));
  const [passwordsDisabled, setPasswordsDisabled] = useState(current.passwordsDisabled);
  const [trustUnstated, setTrustUnstated] = useState(current.trustUnstatedVerification);
  const [saved, setSaved] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.sso.get.queryKey() });
  const update = useMutation(
    trpc.sso.update.mutationOptions({
      onSuccess: async () => {
        setSaved(true);
        setClientSecret("");
        await refresh();
      },
    }),
  );
  const remove = useMutation(trpc.sso.remove.mutationOptions({ onSuccess: refresh }));
  const save = () => {
    setSaved(false);
    update.mutate({
      issuer,
      clientId,
      clientSecret: clientSecret || undefined,
      domains: domains.split(/[\s,]+/).filter(Boolean),
      passwordsDisabled,
      trustUnstatedVerification: trustUnstated,
    });
  };
  return (
    <Stack>
      <Text size="sm">
        {t("admin:sso.redirect")} <Code>{current.redirectUri}</Code>
      </Text>
      <TextInput
        label={t("admin:sso.issuer")}
        value={issuer}
        onChange={(e) => setIssuer(e.currentTarget.value)}
      />
      <TextInput
        label={t("admin:sso.clientId")}
        value={clientId}
        onChange={(e) => setClientId(e.currentTarget.value)}
      />
      <PasswordInput
        label={t("admin:sso.clientSecret")}
        description={current.hasClientSecret ? t("admin:common.storedNeverShown") : undefined}
        autoComplete="off"
        value={clientSecret}
        onChange={(e) => setClientSecret(e.currentTarget.value)}
      />
      <TextInput
        label={t("admin:sso.domains")}
        description={t("admin:sso.domainsHelp")}
        value={domains}
        onChange={(e) => setDomains(e.currentTarget.value)}
      />
      <SsoSwitches
        trustUnstated={trustUnstated}
        onTrustUnstated={setTrustUnstated}
        passwordsDisabled={passwordsDisabled}
        onPasswordsDisabled={setPasswordsDisabled}
      />
      <SsoActions
        error={update.error}
        saved={saved}
        onSave={save}
        saving={update.isPending}
        onRemove={current.configured ? () => remove.mutate() : null}
        removing={remove.isPending}
      />
    </Stack>
  );
}

/** What the last save said, and the buttons: save, and remove once single sign-on is set up. */
function SsoActions(props: {
  error: unknown;
  saved: boolean;
  onSave: () => void;
  saving: boolean;
  onRemove: (() => void) | null;
  removing: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      {props.error ? (
        <Alert color="red" role="alert">
          {errorMessage(props.error)}
        </Alert>
      ) : null}
      {props.saved ? <Alert color="green">{t("admin:sso.saved")}</Alert> : null}
      <Group>
        <Button onClick={props.onSave} loading={props.saving}>
          {t("admin:sso.save")}
        </Button>
        {props.onRemove ? (
          <Button variant="default" color="red" onClick={props.onRemove} loading={props.removing}>
            {t("admin:sso.remove")}
          </Button>
        ) : null}
      </Group>
    </>
  );
}

function SsoSwitches(props: {
  trustUnstated: boolean;
  onTrustUnstated: (value: boolean) => void;
  passwordsDisabled: boolean;
  onPasswordsDisabled: (value: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Switch
        label={t("admin:sso.trustUnstated")}
        checked={props.trustUnstated}
        onChange={(e) => props.onTrustUnstated(e.currentTarget.checked)}
      />
      <Switch
        label={t("admin:sso.passwordsOff")}
        checked={props.passwordsDisabled}
        onChange={(e) => props.onPasswordsDisabled(e.currentTarget.checked)}
      />
    </>
  );
}
