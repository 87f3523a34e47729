/** What `npm run bench` bundles to measure navigation (see scripts/bench.ts, part 3). */
export { parse } from '../server/src/syntax/parser';
export { buildProject } from '../server/src/features/project';
export { buildSymbolIndex } from '../server/src/features/symbolIndex';
export { findDefinition } from '../server/src/features/definition';
export { findReferences } from '../server/src/features/references';
export { rename } from '../server/src/features/rename';
