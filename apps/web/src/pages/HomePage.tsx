// Home: who you are and what you can do here.
import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useMe } from "../lib/me";

export default function HomePage() {
  const me = useMe();
  return (
    <Stack maw={960}>
      <div>
        <Title order={2}>Welcome, {me.person.name.split(" ")[0]}</Title>
        <Text c="dimmed">
          {me.org.name} · anonymity threshold {me.org.anonymityThreshold} raters
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Card withBorder>
          <Text fw={600}>You</Text>
          <Text size="sm">{me.person.name}</Text>
          <Text size="sm" c="dimmed">
            {me.person.email}
          </Text>
        </Card>
        <Card withBorder>
          <Text fw={600}>Your roles</Text>
          <Group gap="xs" mt={4}>
            {me.roles.map((role) => (
              <Badge key={role} variant="light">
                {role}
              </Badge>
            ))}
          </Group>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
