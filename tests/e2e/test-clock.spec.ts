// The server most journeys run against has no test clock: without FIVEFOLD_TEST_CLOCK=1 there is no
// endpoint that moves time (the cycle journey's own server has one; docs/security.md).
import { expect, test } from "./fixtures";

test("the journeys' server has no test clock to move", async ({ request }) => {
  const moved = await request.post("/__test/clock", { data: { days: 30 } });
  expect(moved.status()).toBe(404);
});
