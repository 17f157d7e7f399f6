export * from "./access";
export * from "./analytics";
export * from "./org-view-known";
export * from "./org-view-known-run";
export * from "./org-view-stored";
export * from "./phases";
export * from "./preflight";
export * from "./rules";
