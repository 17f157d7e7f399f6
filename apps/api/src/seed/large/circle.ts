// A plan's support circle in the large organisation: partners from the subject's colleagues and a
// lead above them, as a person would choose them in the product.
import type { LargeOrganisationShape } from "./people";
import type { Random } from "./random";

/** Partners from the subject's own circle of colleagues; the lead is their manager or a manager's peer. */
export function chooseCircle(shape: LargeOrganisationShape, subject: number, random: Random) {
  const person = shape.people[subject];
  if (!person) throw new Error(`no person ${subject}`);
  const manager = person.managerIndex === null ? null : shape.people[person.managerIndex];
  const peers = (manager?.reports ?? []).filter((p) => p !== subject);
  const colleagues = [...peers, ...person.reports];
  const partners = random.sample(colleagues, Math.min(colleagues.length, random.int(3, 5)));
  const grandManager =
    manager?.managerIndex === null || manager?.managerIndex === undefined
      ? null
      : shape.people[manager.managerIndex];
  const managersPeers = (grandManager?.reports ?? []).filter((p) => p !== manager?.index);
  // The CEO, who has no manager, asks someone two levels down who does not report to them directly.
  const lead = manager
    ? managersPeers.length > 0 && random.chance(0.4)
      ? random.pick(managersPeers)
      : manager.index
    : pickOrNull(
        random,
        person.reports.flatMap((p) => shape.people[p]?.reports ?? []),
      );
  return { partners, lead };
}

function pickOrNull(random: Random, items: readonly number[]): number | null {
  return items.length > 0 ? random.pick(items) : null;
}
