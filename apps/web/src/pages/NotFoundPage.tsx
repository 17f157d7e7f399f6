import { Anchor, Stack, Text, Title } from "@mantine/core";
import { Trans, useTranslation } from "react-i18next";
import { Link } from "react-router";

export default function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={2}>{t("shell:notFound.title")}</Title>
      <Text>
        <Trans i18nKey="shell:notFound.text" components={{ go: <Anchor component={Link} to="/" /> }} />
      </Text>
    </Stack>
  );
}
