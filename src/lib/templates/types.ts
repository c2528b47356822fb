/**
 * A board template: a documented process as typed data. Built-in templates come from the seed
 * documents and cite where every stage, checklist item, gate and time rule was found, so
 * docs/templates.md can be generated from them; a team's own templates are saved from a board
 * and carry no sources.
 */
import type { CardFieldKind } from '../board/card-fields';
import type { ApproverLevel, Condition, LeadUnit } from '../board/rules';

/** A text in both languages the app ships. The Chinese is the document's own wording. */
export interface Localized {
  'zh-CN': string;
  en: string;
}

/** One of the seed documents in ../shared/seeds, by its number. */
export type SeedDoc = '000' | '001' | '002' | '003' | '004';

/** Where in a seed document something was found: section and lines, and a short quote. */
export interface SourceRef {
  doc: SeedDoc;
  /** Section heading or step id and line numbers, e.g. "§2.2.6, l.212–219" or "SC-006 step 3". */
  where: string;
  /** The words in the document that justify the item (Chinese, short). */
  quote?: string;
}

export interface TemplateChecklistItem {
  text: Localized;
  source?: SourceRef;
}

export interface TemplateApprover {
  title: Localized;
  level: ApproverLevel;
  /** Needed only under this condition; absent means always. */
  when?: Localized;
  /** The same condition as a test on a card field (the template's `fields`), when one can say it. */
  if?: Condition;
}

export interface TemplateGate {
  approvers: TemplateApprover[];
  source?: SourceRef;
}

/** Same shapes as the board's TimeRule (src/lib/board/rules.ts), plus where it came from. */
export type TemplateTimeRule = (
  | { kind: 'stage-days'; days: number; working: boolean }
  | { kind: 'start-by' | 'finish-by'; amount: number; unit: LeadUnit }
  | { kind: 'monthly'; day: number }
) & { if?: Condition; source?: SourceRef };

/** A card field the document names (预算, 重大项目, 需求类型); `key` is its id on the board. */
export interface TemplateField {
  key: string;
  name: Localized;
  kind: CardFieldKind;
  source?: SourceRef;
}

/**
 * What a card must have before it leaves the stage forward (the board's Requirements, rules.ts):
 * checklist items by position in the stage's checklist, or 'all'; fields by template key or 'date'.
 */
export interface TemplateRequirements {
  checklist?: 'all' | number[];
  draft?: boolean;
  fields?: string[];
  assignee?: boolean;
  source?: SourceRef;
}

export interface TemplateStage {
  /** Stable within the template (lowercase, digits, dashes); sendBackTo refers to it. */
  key: string;
  /** zh-CN as the document writes the step; en is our translation. */
  name: Localized;
  department?: Localized;
  source?: SourceRef;
  checklist: TemplateChecklistItem[];
  /** Sign-off needed before a card leaves this stage forward. */
  gate?: TemplateGate;
  timeRule?: TemplateTimeRule;
  /** The earlier stage a card returns to when it is sent back from this one. */
  sendBackTo?: { stage: string; source?: SourceRef };
  /** What a card must have before it leaves this stage forward. */
  requires?: TemplateRequirements;
  /** No seed document sets a WIP limit, so `why` says where the number came from. */
  wipLimit?: { limit: number; why?: Localized };
}

export type TemplateKind = 'builtin' | 'team';

export interface BoardTemplate {
  /** Lowercase letters, digits and dashes; team templates get `team-` + a random id. */
  id: string;
  kind: TemplateKind;
  name: Localized;
  description: Localized;
  /** The documents and sections the template as a whole is derived from. */
  sources: SourceRef[];
  /** What the card's date means on this board (节日日期 / Holiday date); absent: "Due date". */
  dateLabel?: Localized;
  /** Card fields a board made from the template defines. */
  fields?: TemplateField[];
  stages: TemplateStage[];
}
