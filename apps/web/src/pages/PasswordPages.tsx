// Setting a first password, or resetting a forgotten one: ask for the link, then choose the password.
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
import { type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { authClient } from "../lib/auth-client";
import { authErrorText } from "../lib/auth-errors";

function Frame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={420}>
        <Stack>
          <Title order={1} size="h2">
            {title}
          </Title>
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}

export function RequestPasswordPage() {
  const [email, setEmail] = useState("");
  const [sent, setSent] = useState(false);
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    const result = await authClient.requestPasswordReset({ email: email.trim().toLowerCase() });
    setPending(false);
    if (result.error) setError(authErrorText(result.error, t("shell:password.notSent")));
    else setSent(true);
  };

  return (
    <Frame title={t("shell:password.requestTitle")}>
      {sent ? (
        <Alert color="green" title={t("shell:password.checkMail")}>
          {t("shell:password.sent", { email: email.trim() })}
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">{t("shell:password.intro")}</Text>
            {error ? (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            ) : null}
            <TextInput
              label={t("common:email")}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
            />
            <Button type="submit" loading={pending} disabled={!email.includes("@")}>
              {t("shell:password.send")}
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/sign-in" size="sm">
        {t("shell:password.back")}
      </Anchor>
    </Frame>
  );
}

export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const navigate = useNavigate();
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const mismatch = confirm.length > 0 && confirm !== password;
  const { t } = useTranslation();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password.length < 8 || mismatch) return;
    setPending(true);
    setError(null);
    const result = await authClient.resetPassword({ newPassword: password, token });
    setPending(false);
    if (result.error) {
      setError(authErrorText(result.error, t("shell:password.notSaved")));
      return;
    }
    navigate("/sign-in?password=set", { replace: true });
  };

  if (!token) {
    return (
      <Frame title={t("shell:password.chooseTitle")}>
        <Alert color="orange">{t("shell:password.needsLink")}</Alert>
        <Anchor component={Link} to="/set-password" size="sm">
          {t("shell:password.newLink")}
        </Anchor>
      </Frame>
    );
  }
  return (
    <Frame title={t("shell:password.chooseTitle")}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {error ? (
            <Alert color="red" role="alert">
              {error}{" "}
              <Anchor component={Link} to="/set-password" inherit>
                {t("shell:password.newLink")}
              </Anchor>
            </Alert>
          ) : null}
          <PasswordInput
            label={t("shell:password.new")}
            description={t("shell:password.newHelp")}
            autoComplete="new-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={password.length > 0 && password.length < 8 ? t("shell:password.tooShort") : undefined}
          />
          <PasswordInput
            label={t("shell:password.repeat")}
            autoComplete="new-password"
            required
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            error={mismatch ? t("shell:password.differ") : undefined}
          />
          <Button type="submit" loading={pending} disabled={password.length < 8 || confirm !== password}>
            {t("shell:password.save")}
          </Button>
        </Stack>
      </form>
    </Frame>
  );
}
