// Rule 8, sharpened: no sequence of changes a manager or admin makes to a request (adding raters,
// erasing a person, cancelling, changing k) lets what they see tell whether one person answered.
// A model of a request runs random sequences of such changes while raters answer or decline
// unseen. An oracle enumerates every world the observer cannot tell apart from the real one (every
// way the same counts could have come about) and checks that whatever the counts pin down about one
// person they pin down about at least k people alike — progress lines while answers come in, and the
// released report's group counts at the end.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AnonymousGroup, isAnonymousGroup, type RaterGroup } from "../instrument";
import type { ResolvedPolicy } from "./normalise";
import { invitedUnits, poolGroups } from "./pooling";
import {
  ERASURE_ENDS_ANSWERING,
  invitationStateAfterErasure,
  mayInviteWhileOpen,
  progressLines,
} from "./progress";
import { describeGroups } from "./snapshot-groups";

type Status = "pending" | "submitted" | "declined";
type Op =
  | { kind: "add"; group: RaterGroup }
  | { kind: "erase"; person: number }
  | { kind: "changeK"; k: number }
  | { kind: "cancel" }
  | { kind: "wait" };

/** How the system answers each change: the defences under test, or the behaviour they replaced. */
interface Rules {
  mayAdd(group: RaterGroup): boolean;
  afterErasure(status: Status): Status;
  /** Whether an erased rater can no longer answer (their link dies with the rest of their data). */
  erasureEndsAnswering: boolean;
  /** Start the report's pools from the progress lines (true) or from the answers alone. */
  reportStartsFromProgress: boolean;
}

const DEFENDED: Rules = {
  mayAdd: mayInviteWhileOpen,
  afterErasure: invitationStateAfterErasure,
  erasureEndsAnswering: ERASURE_ENDS_ANSWERING,
  reportStartsFromProgress: true,
};

interface Case {
  k: number;
  initial: RaterGroup[];
  ops: Op[];
  /** The real world: per person, the slot they answered or declined in (or never). */
  truth: { slot: number; outcome: "submitted" | "declined" }[];
}

interface Person {
  group: RaterGroup;
  /** First slot in which they could answer (after they were invited). */
  from: number;
  /** Last slot in which they could answer (before erasure or cancellation). */
  until: number;
}

/** Who is invited, and when each could have answered, from the changes alone. */
function people(
  c: Case,
  rules: Rules,
): { persons: Person[]; erasedAt: Map<number, number>; cancelledAt: number } {
  const persons: Person[] = c.initial.map((group) => ({ group, from: 0, until: c.ops.length }));
  const erasedAt = new Map<number, number>();
  let cancelledAt = c.ops.length + 1;
  c.ops.forEach((op, index) => {
    const slot = index + 1; // answers in slot i happen before change i is made
    if (op.kind === "add" && slot < cancelledAt && rules.mayAdd(op.group)) {
      persons.push({ group: op.group, from: slot, until: c.ops.length });
    }
    if (op.kind === "erase" && op.person < persons.length && !erasedAt.has(op.person))
      erasedAt.set(op.person, slot);
    if (op.kind === "cancel" && cancelledAt > c.ops.length) cancelledAt = slot;
  });
  for (const [person, slot] of erasedAt) {
    const p = persons[person] as Person;
    if (rules.erasureEndsAnswering) p.until = Math.min(p.until, slot - 1);
  }
  for (const p of persons) p.until = Math.min(p.until, cancelledAt - 1);
  return { persons, erasedAt, cancelledAt };
}

type World = readonly ({ slot: number; outcome: "submitted" | "declined" } | null)[];

/** Status of each person as seen after change `step` (0: at opening), erasure rules applied. */
function statusAt(
  world: World,
  persons: readonly Person[],
  erasedAt: Map<number, number>,
  step: number,
  rules: Rules,
) {
  return persons.map((_, person): Status => {
    const event = world[person];
    let status: Status = event && event.slot <= step ? event.outcome : "pending";
    const erased = erasedAt.get(person);
    if (erased !== undefined && erased <= step) status = rules.afterErasure(status);
    return status;
  });
}

