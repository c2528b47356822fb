/**
 * Template validation. Built-in templates are checked when the module loads, so a broken one is
 * a start-up error naming the template and the field rather than a blank board; team templates
 * come from the network and are checked the same way before they are stored.
 */
import { cleanRecurringRule, RECURRING_LIMITS } from '../board/recurring';
import { LIMITS } from '../board/schema';
import { cleanStageOwner, isRoleKey, ROLE_LIMITS } from '../board/roles';
import { CARD_FIELD_KINDS, CARD_FIELD_LIMITS, isFieldId } from '../board/card-fields';
import {
  APPROVER_LEVELS,
  REQUIREMENT_FLAGS,
  RULE_LIMITS,
  cleanCondition,
  timeRuleProblem,
  type Condition
} from '../board/rules';
import type { BoardTemplate, Localized, SourceRef } from './types';

export const TEMPLATE_ID_PATTERN = /^[a-z0-9-]{1,64}$/;
const STAGE_KEY_PATTERN = /^[a-z0-9-]{1,32}$/;
const SEED_DOCS = new Set(['000', '001', '002', '003', '004']);

/** A template that fails validation; `field` is a path such as `stages[3].checklist[0].text.en`. */
export class TemplateError extends Error {
  override name = 'TemplateError';
  constructor(
    readonly templateId: string,
    readonly field: string,
    why: string
  ) {
    super(`Template "${templateId}": ${field} ${why}`);
  }
}

