// Single sign-on journey against a real OpenID provider (oidc-provider, started here on loopback):
// an admin configures it on the settings page, a person signs in with "Sign in with your company
// account" through the provider and lands signed in; an address of another domain is refused with a
// sentence on the sign-in page. The journey uses the app's localhost name, the one its redirect URI
// is built from (no PUBLIC_URL in the journeys), so the browser's state cookie meets the callback.
import { createServer } from "node:net";
import { startTestIdp } from "../../apps/api/src/testing/oidc-idp";
import { expect, test } from "./fixtures";
import { signIn } from "./helpers";

const freePort = () =>
  new Promise<number>((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === "object" && address ? address.port : 0));
    });
  });

test("an admin sets up single sign-on and a person signs in with their company account", async ({
  page,
  browser,
  baseURL,
}) => {
  const local = `http://localhost:${new URL(baseURL ?? "").port}`;
  const idp = await startTestIdp({
    port: await freePort(),
    clients: [
      {
        clientId: "fivefold-e2e",
        clientSecret: "e2e-client-secret",
        redirectUri: `${local}/api/auth/sso/callback`,
      },
    ],
  });
  try {
    idp.accounts.set("morgan", { email: "morgan.reyes@acme.test", email_verified: true });
    idp.accounts.set("stranger", { email: "stranger@elsewhere.test", email_verified: true });

    await signIn(page, "admin@acme.test");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
    await expect(page.getByText(`${local}/api/auth/sso/callback`)).toBeVisible();
    await page.getByLabel("Issuer URL").fill(idp.issuer);
    await page.getByLabel("Client ID").fill("fivefold-e2e");
    await page.getByLabel("Client secret").fill("e2e-client-secret");
    await page.getByLabel("E-mail domains").fill("acme.test");
    await page.getByRole("button", { name: "Save single sign-on" }).click();
    await expect(page.getByText("Single sign-on saved.")).toBeVisible();
    await expect(page.getByLabel("Client secret")).toHaveValue("");

    const context = await browser.newContext();
    const person = await context.newPage();
    idp.loginAs = "morgan";
    await person.goto(`${local}/sign-in`);
    await person.getByLabel("E-mail").fill("morgan.reyes@acme.test");
    await person.getByRole("button", { name: "Sign in with your company account" }).click();
    await expect(person.getByTestId("person-name")).toHaveText(/Morgan Reyes/);
    await context.close();

    const other = await browser.newContext();
    const stranger = await other.newPage();
    idp.loginAs = "stranger";
    await stranger.goto(`${local}/sign-in`);
    await stranger.getByLabel("E-mail").fill("someone@acme.test");
    await stranger.getByRole("button", { name: "Sign in with your company account" }).click();
    await expect(stranger.getByRole("alert")).toContainText("does not cover");
    await other.close();

    await page.getByRole("button", { name: "Remove single sign-on" }).click();
    await expect(page.getByRole("button", { name: "Remove single sign-on" })).toHaveCount(0);
  } finally {
    await idp.close();
  }
});
