// The CLI as a function of its arguments and surroundings, so tests can run it in-process.

import { readContractsText } from '../contracts/read-contracts.ts';
import { formatProblem } from '../contracts/validate.ts';
import { modelOptionsOf } from '../contracts/model-options.ts';
import {
  analyze,
  explainGap,
  forecastContracts,
  planContracts,
  scoreContracts,
  tipsFor,
  topRatedStatus,
  type Contract,
  type Observation,
} from '../scoring/index.ts';
import { badgesJson, badgesText } from './badges-output.ts';
import { explainJson, explainText } from './explain-output.ts';
import { parseCliArgs, type CliArgs } from './args.ts';
import { renderText } from '../replies/render-text.ts';
import { forecastReply, planReply, scoreReply } from '../replies/score.ts';
import type { Reply } from '../replies/reply.ts';
import { helpText } from './help.ts';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;
/** Problems listed before the rest are summed up. */
const MAX_PROBLEMS_SHOWN = 20;

export interface CliIo {
  /** Reads a file, or standard input for "-"; throws on failure. */
  readInput(file: string): Promise<string>;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Today as YYYY-MM-DD in the user's time zone. */
  today: string;
  version: string;
}

/** The chat replies, as text; their buttons name chat commands, which the CLI does not have. */
function text(reply: Reply): string {
  return renderText({ ...reply, actions: [] });
}

function output(args: CliArgs, contracts: readonly Contract[], observations: readonly Observation[]): string {
  const options = modelOptionsOf(args);
  switch (args.command) {
    case 'score': {
      if (!args.json) {
        const { score, tips, forecast } = analyze(contracts, args.asOf, options);
        return text(scoreReply(score, tips, forecast, true));
      }
      return JSON.stringify(
        { ...scoreContracts(contracts, args.asOf, options), tips: tipsFor(contracts, args.asOf, options) },
        null,
        2,
      );
    }
    case 'forecast': {
      const report = forecastContracts(contracts, args.asOf, options);
      return args.json ? JSON.stringify(report, null, 2) : text(forecastReply(report));
    }
    case 'plan': {
      const plan = {
        ...(args.target !== undefined && { target: args.target }),
        ...(args.earnings !== undefined && { earnings: args.earnings }),
      };
      const report = planContracts(contracts, args.asOf, plan, options);
      return args.json ? JSON.stringify(report, null, 2) : text(planReply(report));
    }
    case 'explain': {
      const result = explainGap(contracts, observations, options);
      return args.json ? JSON.stringify(explainJson(result), null, 2) : explainText(result);
    }
    case 'badges': {
      const status = topRatedStatus(contracts, observations, args.asOf, options);
      return args.json ? JSON.stringify(badgesJson(status), null, 2) : badgesText(status);
    }
    case 'help':
      return helpText(null);
  }
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCliArgs(argv, io.today);
  switch (parsed.kind) {
    case 'version':
      io.stdout(`${io.version}\n`);
      return EXIT_OK;
    case 'help':
      io.stdout(`${helpText(parsed.topic)}\n`);
      return EXIT_OK;
    case 'usage-error':
      io.stderr(`jss-coach: ${parsed.message}\nRun jss-coach --help for usage.\n`);
      return EXIT_BAD_INPUT;
  }
  const { args } = parsed;
  let text: string;
  try {
    text = await io.readInput(args.file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    io.stderr(`jss-coach: cannot read ${JSON.stringify(args.file)}: ${reason}\n`);
    return EXIT_BAD_INPUT;
  }
  const result = readContractsText(text, args.asOf);
  if (!result.ok) {
    const shown = result.problems.slice(0, MAX_PROBLEMS_SHOWN).map((problem) => `jss-coach: ${formatProblem(problem)}`);
    const more = result.problems.length - shown.length;
    io.stderr(`${shown.join('\n')}\n${more > 0 ? `jss-coach: …and ${more} more problems\n` : ''}Nothing was scored.\n`);
    return EXIT_BAD_INPUT;
  }
  if (args.command === 'explain' && result.observations.length === 0) {
    io.stderr(
      'jss-coach: explain needs the scores Upwork showed you: add "observations": [{"date": "YYYY-MM-DD", "score": 87}] beside "contracts" in the file\n',
    );
    return EXIT_BAD_INPUT;
  }
  if (result.note) io.stderr(`jss-coach: ${result.note}\n`);
  io.stdout(`${output(args, result.contracts, result.observations)}\n`);
  return EXIT_OK;
}
