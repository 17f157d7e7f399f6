// Sign in with e-mail and password (Better Auth), or through the organisation's identity provider
// ("Sign in with your company account", /api/auth/sso/start). Errors are shown beside the form.
import {
  Alert,
  Anchor,
  Button,
  Center,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import i18next from "i18next";
import { useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { authClient } from "../lib/auth-client";
import { authErrorText } from "../lib/auth-errors";

/** Why the identity provider's sign-in was refused (`?sso=<reason>`), as `shell:signIn.sso.<reason>`. */
const SSO_REFUSALS = new Set(["other-domain", "no-person", "unverified-email", "failed"]);

async function startCompanySignIn(email: string): Promise<string> {
  const response = await fetch("/api/auth/sso/start", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email }),
  });
  if (response.ok) {
    window.location.assign(((await response.json()) as { url: string }).url);
    return "";
  }
  if (response.status === 404) return i18next.t("shell:signIn.sso.none");
  if (response.status === 429) {
    const body = (await response.json().catch(() => ({}))) as { message?: string };
    return authErrorText({ status: 429, message: body.message }, i18next.t("shell:signIn.sso.notStarted"));
  }
  return i18next.t("shell:signIn.sso.notStarted");
}

export function SignInPage() {
  const form = useForm({ initialValues: { email: "", password: "" } });
  const { email, password } = form.values;
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  const sso = params.get("sso") ?? "";
  const ssoRefusal = SSO_REFUSALS.has(sso) ? t(`shell:signIn.sso.${sso}`) : null;
  const company = async () => {
    setError(null);
    setPending(true);
    const problem = await startCompanySignIn(email.trim());
    setPending(false);
    if (problem) setError(problem);
  };

  const submit = form.onSubmit(async () => {
    setPending(true);
    setError(null);
    const result = await authClient.signIn.email({ email: email.trim(), password });
    setPending(false);
    if (result.error) {
      setError(authErrorText(result.error, t("shell:signIn.error.failed")));
      return;
    }
    queryClient.clear();
    const next = params.get("next");
    navigate(next?.startsWith("/") && !next.startsWith("//") ? next : "/", { replace: true });
  });

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={400}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <SignInTitle />
            {params.get("password") === "set" && !error ? (
              <Alert color="green" title={t("shell:signIn.passwordSaved")}>
                {t("shell:signIn.withNewPassword")}
              </Alert>
            ) : null}
            {error || ssoRefusal ? (
              <Alert color="red" role="alert" title={t("shell:signIn.failedTitle")}>
                {error ?? ssoRefusal}
              </Alert>
            ) : null}
            <TextInput
              label={t("common:email")}
              type="email"
              autoComplete="username"
              required
              {...form.getInputProps("email")}
            />
            <PasswordInput
              label={t("common:password")}
              autoComplete="current-password"
              required
              {...form.getInputProps("password")}
            />
            <Button type="submit" loading={pending} disabled={!email || !password}>
              {t("shell:signIn.submit")}
            </Button>
            <Button variant="default" onClick={company} disabled={!email || pending}>
              {t("shell:signIn.company")}
            </Button>
            <SignInHelp />
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}

function SignInTitle() {
  const { t } = useTranslation();
  return (
    <div>
      <Title order={1} size="h2">
        {t("shell:signIn.title")}
      </Title>
      <Text c="dimmed" size="sm">
        {t("shell:signIn.tagline")}
      </Text>
    </div>
  );
}

function SignInHelp() {
  const { t } = useTranslation();
  return (
    <>
      <Anchor component={Link} to="/set-password" size="sm">
        {t("shell:signIn.firstTime")}
      </Anchor>
      <Text size="xs" c="dimmed">
        <Trans
          i18nKey="shell:signIn.demo"
          values={{ password: "fivefold-demo", email: "admin@acme.test" }}
          components={{ code: <code />, example: <Anchor size="xs" component="span" /> }}
        />
      </Text>
    </>
  );
}
