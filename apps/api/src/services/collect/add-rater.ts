// Adding a rater to a request after it was created (issue 18): the requester, the subject's manager
// or an admin names a colleague and their group. Before opening, any group (the manager's choice is
// the approval); once open, only the manager group, because a new anonymous rater joining while
// answers come in could be singled out by the change in the counts (DESIGN §4 rule 8; the same
// rule refuses the subject's late proposals). Readers never rate anonymously (rule 9).
import { insertNomination } from "@fivefold/db";
import {
  type AddRaterInput,
  ConflictError,
  InvalidInputError,
  mayInviteWhileOpen,
  PreconditionFailedError,
} from "@fivefold/domain";
import { audit } from "../audit/record";
import { type MemberServiceContext, withTransaction } from "../context";
import { assertCycleProposal } from "../cycles/nominations";
import { assertCanManage, assertNotAnonymousReader, loadPerson, loadRequest, readersOf } from "./access";
import { inviteRaters } from "./invite";

export const ONLY_MANAGER_GROUP_WHILE_OPEN =
  "Once a request is open only a rater in the manager group can join: a new anonymous rater could be singled out by the change in the counts. Add peers, direct reports and others before opening.";

export function addRater({ ctx, input }: { ctx: MemberServiceContext; input: AddRaterInput }) {
  return withTransaction(ctx, async (ctx) => {
    const request = await loadRequest(ctx, ctx.org.id, input.requestId, "update");
    await assertCanManage(ctx, request);
    if (request.state !== "draft" && request.state !== "open") {
      throw new PreconditionFailedError("This request is closed: raters can no longer be added.");
    }
    if (request.state === "open" && !mayInviteWhileOpen(input.group)) {
      throw new PreconditionFailedError(ONLY_MANAGER_GROUP_WHILE_OPEN);
    }
    if (input.personId === request.subjectId) {
      throw new InvalidInputError("The person the feedback is about rates as self automatically.");
    }
    const person = await loadPerson(ctx, ctx.org.id, input.personId);
    if (!person.active) throw new InvalidInputError("This person is no longer active.");
    const subject = await loadPerson(ctx, ctx.org.id, request.subjectId);
    const readers = await readersOf(ctx, ctx.org.id, request, subject);
    assertNotAnonymousReader(readers, { personId: person.id, group: input.group }, "group");
    await assertCycleProposal(ctx, request, {
      personId: person.id,
      personName: person.name,
      group: input.group,
    });
    const nominationId = await insertNomination(ctx.db, {
      orgId: ctx.org.id,
      requestId: request.id,
      personId: person.id,
      group: input.group,
      proposedById: ctx.person.id,
      approved: true,
    });
    if (!nominationId) throw new ConflictError(`${person.name} is already a rater of this request.`);
    const invited = request.state === "open";
    if (invited) {
      await inviteRaters(ctx, {
        request,
        raters: [{ personId: person.id, email: null, group: input.group, counts: true }],
        subjectName: subject.name,
      });
    }
    await audit(
      ctx.db,
      ctx,
      "requests.addRater",
      { type: "feedback_request", id: request.id },
      { group: input.group },
    );
    return { nominationId, invited };
  });
}
