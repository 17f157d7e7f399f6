// The last step: what is still unrated (or a comment still too long), then submit or decline.
import { Alert, Button, Card, Group, List, Stack, Text, Title } from "@mantine/core";

/** The review's heading takes focus when the review opens. */
export const REVIEW_HEADING_ID = "rating-review-heading";

interface Props {
  missing: ReadonlyArray<{ id: string; text: string }>;
  /** A comment the domain's schema refuses (too long, control characters). */
  commentProblem: string | null;
  canDecline: boolean;
  onSubmit: () => void;
  onDecline: () => void;
}

export function ReviewStep({ missing, commentProblem, canDecline, onSubmit, onDecline }: Props) {
  return (
    <Card withBorder>
      <Stack>
        <Title order={3} size="h4" id={REVIEW_HEADING_ID} tabIndex={-1}>
          Review and submit
        </Title>
        {missing.length > 0 ? (
          <Alert color="yellow" title={`${missing.length} behaviour(s) not rated yet`}>
            <List size="sm">
              {missing.slice(0, 6).map((item) => (
                <List.Item key={item.id}>{item.text}</List.Item>
              ))}
            </List>
            Rate each one, or mark it not observed.
          </Alert>
        ) : (
          <Text size="sm">Every behaviour is rated. Once submitted, your answers cannot be changed.</Text>
        )}
        {commentProblem ? (
          <Alert color="yellow" title="A comment needs a change">
            {commentProblem}
          </Alert>
        ) : null}
        <Group>
          <Button onClick={onSubmit} disabled={missing.length > 0 || commentProblem !== null}>
            Submit feedback
          </Button>
          {canDecline ? (
            <Button variant="subtle" color="gray" onClick={onDecline}>
              Decline to answer
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}
