// The CLI's command line: `jss-coach COMMAND FILE [options]`, checked before anything runs.

import { parseArgs } from 'node:util';
import { parseDay } from '../scoring/dates.ts';
import { DEFAULT_MODEL, type ModelName, type ModelParams } from '../scoring/params.ts';
import { modelNameSchema, parseParamAssignment } from '../contracts/model-options.ts';

export const COMMANDS = ['score', 'forecast', 'plan', 'explain', 'badges', 'help'] as const;
export type CommandName = (typeof COMMANDS)[number];

export interface CliArgs {
  command: CommandName;
  /** The contract file, or "-" for standard input. */
  file: string;
  asOf: string;
  model: ModelName;
  params: Partial<ModelParams>;
  json: boolean;
  target: number | undefined;
  earnings: number | undefined;
}

export type ParsedArgs =
  | { kind: 'run'; args: CliArgs }
  | { kind: 'help'; topic: CommandName | null }
  | { kind: 'version' }
  | { kind: 'usage-error'; message: string };

const OPTIONS = {
  'as-of': { type: 'string' },
  model: { type: 'string' },
  param: { type: 'string', multiple: true },
  json: { type: 'boolean' },
  target: { type: 'string' },
  earnings: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** A plain decimal number (no hex, exponents or blanks, which Number() would accept). */
function decimal(text: string): number | undefined {
  return /^\d{1,12}(\.\d{1,2})?$/.test(text) ? Number(text) : undefined;
}

function isCommand(word: string): word is CommandName {
  return (COMMANDS as readonly string[]).includes(word);
}

export function parseCliArgs(argv: readonly string[], today: string): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    return { kind: 'usage-error', message: (error as Error).message };
  }
  const { values, positionals } = parsed;
  if (values.version) return { kind: 'version' };
  const [command, file, ...extra] = positionals;
  if (command === undefined) return { kind: 'help', topic: null };
  if (!isCommand(command))
    return {
      kind: 'usage-error',
      message: `unknown command ${JSON.stringify(command)}; expected one of ${COMMANDS.join(', ')}`,
    };
  if (command === 'help') return { kind: 'help', topic: file !== undefined && isCommand(file) ? file : null };
  if (values.help) return { kind: 'help', topic: command };
  if (file === undefined)
    return {
      kind: 'usage-error',
      message: `${command} needs a contract file: jss-coach ${command} FILE (or - for standard input)`,
    };
  if (extra.length > 0)
    return {
      kind: 'usage-error',
      message: `unexpected argument ${JSON.stringify(extra[0])}; expected one contract file`,
    };

  const asOf = values['as-of'] ?? today;
  if (parseDay(asOf) === undefined)
    return { kind: 'usage-error', message: `--as-of: got ${JSON.stringify(asOf)}, expected a real date as YYYY-MM-DD` };
  const model = modelNameSchema.safeParse(values.model ?? DEFAULT_MODEL);
  if (!model.success)
    return {
      kind: 'usage-error',
      message: `--model: got ${JSON.stringify(values.model)}, ${model.error.issues[0]?.message}`,
    };

  const params: Record<string, unknown> = {};
  for (const assignment of values.param ?? []) {
    const result = parseParamAssignment(assignment);
    if (!result.ok) return { kind: 'usage-error', message: `--param: ${result.message}` };
    params[result.name] = result.value;
  }

  const onlyForPlan = (['target', 'earnings'] as const).find(
    (name) => values[name] !== undefined && command !== 'plan',
  );
  if (onlyForPlan) return { kind: 'usage-error', message: `--${onlyForPlan} goes with the plan command only` };
  let target: number | undefined;
  if (values.target !== undefined) {
    target = decimal(values.target);
    if (target === undefined || target < 1 || target > 100 || !Number.isInteger(target)) {
      return {
        kind: 'usage-error',
        message: `--target: got ${JSON.stringify(values.target)}, expected a whole percentage from 1 to 100`,
      };
    }
  }
  let earnings: number | undefined;
  if (values.earnings !== undefined) {
    earnings = decimal(values.earnings);
    if (earnings === undefined || earnings > 1_000_000_000) {
      return {
        kind: 'usage-error',
        message: `--earnings: got ${JSON.stringify(values.earnings)}, expected US dollars such as 500 or 1250.50`,
      };
    }
  }
  return {
    kind: 'run',
    args: {
      command,
      file,
      asOf,
      model: model.data,
      params: params as Partial<ModelParams>,
      json: values.json === true,
      target,
      earnings,
    },
  };
}
