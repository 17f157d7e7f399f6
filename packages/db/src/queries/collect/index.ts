// Queries of collecting feedback: requests, nominations, invitations and the close.

export * from "./bulk-release";
export * from "./bulk-write";
export * from "./invitations";
export * from "./nominations";
export * from "./release";
export * from "./requests";
