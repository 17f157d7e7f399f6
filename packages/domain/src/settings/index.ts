export * from "./raters";
export * from "./reminders";
export * from "./settings";
