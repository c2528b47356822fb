/** The board vocabulary: the only code that writes a board document, shared by UI, server and tests. */
export * from './approvals';
export * from './board-ops';
export * from './card-ops';
export * from './card-detail-ops';
export * from './checklist-ops';
export * from './comment-ops';
export * from './dates';
export * from './deadlines';
export * from './errors';
export * from './filter';
export * from './ids';
export * from './label-ops';
export * from './origin';
export * from './rank';
export * from './rules';
export * from './read';
export * from './stage-ops';
export { LIMITS, SCHEMA_VERSION } from './schema';
