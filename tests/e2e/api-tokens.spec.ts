// API tokens journey: an admin creates a SCIM token on the settings page, copies the secret shown
// once, an identity provider's call with it provisions a person who then appears on the People
// page; the admin revokes the token and the next call is refused.
import { expect, test } from "./fixtures";
import { signIn } from "./helpers";

test("an admin creates a SCIM token, a provisioned person appears, and a revoked token is refused", async ({
  page,
  request,
}) => {
  await signIn(page, "admin@acme.test");
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("link", { name: "Settings" }).click();
  await page.getByLabel("New token's name").fill("Journey IdP");
  await page.getByRole("button", { name: "Create token" }).click();
  const secret = (await page.getByTestId("new-api-token").textContent())?.trim() ?? "";
  expect(secret).toMatch(/^fvf_/);
  const row = page.getByRole("row").filter({ hasText: "Journey IdP" });
  await expect(row).toContainText(secret.slice(0, 12));
  await expect(row).not.toContainText(secret.slice(12));

  const headers = { authorization: `Bearer ${secret}`, "content-type": "application/scim+json" };
  const created = await request.post("/scim/v2/Users", {
    headers,
    data: {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
      userName: "journey.scim@acme.test",
      name: { givenName: "Journey", familyName: "Provisioned" },
      active: true,
    },
  });
  expect(created.status()).toBe(201);
  await nav.getByRole("link", { name: "People" }).click();
  await expect(page.getByText("journey.scim@acme.test")).toBeVisible();

  await nav.getByRole("link", { name: "Settings" }).click();
  await row.getByRole("button", { name: "Revoke" }).click();
  await row.getByRole("button", { name: "Revoke now" }).click();
  await expect(row).toContainText("Revoked");
  const refused = await request.get("/scim/v2/Users", { headers });
  expect(refused.status()).toBe(401);
});