function observe(c: Case, rules: Rules, world: World): string[] {
  const { persons, erasedAt, cancelledAt } = people(c, rules);
  const seen: string[] = [];
  const k = c.k; // frozen on the request when it opened; the organisation's changes do not reach it
  const countsAt = (step: number) => {
    const status = statusAt(world, persons, erasedAt, step, rules);
    const groups = new Map<RaterGroup, { invited: number; submitted: number; declined: number }>();
    persons.forEach((p, person) => {
      if (p.from > step) return;
      const entry = groups.get(p.group) ?? { invited: 0, submitted: 0, declined: 0 };
      entry.invited += 1;
      if (status[person] === "submitted") entry.submitted += 1;
      if (status[person] === "declined") entry.declined += 1;
      groups.set(p.group, entry);
    });
    return [...groups].map(([group, counts]) => ({ group, ...counts }));
  };
  const last = Math.min(c.ops.length, cancelledAt);
  for (let step = 0; step <= last; step += 1) seen.push(JSON.stringify(progressLines(countsAt(step), k)));
  if (cancelledAt > c.ops.length) {
    // Closed and released: the report's group list is what readers see of the counts.
    const final = countsAt(c.ops.length + 1);
    const answered = { self: 0, manager: 0, peer: 0, direct_report: 0, other: 0 } as Record<
      RaterGroup,
      number
    >;
    const invited: Partial<Record<RaterGroup, number>> = {};
    for (const row of final) {
      answered[row.group] = row.submitted;
      invited[row.group] = row.invited;
    }
    const anonymous = { peer: answered.peer, direct_report: answered.direct_report, other: answered.other };
    const total = anonymous.peer + anonymous.direct_report + anonymous.other;
    if (total >= k) {
      const base = rules.reportStartsFromProgress ? invitedUnits(invited, k) : undefined;
      const units = poolGroups(anonymous as Record<AnonymousGroup, number>, k, base);
      const policy: ResolvedPolicy = { threshold: k, commentThreshold: k, showManagerApart: true };
      seen.push(JSON.stringify(describeGroups(answered, units, policy, invited)));
    } else seen.push("insufficient");
  }
  return seen;
}

/** Every world consistent with the changes (who could answer when), whatever the counts said. */
function* worlds(persons: readonly Person[]): Generator<World> {
  const options = persons.map((p) => {
    const list: ({ slot: number; outcome: "submitted" | "declined" } | null)[] = [null];
    if (!isAnonymousGroup(p.group)) return list; // identifiable raters are not modelled as secrets
    for (let slot = Math.max(1, p.from + 1); slot <= p.until + 1; slot += 1) {
      list.push({ slot, outcome: "submitted" }, { slot, outcome: "declined" });
    }
    return list;
  });
  const choice = options.map(() => 0);
  for (;;) {
    yield choice.map((index, person) => options[person]?.[index] ?? null);
    let position = 0;
    while (position < choice.length) {
      choice[position] = (choice[position] as number) + 1;
      if ((choice[position] as number) < (options[position] as unknown[]).length) break;
      choice[position] = 0;
      position += 1;
    }
    if (position === choice.length) return;
  }
}

