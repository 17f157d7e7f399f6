// Adding a rater to a request after it was created (issue 18): the requester, the subject's manager
// or an admin names a colleague and their group. Before opening, any group (the manager's choice is
// the approval); once open, only the manager group, because a new anonymous rater joining while
// answers come in could be singled out by the change in the counts (DESIGN §4 rule 8; the same
// rule refuses the subject's late proposals). Readers never rate anonymously (rule 9).
import {
  type AddRaterInput,
  InvalidInputError,
  mayInviteWhileOpen,
  PreconditionFailedError,
} from "@fivefold/domain";
import { audit } from "../audit/record";
import { type MemberServiceContext, withTransaction } from "../context";
import { assertCanManage, loadRequest } from "./access";
import { inviteRaters } from "./invite";
import { nominate } from "./nominations";

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
    const { nominationId, person, subject } = await nominate(ctx, request, input, {
      approved: true,
    });
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
