// What a reader is shown of a released report: the frozen snapshot's figures with the instrument's
// words, and what the domain derives from them. Pure: the verb has loaded and checked everything.
import {
  behaviourFocus,
  type DerivedReport,
  type Instrument,
  noThemes,
  type ReportMode,
  type ReportRelation,
  type ReportSnapshot,
  type ReportView,
} from "@fivefold/domain";

interface Released {
  requestId: string;
  subjectId: string;
  subjectName: string;
  relation: ReportRelation;
  /** ISO timestamp of the release. */
  releasedAt: string;
  snapshot: ReportSnapshot;
  derived: DerivedReport;
  defaultMode: ReportMode;
  /** The questionnaire the snapshot used (the organisation's own version, or the built-in one). */
  instrument: Instrument;
}

function groupsOf(snapshot: ReportSnapshot): ReportView["groups"] {
  return snapshot.groups.map((g) => ({
    group: g.group,
    label: g.label,
    identifiable: g.identifiable,
    invited: g.invited,
    // Reports released before snapshots left it out: a pooled-away group's count stays unsaid.
    answered: g.shown || g.identifiable ? g.answered : null,
    shown: g.shown,
    ...(g.pooledFrom ? { pooledFrom: g.pooledFrom } : {}),
  }));
}

function dimensionsOf(snapshot: ReportSnapshot, instrument: Instrument): ReportView["dimensions"] {
  const itemText = new Map(instrument.dimensions.flatMap((d) => d.items.map((item) => [item.id, item.text])));
  const names = new Map(instrument.dimensions.map((d) => [d.key, d.name]));
  return snapshot.dimensions.map((d) => ({
    key: d.key,
    name: names.get(d.key) ?? d.key,
    others: d.others,
    self: d.self,
    manager: d.manager,
    groups: d.groups,
    items: d.items.map((item) => ({ ...item, text: itemText.get(item.id) ?? item.id })),
  }));
}

export function reportView(report: Released): ReportView {
  const { snapshot, derived } = report;
  const day = report.releasedAt.slice(0, 10);
  return {
    requestId: report.requestId,
    subject: { id: report.subjectId, name: report.subjectName },
    relation: report.relation,
    releasedAt: report.releasedAt,
    instrumentVersion: snapshot.instrumentVersion,
    threshold: snapshot.threshold,
    /** Invited raters who did not count towards anonymity (rule 9), and are not in any figure. */
    notCounted: snapshot.notCounted ?? 0,
    groups: groupsOf(snapshot),
    dimensions: dimensionsOf(snapshot, report.instrument),
    profile: derived.profile,
    gaps: derived.gaps,
    blindSpots: derived.blindSpots,
    hiddenStrengths: derived.hiddenStrengths,
    highest: derived.highest,
    lowest: derived.lowest,
    spectrum: derived.spectrum,
    comments: snapshot.comments.map((c) => ({ ...c, date: day })),
    identifiedComments: snapshot.identifiedComments.map((c) => ({ ...c, date: day })),
    trend: derived.trend,
    // Frozen at release; reports released before themes existed show none.
    themes: { ...noThemes(), ...snapshot.themes },
    behaviours: behaviourFocus(derived),
    defaultMode: report.defaultMode,
    trendNote: derived.trendNote,
  };
}
