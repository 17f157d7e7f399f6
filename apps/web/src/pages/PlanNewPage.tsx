// Old links to "/plans/new?requestId=…" lead to the report, whose first card makes the plan.
import { Navigate, useSearchParams } from "react-router";

export default function PlanNewPage() {
  const [params] = useSearchParams();
  const requestId = params.get("requestId");
  return <Navigate to={requestId ? `/reports/${requestId}` : "/plans"} replace />;
}
