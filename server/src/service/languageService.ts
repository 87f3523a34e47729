/**
 * The language service object: every request of the editor, the CLI and the
 * client's commands goes through one of these, which keeps what it computed.
 * An analysis is kept per configuration and reused while its parsed files are
 * the same objects and every file it read on the side (compose files, `.env`,
 * env_files, modules, the directories searched) keeps its stamp; hover and
 * completion reuse the analysis's model. Results are plain core types: the
 * adapters (`lsp/`, `cli/`) map them to their own.
 */
import {
  analyzeWithModel,
  fixAll,
  parseFile,
  type Analysis,
  type EnvironmentContext,
  type ParsedFile,
  type TextFile,
} from '../languageService';
import type { Settings } from '../settings';
import type { ConfigurationRole } from '../checks/rootBlocks';
import { buildModel, type ConfigModel } from '../semantic/model';
import type { FileEdit, Finding, TextRange } from '../syntax/diagnostic';
import { getCompletions, type CompletionItem } from '../features/completion';
import { getHover, type HoverResult } from '../features/hover';
import { getDocumentSymbols, type OutlineSymbol } from '../features/symbols';
import { getFoldingRanges, type FoldingRegion } from '../features/folding';
import { getFormattingEditsByUnits } from '../features/formatting';
import type { UnitCache, UnitFormatter } from '../syntax/formatUnits';
import type { ComposeReportEntry } from '../protocol';
import type { ConfigurationReason } from '../workspace/configurations';
import { AnalysisCache, sameFiles } from './analysisCache';
import { diskStamp, recordingFileSystem, unchanged, type StampOf } from './dependencies';
import { carryAnalysis } from './carriedAnalysis';
import { fixAllEdits, hasAutoFix, quickFixesIn, type QuickFix } from './codeActions';
import { composeReportEntry } from './composeReport';
import { ComposeSetups } from './composeSetups';
import { Serials } from '../syntax/serials';

export interface LanguageServiceOptions {
  /** The stamp of a file's content (default: the disk's mtime and size); the server gives open buffers their version. */
  stampOf?: StampOf;
  /** How many configurations' analyses to keep (default 32). */
  maxAnalyses?: number;
  /** Formats one unit of a file (default `formatUnit`); tests count the calls. */
  formatUnit?: UnitFormatter;
}

/** Where and how a configuration runs, beyond its files. */
export interface AnalyzeContext {
  /** Given, the compose environment check runs against it. */
  env?: EnvironmentContext;
  /** `root` when Alloy runs these files as its root configuration. */
  role?: ConfigurationRole;
}

export interface LanguageService {
  /** The file parsed, through the one parse entry point; given the file's previous parse, only what changed is parsed again. */
  parseFile(path: string, text: string, previous?: ParsedFile): ParsedFile;
  /** Every finding of a configuration, with the compose report and the explanation; cached. */
  analyze(files: readonly ParsedFile[], settings: Settings, context?: AnalyzeContext): Analysis;
  /** The configuration's model: the one its last analysis built when the files are the same. */
  model(files: readonly ParsedFile[]): ConfigModel;
  /** Every auto-fixable finding fixed, one at a time; the new texts of the changed files. */
  fixAll(files: readonly TextFile[], settings: Settings): Map<string, string>;
  /** Fix-all as minimal edits, or none when no finding of the analysis is auto-fixable. */
  fixAllEdits(files: readonly ParsedFile[], settings: Settings, context?: AnalyzeContext): FileEdit[];
  /** The quick fixes of `findings` on `[start, end]` of `file`: only those findings' fixes are built. */
  quickFixes(findings: readonly Finding[], file: ParsedFile, start: number, end: number): QuickFix[];
  /** The compose report entry of a configuration (file paths, not URIs). */
  composeReport(files: readonly ParsedFile[], settings: Settings, reason: ConfigurationReason, context?: AnalyzeContext, directory?: string): ComposeReportEntry;
  /** Completions at `offset` of `files[0]`, from the configuration's cached model. */
  complete(files: readonly ParsedFile[], offset: number): CompletionItem[];
  /** Hover at `offset` of `files[0]`, from the configuration's cached model. */
  hover(files: readonly ParsedFile[], offset: number): HoverResult | undefined;
  symbols(file: ParsedFile): OutlineSymbol[];
  folding(file: ParsedFile): FoldingRegion[];
  /**
   * `alloy fmt`'s output as one minimal edit; none for a file with syntax errors.
   * The units of the path's last format are kept: the next formats only the units whose text changed.
   */
  format(file: ParsedFile): { range: TextRange; newText: string }[];
  /** Drops what is kept about `path` (a closed document), its last format's units included. */
  forget(path: string): void;
  /** Drops every kept analysis (files changed on disk, settings changed) and every kept format. */
  clear(): void;
}

