/**
 * The command line of `npm run bench`: `--only PART` (repeatable, or
 * comma-separated), and the older `--parser-only`, `--navigation-only` and
 * `--hostile-only`, which name one part each.
 */
import { PARTS, type PartName } from './summary';

const LEGACY: Record<string, PartName> = { '--parser-only': 'parse', '--navigation-only': 'navigation', '--hostile-only': 'hostile' };

const isPart = (name: string): name is PartName => (PARTS as readonly string[]).includes(name);

/** The parts the arguments ask for, in the order of a full run; all of them when none is named. Throws on an unknown argument or part. */
export function selectedParts(args: readonly string[]): PartName[] {
  const asked = new Set<string>();
  const only = (list: string) => list.split(',').forEach((p) => asked.add(p.trim()));
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const legacy = LEGACY[arg];
    if (legacy) asked.add(legacy);
    else if (arg === '--only') only(args[++i] ?? '');
    else if (arg.startsWith('--only=')) only(arg.slice('--only='.length));
    else throw new Error(`unknown argument ${arg}`);
  }
  const unknown = [...asked].filter((p) => !isPart(p));
  if (unknown.length > 0) throw new Error(`unknown part "${unknown.join('", "')}": choose among ${PARTS.join(', ')}`);
  return PARTS.filter((p) => asked.size === 0 || asked.has(p));
}
