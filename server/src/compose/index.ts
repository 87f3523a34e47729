/**
 * The compose + `.env` model: which compose service runs an Alloy
 * configuration and whether it passes the variables the configuration reads.
 * Adapters (LSP, CLI) call `checkComposeEnvironment`; the parts are exported
 * for features that need them (hover on `sys.env`, code actions).
 */
export { checkComposeEnvironment } from './checkComposeEnvironment';
export type { CheckComposeEnvironmentOptions, ComposeEnvironmentCheck, EnvReport, EnvReportVariable } from './checkComposeEnvironment';
export { FINDING_SOURCE } from './composeFindings';
export type { EnvUsage } from './composeFindings';
export type * from './composeModel';
export { loadComposeProject } from './composeProject';
export type { ComposeProject, LoadComposeProjectOptions } from './composeProject';
export { composeFileRole, discoverComposeFiles, findRepositoryRoot, groupComposeFiles } from './discovery';
export type { ComposeDiscovery, ComposeFileRole } from './discovery';
export { dotEnvMap, parseDotEnv } from './dotenv';
export type { DotEnvEntry, DotEnvFile, DotEnvProblem } from './dotenv';
export { addEnvExampleEdit, addEnvironmentVariableEdit } from './environmentFix';
export { resolveServiceEnvironment } from './envResolution';
export type { EnvironmentResolution, VariableResolution, VariableStatus } from './envResolution';
export { isReadError, memoryFileSystem, overlayFileSystem, pathExists } from './fileSystem';
export type { FileReadError, FileSystem } from './fileSystem';
export { interpolate } from './interpolation';
export type { InterpolationError, InterpolationOperator, InterpolationResult, Lookup, VariableReference } from './interpolation';
export { loadProjectEnvironment } from './projectEnvironment';
export type { HostEnvironment, ProjectEnvironment, ProjectVariable } from './projectEnvironment';
export { alloyServiceFacts, isAlloyImage, selectAlloyService } from './serviceSelection';
export type { AlloyServiceFacts, SelectionReason, ServiceSelection } from './serviceSelection';
