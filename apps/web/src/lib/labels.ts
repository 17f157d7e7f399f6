// Words the UI uses for rater groups and request states.
import type { RaterGroup } from "@fivefold/domain";

export const GROUP_LABELS: Record<RaterGroup, string> = {
  self: "Self",
  manager: "Manager",
  peer: "Peers",
  direct_report: "Direct reports",
  other: "Others",
};

export const STATE_LABELS: Record<string, { label: string; color: string }> = {
  draft: { label: "Draft", color: "gray" },
  open: { label: "Collecting", color: "blue" },
  closed: { label: "Closed", color: "gray" },
  released: { label: "Released", color: "green" },
  insufficient: { label: "Too few answers", color: "orange" },
  cancelled: { label: "Cancelled", color: "gray" },
  pending: { label: "Not started", color: "gray" },
  "started-here": { label: "Draft on this device", color: "blue" },
  submitted: { label: "Submitted", color: "green" },
  declined: { label: "Declined", color: "gray" },
};

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : "Something went wrong";
}
