// Moved to services/collect/tokens.ts; kept only for features/notify until that area moves too.
export { hashToken, newToken } from "../../services/collect/tokens";
