export { followupStatus } from "./status";
export { thankRaters } from "./thank";
