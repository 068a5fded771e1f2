// Validates a model preset name and parameter overrides (from the CLI's --param, later from a
// community's settings) before they reach the scoring core, and turns them into its options.

import { z } from 'zod';
import { MODEL_NAMES, type ModelName, type ModelOptions, type ModelParams } from '../scoring/params.ts';

const share = z.number().min(0).max(1);
const days = z.number().int().min(0).max(3650);
const months = z.number().int().min(1).max(120);
const lapsed = z.enum(['negative', 'excluded']);

/** Overridable parameters with their ranges; a key not listed here is rejected. */
export const paramsSchema = z.strictObject({
  privateSuccessMin: z.number().min(0).max(10),
  privateNegativeMax: z.number().min(0).max(10),
  starsSuccessMin: z.number().min(1).max(5),
  starsNegativeBelow: z.number().min(1).max(5),
  excludeZeroEarningsPositiveFeedback: z.boolean(),
  graceDays: days,
  noActivityOutcome: lapsed,
  activeDays: days,
  staleOpenOutcome: lapsed,
  missingFeedback: z.enum(['excluded', 'neutral']),
  missingFeedbackMaxShare: share,
  weighting: z.enum(['uniform', 'value-and-duration']),
  valueTiers: z.array(z.strictObject({ upTo: z.number().min(0), weight: z.number().min(0).max(100) })).max(10),
  topTierWeight: z.number().min(0).max(100),
  durationBonusMonths: z.number().int().min(0).max(120),
  durationBonusMode: z.enum(['add', 'max']),
  maxWeight: z.number().min(0).max(100),
  trending: z.boolean(),
  minOutcomes: z.number().int().min(1).max(1000),
  minClients: z.number().int().min(1).max(1000),
  longTermMonths: months,
  longTermClientLookbackMonths: months,
  neutralValue: z.number().min(-1).max(1),
  negativeValue: z.number().min(-1).max(0),
}) satisfies z.ZodType<ModelParams>;

export const PARAM_NAMES = Object.keys(paramsSchema.shape) as (keyof ModelParams)[];

export const modelNameSchema = z.enum(MODEL_NAMES as [ModelName, ...ModelName[]], {
  error: `expected one of ${MODEL_NAMES.join(', ')}`,
});

/** One `name=value` override; the value is JSON (numbers, true/false, lists) or a bare word. */
export function parseParamAssignment(
  text: string,
): { ok: true; name: keyof ModelParams; value: unknown } | { ok: false; message: string } {
  const equals = text.indexOf('=');
  if (equals <= 0) return { ok: false, message: `got ${JSON.stringify(text)}, expected name=value, e.g. graceDays=30` };
  const name = text.slice(0, equals).trim();
  const raw = text.slice(equals + 1).trim();
  if (!(PARAM_NAMES as string[]).includes(name)) {
    return {
      ok: false,
      message: `unknown parameter ${JSON.stringify(name)}; expected one of ${PARAM_NAMES.join(', ')}`,
    };
  }
  let value: unknown = raw;
  try {
    value = JSON.parse(raw);
  } catch {
    // A bare word such as `add` or `negative` stays a string.
  }
  const checked = paramsSchema.shape[name as keyof ModelParams].safeParse(value);
  if (!checked.success) {
    return {
      ok: false,
      message: `parameter ${name}: got ${raw}, ${checked.error.issues[0]?.message ?? 'invalid value'}`,
    };
  }
  return { ok: true, name: name as keyof ModelParams, value: checked.data };
}

/** The one way a model choice (a community's settings, a leaderboard snapshot's, the CLI's flags) becomes the scoring core's options. */
export function modelOptionsOf({ model, params }: { model: ModelName; params: Partial<ModelParams> }): ModelOptions {
  return Object.keys(params).length > 0 ? { model, params } : { model };
}
