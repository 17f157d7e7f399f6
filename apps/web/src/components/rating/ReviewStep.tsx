// The last step: what is still unrated (or a comment still too long), then submit or decline.
import { Alert, Button, Card, Group, List, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type Wording, wordingOf } from "./wording";

/** The review's heading takes focus when the review opens. */
export const REVIEW_HEADING_ID = "rating-review-heading";

interface Props {
  missing: ReadonlyArray<{ id: string; text: string; texts: Wording }>;
  /** A comment the domain's schema refuses (too long, control characters). */
  commentProblem: string | null;
  canDecline: boolean;
  onSubmit: () => void;
  onDecline: () => void;
}

export function ReviewStep({ missing, commentProblem, canDecline, onSubmit, onDecline }: Props) {
  const { t } = useTranslation();
  return (
    <Card withBorder>
      <Stack>
        <Title order={3} size="h4" id={REVIEW_HEADING_ID} tabIndex={-1}>
          {t("rating:review.title")}
        </Title>
        {missing.length > 0 ? (
          <Alert color="yellow" title={t("rating:review.missing", { count: missing.length })}>
            <List size="sm">
              {missing.slice(0, 6).map((item) => (
                <List.Item key={item.id}>{wordingOf(item)}</List.Item>
              ))}
            </List>
            {t("rating:review.rateEach")}
          </Alert>
        ) : (
          <Text size="sm">{t("rating:review.allRated")}</Text>
        )}
        {commentProblem ? (
          <Alert color="yellow" title={t("rating:review.commentProblem")}>
            {commentProblem}
          </Alert>
        ) : null}
        <Group>
          <Button onClick={onSubmit} disabled={missing.length > 0 || commentProblem !== null}>
            {t("rating:review.submit")}
          </Button>
          {canDecline ? (
            <Button variant="subtle" color="gray" onClick={onDecline}>
              {t("rating:review.decline")}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}