/** Leaks: a person whose status some step's view pins down, shared by fewer than k people pinned down alike. */
function leaks(c: Case, rules: Rules): string[] {
  const { persons, erasedAt } = people(c, rules);
  const truth: World = persons.map((p, person) => {
    const event = c.truth[person];
    if (!event || !isAnonymousGroup(p.group)) return null;
    const slot = Math.min(Math.max(event.slot, p.from + 1), p.until + 1);
    return slot > p.until + 1 || slot < p.from + 1 ? null : { slot, outcome: event.outcome };
  });
  const seen = observe(c, rules, truth);
  const all = [...worlds(persons)].map((world) => ({ world, seen: observe(c, rules, world) }));
  const found: string[] = [];
  // At each moment, what the counts seen so far tell about who has answered by then.
  for (let step = 0; step < seen.length; step += 1) {
    const consistent = all.filter((w) => seen.slice(0, step + 1).every((view, i) => w.seen[i] === view));
    const statuses = consistent.map(({ world }) => statusAt(world, persons, erasedAt, step, rules));
    const everywhere = all.map(({ world }) => statusAt(world, persons, erasedAt, step, rules));
    const pinned = persons.map((p, person) => {
      if (!isAnonymousGroup(p.group) || p.from > step) return null;
      const first = statuses[0]?.[person];
      if (!statuses.every((s) => s[person] === first)) return null;
      // Known from the changes alone (just invited, say): not something the counts told.
      if (everywhere.every((s) => s[person] === first)) return null;
      return first ?? null;
    });
    pinned.forEach((status, person) => {
      if (status === null) return;
      const alike = pinned.filter((other) => other === status).length;
      if (alike < c.k)
        found.push(
          `after change ${step}: person ${person} (${persons[person]?.group}) is ${status}, like only ${alike}`,
        );
    });
  }
  return found;
}

const anonymousGroup = fc.constantFrom<RaterGroup>("peer", "direct_report", "other");
const caseArbitrary: fc.Arbitrary<Case> = fc.record({
  k: fc.constant(3),
  initial: fc.array(anonymousGroup, { minLength: 3, maxLength: 4 }),
  ops: fc.array(
    fc.oneof(
      fc.record({
        kind: fc.constant("add" as const),
        group: fc.constantFrom<RaterGroup>("peer", "direct_report", "other", "manager"),
      }),
      fc.record({ kind: fc.constant("erase" as const), person: fc.integer({ min: 0, max: 4 }) }),
      fc.record({ kind: fc.constant("changeK" as const), k: fc.integer({ min: 3, max: 5 }) }),
      fc.record({ kind: fc.constant("cancel" as const) }),
      fc.record({ kind: fc.constant("wait" as const) }),
    ),
    { minLength: 1, maxLength: 2 },
  ),
  truth: fc.array(
    fc.record({
      slot: fc.integer({ min: 1, max: 3 }),
      outcome: fc.constantFrom<"submitted" | "declined">("submitted", "submitted", "declined"),
    }),
    { minLength: 6, maxLength: 6 },
  ),
});

describe("rule 8: what changes to a request let its readers see", () => {
  it("no sequence of changes pins down one person's answer through the counts", () => {
    fc.assert(
      fc.property(caseArbitrary, (c) => {
        expect(leaks(c, DEFENDED)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it("the oracle catches the leaks the defences closed", () => {
    const find = (rules: Rules) =>
      fc.check(
        fc.property(caseArbitrary, (c) => leaks(c, rules).length === 0),
        // Only whether a leak is found matters: stop at the first (shrinking it took two minutes
        // on a busy machine), and look long enough that the rarest (found within 2–115 cases in
        // 24 tries) is never missed by chance.
        { numRuns: 2_000, endOnFailure: true },
      ).failed;
    // Adding an anonymous rater to an open request: "3 of 3", then "3 of 4" says the new one has not.
    expect(find({ ...DEFENDED, mayAdd: () => true })).toBe(true);
    // Erasure turning a pending invitation into "declined" tells whether they had answered.
    expect(
      find({
        ...DEFENDED,
        afterErasure: (s) => (s === "pending" ? "declined" : s),
        erasureEndsAnswering: true,
      }),
    ).toBe(true);
    // Erasure that only ends answering: any later change in the pool is someone else's.
    expect(find({ ...DEFENDED, erasureEndsAnswering: true })).toBe(true);
    // A report pooling by answers alone splits what progress pooled by invitations.
    expect(find({ ...DEFENDED, reportStartsFromProgress: false })).toBe(true);
  });
});
