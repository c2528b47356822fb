/**
 * A board template: a documented process as typed data. Built-in templates come from the seed
 * documents and cite where every stage, checklist item, gate and time rule was found, so
 * docs/templates.md can be generated from them; a team's own templates are saved from a board
 * and carry no sources.
 */
import type { ExitRule, Handoff } from '../board/roles';
import type { Recurrence } from '../board/recurring';
import type { NonWorkingShift } from '../calendar';
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
  /**
   * Present when the document does not state the item but it is read from what it does say (a
   * flowchart box with no return arrow, a leader the text leaves unnamed): why, in English, for
   * docs/templates.md. A reader must be able to tell our reading from the document's words.
   */
  inferred?: string;
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
  /** The template role (BoardTemplate.roles key) whose people sign for this approver. */
  role?: string;
  /** The same condition as a test on a card field (the template's `fields`), when one can say it. */
  if?: Condition;
  /** Where this approver is named, when not where the gate is (another document, another line). */
  source?: SourceRef;
}

/** A process role the document names (设计部, 会务专员 …); a board maps it to people. */
export interface TemplateRole {
  /** Stable within the template (letters, digits, _ and -); stages and approvers refer to it. */
  key: string;
  name: Localized;
  source?: SourceRef;
}

/** The role that owns a stage, how a card entering it is handed over, and who moves it out. */
export interface TemplateOwner {
  role: string;
  handoff: Handoff;
  /** Absent: anyone who may move cards. */
  exit?: ExitRule;
  source?: SourceRef;
}

export interface TemplateGate {
  approvers: TemplateApprover[];
  source?: SourceRef;
  /** 会签 (every approver signs), in order or not, where the document has them sign together; absent: 或签. */
  signing?: { mode: 'all'; sequential?: true; source?: SourceRef };
  /** The gate reviews a draft: a new version after approval needs a new approval. */
  reviewsDraft?: true;
  /** The card's assignees and creator may not approve it. */
  separateDuties?: true;
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
 * checklist items by position in the stage's checklist, or 'all'; fields by template key or 'date';
 * a budget line, a target, every target's actual.
 */
export interface TemplateRequirements {
  checklist?: 'all' | number[];
  draft?: boolean;
  fields?: string[];
  assignee?: boolean;
  budget?: boolean;
  targets?: boolean;
  actuals?: boolean;
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
  /** The role responsible for the stage, as the document assigns the step. */
  owner?: TemplateOwner;
  /** What a card must have before it leaves this stage forward. */
  requires?: TemplateRequirements;
  /** No seed document sets a WIP limit, so `why` says where the number came from. */
  wipLimit?: { limit: number; why?: Localized };
}

/** A recurring plan the board starts with (src/lib/board/recurring.ts), citing where the document sets it. */
export interface TemplateRecurring {
  title: Localized;
  /** The key of the stage its cards are made in; absent: the first stage. */
  stage?: string;
  every: Recurrence;
  nonWorking: NonWorkingShift;
  leadDays: number;
  paused: boolean;
  source?: SourceRef;
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
  /** The process roles its stages and approvers name. */
  roles?: TemplateRole[];
  /** Card fields a board made from the template defines. */
  fields?: TemplateField[];
  stages: TemplateStage[];
  /** Cards the board makes by itself every month or week. */
  recurring?: TemplateRecurring[];
}
