import { createIdentityChecker } from '../evaluate/identity-checker.js';
import { toDay } from '../time/day.js';
import type { NewContext } from './new-context.js';

const SLUG = /^[a-z0-9][a-z0-9-]{2,62}$/;

/**
 * The naming rule for a kind in the words of the inventory's own NHI-101
 * policy ("API keys are named key-<vendor>-<purpose>"), or '' when the
 * policy says nothing about the kind.
 */
export function namingHint(kind: string, ctx: NewContext): string {
  const broken = namingCheck(ctx)({ id: '-', kind })[0]?.message ?? '';
  const at = broken.indexOf('has the wrong form: ');
  return at === -1 ? '' : `${broken.slice(at + 20)}.`;
}

/**
 * Why an id cannot be used for a new identity of a kind, or null when it
 * can: it must be a lowercase name, follow the naming rule for its kind
 * (the inventory's own NHI-101 policy, run through the engine), and not be
 * taken already.
 */
export function newIdProblem(
  id: string,
  kind: string,
  ctx: NewContext,
): string | null {
  if (!SLUG.test(id)) {
    return `"${id}" is not a usable name: use 3 to 63 lowercase letters, digits and hyphens, starting with a letter or digit`;
  }
  const broken = namingCheck(ctx)({ id, kind });
  if (broken.length > 0) {
    return `${broken.map((f) => f.message).join('; ')} (rule NHI-101)`;
  }
  if (ctx.existingIds.has(id)) {
    return `an identity called "${id}" already exists: choose another name, or change the existing file`;
  }
  return null;
}

function namingCheck(ctx: NewContext) {
  const { policies, config } = ctx.workspace;
  const naming = policies.filter((p) => p.rule.id === 'NHI-101');
  return createIdentityChecker(naming, toDay(ctx.today) ?? 0, config.rules);
}
