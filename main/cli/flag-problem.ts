// What is wrong with the flags, found from the arguments themselves, for the cases node:util's
// parseArgs reports only in its own English (`Option '-d, --dir <value>' argument missing`):
// a flag without its value, a value that looks like another option, a value given to a
// switch, a stray argument. Each becomes a catalogue key and its values (`cli.<key>`).

export interface FlagSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
}

export type FlagSpecs = Readonly<Record<string, FlagSpec>>;

/** A misuse, as the key of its words under `cli.` and their values. */
export interface FlagProblem {
  key: 'needsValue' | 'valueLooksLikeOption' | 'takesNoValue' | 'unexpectedArgument';
  params: Record<string, string>;
}

const problem = (key: FlagProblem['key'], params: Record<string, string>): FlagProblem => ({ key, params });

/** The long and short spellings of every flag, as typed (`--dir`, `-d`). */
export function flagSpellings(specs: FlagSpecs): string[] {
  return Object.entries(specs).flatMap(([name, spec]) => [`--${name}`, ...(spec.short ? [`-${spec.short}`] : [])]);
}

/** The first misuse parseArgs would stop at, as words to say; undefined when there is none it words. */
export function flagProblem(argv: readonly string[], specs: FlagSpecs, allowPositionals: boolean): FlagProblem | undefined {
  const byShort = new Map(Object.values(specs).flatMap((spec) => (spec.short ? [[spec.short, spec] as const] : [])));
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--') return allowPositionals || i === argv.length - 1 ? undefined : problem('unexpectedArgument', { value: argv[i + 1]! });
    if (arg.startsWith('--')) {
      const equals = arg.indexOf('=');
      const option = equals === -1 ? arg : arg.slice(0, equals);
      const spec = specs[option.slice(2)];
      if (!spec) continue;
      if (spec.type === 'boolean') {
        if (equals !== -1) return problem('takesNoValue', { option });
        continue;
      }
      if (equals !== -1) continue;
      const missing = missingValue(option, argv[i + 1]);
      if (missing) return missing;
      i += 1;
      continue;
    }
    if (arg.startsWith('-') && arg !== '-') {
      // A group of short flags (`-qd DIR`): a string one takes the rest of the group, or the next argument.
      for (let j = 1; j < arg.length; j += 1) {
        const spec = byShort.get(arg[j]!);
        if (!spec || spec.type === 'boolean') continue;
        if (j < arg.length - 1) break;
        const missing = missingValue(`-${arg[j]}`, argv[i + 1]);
        if (missing) return missing;
        i += 1;
      }
      continue;
    }
    if (!allowPositionals) return problem('unexpectedArgument', { value: arg });
  }
  return undefined;
}

function missingValue(option: string, next: string | undefined): FlagProblem | undefined {
  if (next === undefined) return problem('needsValue', { option });
  // parseArgs will not take `-1` as the value of `--connections -1`: it could be a forgotten value.
  if (next.startsWith('-') && next !== '-') return problem('valueLooksLikeOption', { option, value: next });
  return undefined;
}