/** Creates a language service with its own caches (tests and adapters each make their own). */
export function createLanguageService(options: LanguageServiceOptions = {}): LanguageService {
  const stampOf = options.stampOf ?? diskStamp;
  const analyses = new AnalysisCache(options.maxAnalyses ?? 32);
  // One compose setup per configuration, kept across its analyses (a keystroke changes none of its files).
  const composeSetups = new ComposeSetups(stampOf, options.maxAnalyses ?? 32);
  /** Models built for hover or completion before (or without) an analysis. */
  let lastModel: { files: readonly ParsedFile[]; model: ConfigModel } | undefined;
  // Formatting a large file costs a parse of its output: a second request on the same parse is free.
  const formatted = new WeakMap<ParsedFile, { range: TextRange; newText: string }[]>();
  /**
   * The units of each path's last format (unit text → output). Their keys are
   * slices of that version's text, which they keep alive: one earlier text
   * per formatted document.
   */
  const formatUnits = new Map<string, UnitCache>();
  const settingsKeys = new WeakMap<Settings, string>();
  const hostEnvs = new Serials<object>();

  function settingsKey(settings: Settings): string {
    let key = settingsKeys.get(settings);
    if (key === undefined) {
      key = JSON.stringify(settings);
      settingsKeys.set(settings, key);
    }
    return key;
  }

  /** What, besides the files' content, decides the analysis. */
  function cacheKey(files: readonly ParsedFile[], settings: Settings, context: AnalyzeContext): string {
    const env = context.env;
    const where = env ? JSON.stringify([env.rootDir ?? null, env.composeFiles ?? null, hostEnvs.of(env.hostEnv)]) : 'no-env';
    return `${files.map((f) => f.path).join('\0')}\u0001${context.role ?? 'unknown'}\u0001${where}\u0001${settingsKey(settings)}`;
  }

  function analyzeCached(files: readonly ParsedFile[], settings: Settings, context: AnalyzeContext = {}) {
    const key = cacheKey(files, settings, context);
    const previous = analyses.peek(key);
    const hit = analyses.get(key, files, stampOf);
    if (hit) return hit;
    const options = context.role ? { role: context.role } : {};
    // Typing in a comment changes nothing the analysis read: the previous one, moved, holds.
    if (previous && unchanged(previous.dependencies, stampOf)) {
      // Its fixes, when asked for, come from a real analysis (on the kept compose setup).
      const reanalyse = () =>
        analyzeWithModel(files, settings, context.env ? { ...context.env, composeSetups: composeSetups.forAnalysis(context.env.fs, new Map()) } : undefined, options);
      const carried = carryAnalysis(previous, files, reanalyse);
      if (carried) {
        analyses.set(key, carried);
        return carried;
      }
    }
    const recorded = context.env ? recordingFileSystem(context.env.fs, stampOf) : undefined;
    const env =
      context.env && recorded ? { ...context.env, fs: recorded.fs, composeSetups: composeSetups.forAnalysis(context.env.fs, recorded.dependencies) } : undefined;
    const { analysis, model } = analyzeWithModel(files, settings, env, options);
    const entry = { files: [...files], analysis, model: () => model, dependencies: recorded?.dependencies ?? new Map<string, string>() };
    analyses.set(key, entry);
    return entry;
  }

  function model(files: readonly ParsedFile[]): ConfigModel {
    const kept = analyses.modelFor(files) ?? (lastModel && sameFiles(lastModel.files, files) ? lastModel.model : undefined);
    if (kept) return kept;
    const built = buildModel(files);
    lastModel = { files: [...files], model: built };
    return built;
  }

  return {
    parseFile: (path, text, previous) => parseFile(path, text, previous),
    analyze: (files, settings, context) => analyzeCached(files, settings, context).analysis,
    model,
    fixAll: (files, settings) => fixAll(files, settings),
    fixAllEdits(files, settings, context) {
      return hasAutoFix(analyzeCached(files, settings, context).analysis.findings) ? fixAllEdits(files, settings) : [];
    },
    quickFixes: quickFixesIn,
    composeReport(files, settings, reason, context, directory) {
      return composeReportEntry(files, reason, analyzeCached(files, settings, context).analysis, directory);
    },
    complete(files, offset) {
      const self = files[0];
      return self ? getCompletions(model(files), self, offset) : [];
    },
    hover(files, offset) {
      const self = files[0];
      return self ? getHover(model(files), self, offset) : undefined;
    },
    symbols: (file) => getDocumentSymbols(file.parse.file),
    folding: (file) => getFoldingRanges(file.parse.file, file.parse.tokens, file.parse.lineIndex),
    format(file) {
      let edits = formatted.get(file);
      if (!edits) {
        const next = getFormattingEditsByUnits(file.parse, formatUnits.get(file.path), options.formatUnit);
        formatUnits.set(file.path, next.cache);
        edits = next.edits;
        formatted.set(file, edits);
      }
      return edits;
    },
    forget(path) {
      analyses.forget(path);
      composeSetups.forget(path);
      formatUnits.delete(path);
      if (lastModel?.files.some((f) => f.path === path)) lastModel = undefined;
    },
    clear() {
      analyses.clear();
      composeSetups.clear();
      formatUnits.clear();
      lastModel = undefined;
    },
  };
}
