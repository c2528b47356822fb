/** The board vocabulary: the only code that writes a board document, shared by UI, server and tests. */
export * from './board-ops';
export * from './card-ops';
export * from './errors';
export * from './ids';
export * from './origin';
export * from './rank';
export * from './read';
export * from './stage-ops';
export * from './templates';
export { LIMITS, SCHEMA_VERSION } from './schema';
