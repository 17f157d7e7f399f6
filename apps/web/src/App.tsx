// Providers and routes. Pages are loaded per route so the first page stays light.
import { MantineProvider } from "@mantine/core";
import { QueryClientProvider } from "@tanstack/react-query";
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { createBrowserRouter, RouterProvider } from "react-router";
import { PageLoader } from "./components/PageLoader";
import { Shell } from "./components/Shell";
import { makeQueryClient, makeTrpcClient, TRPCProvider } from "./lib/trpc";
import { RequestPasswordPage, ResetPasswordPage } from "./pages/PasswordPages";
import { SignInPage } from "./pages/SignInPage";
import { cssVariablesResolver, theme } from "./theme";

const HomePage = lazy(() => import("./pages/HomePage"));
const InboxPage = lazy(() => import("./pages/InboxPage"));
const FeedbackPage = lazy(() => import("./pages/FeedbackPage"));
const RequestsPage = lazy(() => import("./pages/RequestsPage"));
const NewRequestPage = lazy(() => import("./pages/NewRequestPage"));
const RequestPage = lazy(() => import("./pages/RequestPage"));
const MailboxPage = lazy(() => import("./pages/MailboxPage"));
const ReportsPage = lazy(() => import("./pages/ReportsPage"));
const ReportPage = lazy(() => import("./pages/ReportPage"));
const PlansPage = lazy(() => import("./pages/PlansPage"));
const PlanNewPage = lazy(() => import("./pages/PlanNewPage"));
const PlanPage = lazy(() => import("./pages/PlanPage"));
const SupportPage = lazy(() => import("./pages/SupportPage"));
const ProfilePage = lazy(() => import("./pages/ProfilePage"));
const DashboardsPage = lazy(() => import("./pages/DashboardsPage"));
const TeamDashboardPage = lazy(() => import("./pages/TeamDashboardPage"));
const AdminPeoplePage = lazy(() => import("./pages/AdminPeoplePage"));
const AdminImportPage = lazy(() => import("./pages/AdminImportPage"));
const AdminTeamsPage = lazy(() => import("./pages/AdminTeamsPage"));
const AdminSettingsPage = lazy(() => import("./pages/AdminSettingsPage"));
const AdminAuditPage = lazy(() => import("./pages/AdminAuditPage"));
const AdminInstrumentPage = lazy(() => import("./pages/AdminInstrumentPage"));
const AdminMailPage = lazy(() => import("./pages/AdminMailPage"));
const AdminCyclesPage = lazy(() => import("./pages/AdminCyclesPage"));
const AdminCycleNewPage = lazy(() => import("./pages/AdminCycleNewPage"));
const AdminCyclePage = lazy(() => import("./pages/AdminCyclePage"));
const CycleRatersPage = lazy(() => import("./pages/CycleRatersPage"));
const CycleApprovalsPage = lazy(() => import("./pages/CycleApprovalsPage"));
const OrgViewPage = lazy(() => import("./pages/OrgViewPage"));
const TokenFeedbackPage = lazy(() => import("./pages/TokenFeedbackPage"));
const TokenPulsePage = lazy(() => import("./pages/TokenPulsePage"));
const PulsePage = lazy(() => import("./pages/PulsePage"));
const NotFoundPage = lazy(() => import("./pages/NotFoundPage"));

const lazyPage = (Page: React.ComponentType) => (
  <Suspense fallback={<PageLoader />}>
    <Page />
  </Suspense>
);

const router = createBrowserRouter([
  { path: "/sign-in", element: <SignInPage /> },
  { path: "/set-password", element: <RequestPasswordPage /> },
  { path: "/reset-password", element: <ResetPasswordPage /> },
  { path: "/r/:token", element: lazyPage(TokenFeedbackPage) },
  { path: "/pulse/:token", element: lazyPage(TokenPulsePage) },
  {
    path: "/",
    element: <Shell />,
    children: [
      { index: true, element: lazyPage(HomePage) },
      { path: "inbox", element: lazyPage(InboxPage) },
      { path: "feedback/:invitationId", element: lazyPage(FeedbackPage) },
      { path: "pulses/:requestId", element: lazyPage(PulsePage) },
      { path: "requests", element: lazyPage(RequestsPage) },
      { path: "requests/new", element: lazyPage(NewRequestPage) },
      { path: "requests/:requestId", element: lazyPage(RequestPage) },
      { path: "mailbox", element: lazyPage(MailboxPage) },
      { path: "reports", element: lazyPage(ReportsPage) },
      { path: "reports/:requestId", element: lazyPage(ReportPage) },
      { path: "plans", element: lazyPage(PlansPage) },
      { path: "plans/new", element: lazyPage(PlanNewPage) },
      { path: "plans/:planId", element: lazyPage(PlanPage) },
      { path: "support", element: lazyPage(SupportPage) },
      // A plan I support lives under "Plans I support", so the navigation shows where I am.
      { path: "support/plans/:planId", element: lazyPage(PlanPage) },
      { path: "profile", element: lazyPage(ProfilePage) },
      { path: "dashboards", element: lazyPage(DashboardsPage) },
      { path: "dashboards/:teamId", element: lazyPage(TeamDashboardPage) },
      { path: "admin/people", element: lazyPage(AdminPeoplePage) },
      { path: "admin/import", element: lazyPage(AdminImportPage) },
      { path: "admin/teams", element: lazyPage(AdminTeamsPage) },
      { path: "admin/settings", element: lazyPage(AdminSettingsPage) },
      { path: "admin/audit", element: lazyPage(AdminAuditPage) },
      { path: "admin/instrument", element: lazyPage(AdminInstrumentPage) },
      { path: "admin/mail", element: lazyPage(AdminMailPage) },
      { path: "admin/cycles", element: lazyPage(AdminCyclesPage) },
      { path: "admin/cycles/new", element: lazyPage(AdminCycleNewPage) },
      { path: "admin/cycles/:cycleId", element: lazyPage(AdminCyclePage) },
      { path: "cycles/:cycleId/raters", element: lazyPage(CycleRatersPage) },
      { path: "cycles/:cycleId/approvals", element: lazyPage(CycleApprovalsPage) },
      { path: "org", element: lazyPage(OrgViewPage) },
      { path: "*", element: lazyPage(NotFoundPage) },
    ],
  },
]);

export function App() {
  const [queryClient] = useState(makeQueryClient);
  const [trpcClient] = useState(makeTrpcClient);
  // A new language renders every page again, also those that only format dates and numbers.
  const { i18n } = useTranslation();
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
          <RouterProvider key={i18n.language} router={router} />
        </TRPCProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