/** Checks every field of a template; throws a TemplateError naming the first bad one. */
export function validateTemplate(t: BoardTemplate): void {
  if (!t || typeof t !== 'object') throw new TemplateError('?', 'template', 'must be an object.');
  const id = typeof t?.id === 'string' ? t.id : '?';
  const fail = (field: string, why: string): never => {
    throw new TemplateError(id, field, why);
  };
  const builtin = t.kind === 'builtin';

  // Team templates are JSON from the network: anything may sit where an object belongs.
  const object = (value: unknown, field: string) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) fail(field, 'must be an object.');
  };
  const localized = (value: Localized | undefined, field: string, max: number) => {
    if (!value || typeof value !== 'object') fail(field, 'is missing.');
    for (const lang of ['zh-CN', 'en'] as const) {
      const s = (value as Localized)[lang];
      if (typeof s !== 'string' || !s.trim()) fail(`${field}.${lang}`, 'is empty.');
      if (s.length > max) fail(`${field}.${lang}`, `is longer than ${max} characters.`);
      if (s !== s.trim() || /[\n\r]/.test(s))
        fail(`${field}.${lang}`, 'has surrounding or line-break whitespace.');
    }
  };
  // Built-in templates must say where each rule came from; docs/templates.md is made from this.
  const source = (ref: SourceRef | undefined, field: string) => {
    if (!ref) {
      if (builtin) fail(`${field}.source`, 'is missing (every built-in rule cites its document).');
      return;
    }
    if (!SEED_DOCS.has(ref.doc)) fail(`${field}.source.doc`, 'must be one of 000–004.');
    if (typeof ref.where !== 'string' || !ref.where.trim()) fail(`${field}.source.where`, 'is empty.');
    if (ref.inferred !== undefined && (typeof ref.inferred !== 'string' || !ref.inferred.trim())) {
      fail(`${field}.source.inferred`, 'must say why the item is inferred.');
    }
    if (typeof ref.inferred === 'string' && ref.inferred.length > RULE_LIMITS.text) {
      fail(`${field}.source.inferred`, `is longer than ${RULE_LIMITS.text} characters.`);
    }
  };

  if (!TEMPLATE_ID_PATTERN.test(id)) fail('id', 'must be 1–64 lowercase letters, digits or dashes.');
  if (t.kind !== 'builtin' && t.kind !== 'team') fail('kind', 'must be "builtin" or "team".');
  localized(t.name, 'name', LIMITS.boardTitle);
  localized(t.description, 'description', 1000);
  if (!Array.isArray(t.sources)) fail('sources', 'must be a list.');
  t.sources.forEach((ref, i) => {
    object(ref, `sources[${i}]`);
    source(ref, `sources[${i}]`);
  });
  if (t.dateLabel) localized(t.dateLabel, 'dateLabel', 40);

  const fields = t.fields ?? [];
  if (!Array.isArray(fields) || fields.length > CARD_FIELD_LIMITS.fields)
    fail('fields', `must be a list of at most ${CARD_FIELD_LIMITS.fields} fields.`);
  const fieldKeys = new Set<string>();
  fields.forEach((f, i) => {
    object(f, `fields[${i}]`);
    if (!isFieldId(f.key) || f.key === 'date' || fieldKeys.has(f.key))
      fail(`fields[${i}].key`, 'must be a unique id of letters, digits, _ or - (not "date").');
    fieldKeys.add(f.key);
    localized(f.name, `fields[${i}].name`, CARD_FIELD_LIMITS.name);
    if (!CARD_FIELD_KINDS.includes(f.kind))
      fail(`fields[${i}].kind`, `must be one of ${CARD_FIELD_KINDS.join(', ')}.`);
    source(f.source, `fields[${i}]`);
  });
  const knownField = (key: unknown) => key === 'date' || fieldKeys.has(key as string);
  // A condition is stored exactly as cleaned, on a field the template defines.
  const condition = (c: Condition | undefined, field: string) => {
    if (c === undefined) return;
    const clean = cleanCondition(c);
    if (!clean || JSON.stringify(clean) !== JSON.stringify(c) || !knownField(c.field))
      fail(field, 'must be a condition on a field the template defines.');
  };
  if (!Array.isArray(t.stages) || t.stages.length === 0) fail('stages', 'must hold at least one stage.');
  if (t.stages.length > LIMITS.stages) fail('stages', `holds more than ${LIMITS.stages} stages.`);

  const roleKeys = new Set<string>();
  if (t.roles !== undefined && (!Array.isArray(t.roles) || t.roles.length > ROLE_LIMITS.roles))
    fail('roles', `must be a list of at most ${ROLE_LIMITS.roles} roles.`);
  (t.roles ?? []).forEach((r, i) => {
    object(r, `roles[${i}]`);
    if (!isRoleKey(r.key) || roleKeys.has(r.key)) fail(`roles[${i}].key`, 'must be a role key used once.');
    roleKeys.add(r.key);
    localized(r.name, `roles[${i}].name`, ROLE_LIMITS.name);
    source(r.source, `roles[${i}]`);
  });
  const role = (key: string | undefined, field: string) => {
    if (key !== undefined && !roleKeys.has(key)) fail(field, `"${key}" names no role of the template.`);
  };

  const seen = new Map<string, number>();
  // Read before each stage is checked to be an object: a null stage has no key, not a crash.
  const stageKeys = new Set(
    Array.isArray(t.stages) ? t.stages.map((s) => (s as { key?: string } | null)?.key) : []
  );
  (t.recurring ?? []).forEach((r, i) => {
    const at = `recurring[${i}]`;
    object(r, at);
    localized(r.title, `${at}.title`, RECURRING_LIMITS.title);
    const { title, stage, source: ref, ...rest } = r;
    if (!cleanRecurringRule({ ...rest, title: title['zh-CN'] })) fail(at, 'is not a recurring rule.');
    if (stage !== undefined && !stageKeys.has(stage)) fail(`${at}.stage`, `names no stage "${stage}".`);
    source(ref, at);
  });
  t.stages.forEach((s, i) => {
    const at = `stages[${i}]`;
    object(s, at);
    if (typeof s.key !== 'string' || !STAGE_KEY_PATTERN.test(s.key)) {
      fail(`${at}.key`, 'must be 1–32 lowercase letters, digits or dashes.');
    }
    if (seen.has(s.key)) fail(`${at}.key`, `"${s.key}" is used twice.`);
    seen.set(s.key, i);
    localized(s.name, `${at}.name`, LIMITS.stageName);
    if (s.department) localized(s.department, `${at}.department`, RULE_LIMITS.text);
    if (builtin && t.id !== 'blank') source(s.source, at);

    if (!Array.isArray(s.checklist)) fail(`${at}.checklist`, 'must be a list.');
    if (s.checklist.length > RULE_LIMITS.checklistSeeds) {
      fail(`${at}.checklist`, `holds more than ${RULE_LIMITS.checklistSeeds} items.`);
    }
    s.checklist.forEach((item, j) => {
      object(item, `${at}.checklist[${j}]`);
      localized(item.text, `${at}.checklist[${j}].text`, RULE_LIMITS.text);
      source(item.source, `${at}.checklist[${j}]`);
    });

    if (s.gate) {
      object(s.gate, `${at}.gate`);
      if (!Array.isArray(s.gate.approvers) || s.gate.approvers.length === 0) {
        fail(`${at}.gate.approvers`, 'must name at least one approver.');
      }
      if (s.gate.approvers.length > RULE_LIMITS.approvers) {
        fail(`${at}.gate.approvers`, `names more than ${RULE_LIMITS.approvers} approvers.`);
      }
      s.gate.approvers.forEach((a, j) => {
        object(a, `${at}.gate.approvers[${j}]`);
        localized(a.title, `${at}.gate.approvers[${j}].title`, RULE_LIMITS.text);
        if (!APPROVER_LEVELS.includes(a.level)) {
          fail(`${at}.gate.approvers[${j}].level`, `must be one of ${APPROVER_LEVELS.join(', ')}.`);
        }
        if (a.when) localized(a.when, `${at}.gate.approvers[${j}].when`, RULE_LIMITS.text);
        // An approver's own citation is optional: the gate's source covers the approvers it names.
        if (a.source) {
          object(a.source, `${at}.gate.approvers[${j}].source`);
          source(a.source, `${at}.gate.approvers[${j}]`);
        }
        role(a.role, `${at}.gate.approvers[${j}].role`);
        condition(a.if, `${at}.gate.approvers[${j}].if`);
      });
      source(s.gate.source, `${at}.gate`);
      const { signing, reviewsDraft, separateDuties } = s.gate;
      if (signing !== undefined) {
        object(signing, `${at}.gate.signing`);
        if (signing.mode !== 'all') fail(`${at}.gate.signing.mode`, 'must be "all" (absent: any one).');
        if (signing.sequential !== undefined && signing.sequential !== true) {
          fail(`${at}.gate.signing.sequential`, 'must be true or absent.');
        }
        source(signing.source, `${at}.gate.signing`);
      }
      if (reviewsDraft !== undefined && reviewsDraft !== true)
        fail(`${at}.gate.reviewsDraft`, 'must be true or absent.');
      if (separateDuties !== undefined && separateDuties !== true) {
        fail(`${at}.gate.separateDuties`, 'must be true or absent.');
      }
    }

    if (s.owner) {
      object(s.owner, `${at}.owner`);
      role(s.owner.role, `${at}.owner.role`);
      if (cleanStageOwner({ ...s.owner, exit: s.owner.exit ?? 'anyone' }) === null)
        fail(`${at}.owner`, 'must name a hand-off (add, replace, keep) and an exit rule (anyone, owners).');
      source(s.owner.source, `${at}.owner`);
    }

    if (s.timeRule) {
      const problem = timeRuleProblem(s.timeRule);
      if (problem) fail(`${at}.timeRule`, `${problem}.`);
      condition(s.timeRule.if, `${at}.timeRule.if`);
      source(s.timeRule.source, `${at}.timeRule`);
    }

    if (s.sendBackTo) {
      object(s.sendBackTo, `${at}.sendBackTo`);
      const target = seen.get(s.sendBackTo.stage);
      // A loop goes back to work already done; a forward "send back" is a move, not a revision.
      if (target === undefined || target >= i) {
        fail(`${at}.sendBackTo.stage`, `"${s.sendBackTo.stage}" names no earlier stage.`);
      }
      source(s.sendBackTo.source, `${at}.sendBackTo`);
    }

    if (s.requires) {
      const r = s.requires;
      object(r, `${at}.requires`);
      const items = r.checklist === 'all' ? [] : (r.checklist ?? []);
      if (
        !Array.isArray(items) ||
        items.some((n) => !Number.isInteger(n) || n < 0 || n >= s.checklist.length)
      )
        fail(`${at}.requires.checklist`, 'must be "all" or positions in the stage\'s checklist.');
      if (!Array.isArray(r.fields ?? []) || (r.fields ?? []).some((k) => !knownField(k)))
        fail(`${at}.requires.fields`, 'must name fields the template defines, or "date".');
      for (const flag of REQUIREMENT_FLAGS)
        if (r[flag] !== undefined && typeof r[flag] !== 'boolean')
          fail(`${at}.requires.${flag}`, 'must be true or false.');
      source(r.source, `${at}.requires`);
    }

    if (s.wipLimit) {
      object(s.wipLimit, `${at}.wipLimit`);
      const n = s.wipLimit.limit;
      if (!Number.isInteger(n) || n < 1 || n > 999) fail(`${at}.wipLimit.limit`, 'must be 1–999.');
      if (s.wipLimit.why) localized(s.wipLimit.why, `${at}.wipLimit.why`, RULE_LIMITS.text);
    }
  });
}
