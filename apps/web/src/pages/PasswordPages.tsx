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
import { Link, useNavigate, useSearchParams } from "react-router";
import { authClient } from "../lib/auth-client";

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
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    const result = await authClient.requestPasswordReset({ email: email.trim().toLowerCase() });
    setPending(false);
    if (result.error) setError(result.error.message ?? "The link could not be sent. Try again.");
    else setSent(true);
  };

  return (
    <Frame title="Set or reset your password">
      {sent ? (
        <Alert color="green" title="Check your e-mail">
          If {email.trim()} belongs to someone in a Fivefold organisation, a link to choose a password is on
          its way. It works once, for three days.
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">
              First time here, or forgot your password? Enter your work e-mail and we will send you a link to
              choose one.
            </Text>
            {error ? (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            ) : null}
            <TextInput
              label="E-mail"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
            />
            <Button type="submit" loading={pending} disabled={!email.includes("@")}>
              Send me a link
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/sign-in" size="sm">
        Back to sign in
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

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password.length < 8 || mismatch) return;
    setPending(true);
    setError(null);
    const result = await authClient.resetPassword({ newPassword: password, token });
    setPending(false);
    if (result.error) {
      setError(
        result.error.code === "INVALID_TOKEN"
          ? "This link has expired or was already used. Ask for a new one."
          : (result.error.message ?? "The password was not saved. Try again."),
      );
      return;
    }
    navigate("/sign-in?password=set", { replace: true });
  };

  if (!token) {
    return (
      <Frame title="Choose a password">
        <Alert color="orange">This page needs the link from your e-mail.</Alert>
        <Anchor component={Link} to="/set-password" size="sm">
          Ask for a new link
        </Anchor>
      </Frame>
    );
  }
  return (
    <Frame title="Choose a password">
      <form onSubmit={submit} noValidate>
        <Stack>
          {error ? (
            <Alert color="red" role="alert">
              {error}{" "}
              <Anchor component={Link} to="/set-password" inherit>
                Ask for a new link
              </Anchor>
            </Alert>
          ) : null}
          <PasswordInput
            label="New password"
            description="At least 8 characters."
            autoComplete="new-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={password.length > 0 && password.length < 8 ? "Use at least 8 characters" : undefined}
          />
          <PasswordInput
            label="Repeat it"
            autoComplete="new-password"
            required
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            error={mismatch ? "The two passwords differ" : undefined}
          />
          <Button type="submit" loading={pending} disabled={password.length < 8 || confirm !== password}>
            Save my password
          </Button>
        </Stack>
      </form>
    </Frame>
  );
}
