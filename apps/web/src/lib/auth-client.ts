// Better Auth's browser client, talking to /api/auth on the origin that served the page.
import { createAuthClient } from "better-auth/react";

export const authClient = createAuthClient({ baseURL: window.location.origin, basePath: "/api/auth" });
