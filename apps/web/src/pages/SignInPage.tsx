// Sign in with e-mail and password (Better Auth). Errors are shown beside the form.
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
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { authClient } from "../lib/auth-client";

export function SignInPage() {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    const result = await authClient.signIn.email({ email: email.trim(), password });
    setPending(false);
    if (result.error) {
      setError(
        result.error.status === 401
          ? "That e-mail and password do not match. Check both and try again."
          : result.error.status === 429
            ? "Too many attempts. Wait a few seconds and try again."
            : (result.error.message ?? "Sign-in failed. Try again."),
      );
      return;
    }
    queryClient.clear();
    const next = params.get("next");
    navigate(next?.startsWith("/") && !next.startsWith("//") ? next : "/", { replace: true });
  };

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={400}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <div>
              <Title order={1} size="h2">
                Sign in to Fivefold
              </Title>
              <Text c="dimmed" size="sm">
                360-degree leadership feedback, anonymous by design.
              </Text>
            </div>
            {params.get("password") === "set" && !error ? (
              <Alert color="green" title="Password saved">
                Sign in with your new password.
              </Alert>
            ) : null}
            {error ? (
              <Alert color="red" role="alert" title="Sign-in failed">
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
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <Button type="submit" loading={pending} disabled={!email || !password}>
              Sign in
            </Button>
            <Anchor component={Link} to="/set-password" size="sm">
              First time here, or forgot your password?
            </Anchor>
            <Text size="xs" c="dimmed">
              Trying the demo? Every Acme person signs in with the password <code>fivefold-demo</code>, for
              example{" "}
              <Anchor size="xs" component="span">
                admin@acme.test
              </Anchor>
              .
            </Text>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
