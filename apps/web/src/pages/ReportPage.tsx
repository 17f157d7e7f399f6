// The released report: for its subject, the plan as the next step first; then summary, profile,
// leadership vs management, highlights, each dimension with its behaviours and comments, and the
// trend. Printable; figures downloadable as CSV.
import { Stack, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ErrorState } from "../components/ErrorState";
import { PageLoader } from "../components/PageLoader";
import { DimensionDetail } from "../components/report/DimensionDetail";
import { Highlights } from "../components/report/Highlights";
import { NextStep } from "../components/report/NextStep";
import { ProfileChart } from "../components/report/ProfileChart";
import { ReportLead, ThemesAfterScores, useReportLayout } from "../components/report/ReportLayout";
import { ReportHeader, WhoAnswered } from "../components/report/ReportSummary";
import { Spectrum } from "../components/report/Spectrum";
import { ThankRaters } from "../components/report/ThankRaters";
import { Trend } from "../components/report/Trend";
import { everyoneButLabel } from "../lib/report";
import { useTRPC } from "../lib/trpc";

export default function ReportPage() {
  const { requestId = "" } = useParams();
  const { t } = useTranslation();
  const trpc = useTRPC();
  const report = useQuery(trpc.reports.get.queryOptions({ requestId }));
  const layout = useReportLayout(report.data);
  if (report.isPending) return <PageLoader />;
  if (report.isError) return <ErrorState error={report.error} />;
  const r = report.data;
  const own = r.relation === "self";

  return (
    <Stack maw={1100} gap="lg">
      <ReportHeader report={r} own={own} />
      {own ? <NextStep requestId={r.requestId} /> : null}
      <ReportLead report={r} layout={layout} />
      <WhoAnswered report={r} />
      <section className="avoid-break">
        <Title order={3} mb="sm">
          {t("report:section.profile")}
        </Title>
        <ProfileChart report={r} />
      </section>

      <section className="avoid-break">
        <Title order={3} mb="sm">
          {t("report:section.spectrum")}
        </Title>
        <Spectrum report={r} />
      </section>

      <section>
        <Title order={3} mb="sm">
          {t("report:section.highlights")}
        </Title>
        <Highlights report={r} />
      </section>

      <section>
        <Title order={3} mb="sm">
          {t("report:section.dimensions")}
        </Title>
        <Stack>
          {r.dimensions.map((d) => (
            <DimensionDetail
              key={d.key}
              dimension={d}
              othersLabel={everyoneButLabel(r)}
              version={r.instrumentVersion}
              comments={[
                ...r.comments.filter((c) => c.dimension === d.key),
                ...r.identifiedComments.filter((c) => c.dimension === d.key),
              ]}
            />
          ))}
        </Stack>
      </section>

      <ThemesAfterScores report={r} layout={layout} />
      {own ? <ThankRaters requestId={r.requestId} /> : null}

      <section className="avoid-break">
        <Title order={3} mb="sm">
          {t("report:section.trend")}
        </Title>
        <Trend report={r} />
      </section>
    </Stack>
  );
}
