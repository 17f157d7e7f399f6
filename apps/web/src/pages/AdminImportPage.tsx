// Import people from a CSV (admins): paste or upload, check the file (a dry run reporting per row
// what would be created, updated or rejected and why), then apply the accepted rows in one go.
import { MAX_IMPORT_ROWS } from "@fivefold/domain";
import { Alert, Anchor, Button, Checkbox, FileInput, Group, Stack, Textarea, Title } from "@mantine/core";
import { type UseFormReturnType, useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import i18next from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { z } from "zod";
import { ImportHelp, ImportResults } from "../components/admin/ImportResults";
import type { ImportResult } from "../components/admin/types";
import { schemaResolver } from "../lib/form";
import { formatNumber } from "../lib/format";
import { useInvalidate } from "../lib/invalidate";
import { errorMessage } from "../lib/labels";
import { useTRPC } from "../lib/trpc";

type ImportValues = { csv: string; full: boolean };
// The server reads the rows (lib people-import); the browser only refuses what it never could.
const importSchema = z.object({
  csv: z
    .string()
    .refine((csv) => csv.trim() !== "", { error: () => i18next.t("admin:import.csvRequired") })
    .refine((csv) => csv.split("\n").length <= MAX_IMPORT_ROWS + 1, {
      error: () => i18next.t("admin:import.tooManyRows", { max: formatNumber(MAX_IMPORT_ROWS, 0) }),
    }),
  full: z.boolean(),
});

export default function AdminImportPage() {
  const trpc = useTRPC();
  const { t } = useTranslation();
  const invalidate = useInvalidate();
  const form = useForm<ImportValues>({
    initialValues: { csv: "", full: false },
    validate: schemaResolver<ImportValues>(importSchema),
  });
  const { csv, full } = form.values;
  const [checked, setChecked] = useState<{ csv: string; full: boolean; result: ImportResult } | null>(null);
  const [applied, setApplied] = useState<ImportResult | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  const dryRun = useMutation(trpc.people.import.mutationOptions());
  const apply = useMutation(
    trpc.people.import.mutationOptions({
      onSuccess: async (result) => {
        setApplied(result);
        setChecked(null);
        await invalidate.peopleChanged();
      },
    }),
  );

  const readFile = async (file: File | null) => {
    setFileError(null);
    if (!file) return;
    if (file.size > 4_000_000) {
      setFileError(t("admin:import.tooLarge"));
      return;
    }
    form.setFieldValue("csv", await file.text());
    setChecked(null);
    setApplied(null);
  };

  const check = form.onSubmit(() => {
    setApplied(null);
    dryRun.mutate(
      { csv, dryRun: true, deactivateMissing: full },
      { onSuccess: (result) => setChecked({ csv, full, result }) },
    );
  });
  const current = checked && checked.csv === csv && checked.full === full ? checked.result : null;
  const toApply = current ? current.summary.create + current.summary.update + current.summary.deactivate : 0;

  return (
    <Stack maw={1100}>
      <Group justify="space-between">
        <Title order={2}>{t("admin:import.title")}</Title>
        <Anchor component={Link} to="/admin/people">
          {t("admin:import.back")}
        </Anchor>
      </Group>
      <ImportHelp />
      <ImportSource form={form} onFile={readFile} fileError={fileError} />
      <Group>
        <Button onClick={() => check()} loading={dryRun.isPending} disabled={csv.trim() === ""}>
          {t("admin:import.check")}
        </Button>
        {current ? (
          <Button
            color="green"
            onClick={() => apply.mutate({ csv, dryRun: false, deactivateMissing: full })}
            loading={apply.isPending}
            disabled={toApply === 0}
          >
            {toApply === 0 ? t("admin:import.nothingToApply") : t("admin:import.apply", { count: toApply })}
          </Button>
        ) : null}
      </Group>
      <ImportErrors checkError={dryRun.error} applyError={apply.error} />
      <ImportResults stale={Boolean(checked && !current)} current={current} applied={applied} />
    </Stack>
  );
}

function ImportSource(props: {
  form: UseFormReturnType<ImportValues>;
  onFile: (file: File | null) => void;
  fileError: string | null;
}) {
  const { form, onFile: readFile, fileError } = props;
  const { t } = useTranslation();
  return (
    <>
      <FileInput
        label={t("admin:import.upload")}
        placeholder={t("admin:import.uploadPlaceholder")}
        accept=".csv,text/csv,text/plain"
        onChange={readFile}
        error={fileError}
        clearable
      />
      <Textarea
        label={t("admin:import.paste")}
        {...form.getInputProps("csv")}
        autosize
        minRows={6}
        maxRows={16}
        styles={{ input: { fontFamily: "ui-monospace, monospace" } }}
        spellCheck={false}
      />
      <Checkbox label={t("admin:import.full")} {...form.getInputProps("full", { type: "checkbox" })} />
    </>
  );
}

function ImportErrors({ checkError, applyError }: { checkError: unknown; applyError: unknown }) {
  const { t } = useTranslation();
  return (
    <>
      {checkError ? (
        <Alert color="red" role="alert" title={t("admin:import.readError")}>
          {errorMessage(checkError)}
        </Alert>
      ) : null}
      {applyError ? (
        <Alert color="red" role="alert" title={t("admin:import.applyError")}>
          {errorMessage(applyError)}
        </Alert>
      ) : null}
    </>
  );
}
