// The argument of every member verb of grow: who calls, in which transaction, and what they ask.
import type { MemberServiceContext } from "../context";

export interface MemberCall<I = undefined> {
  ctx: MemberServiceContext;
  input: I;
}
