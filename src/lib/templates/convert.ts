/**
 * Between templates and boards. A board gets a copy of its template's rules (so editing the
 * template later leaves the board alone); a board's current stages and rules can be saved as a
 * team template.
 */
import type { BoardInit, BoardView, Department, Gate, StageInit } from '../board';
import type { BoardTemplate, Localized, TemplateGate, TemplateStage } from './types';

/** A template text as a board stores it: the document's wording, English beside. */
export function boardText(text: Localized | undefined): Department | null {
  return text ? { text: text['zh-CN'], alt: text.en } : null;
}

/** A template gate as a board stores it. */
export function boardGate(gate: TemplateGate | undefined): Gate | null {
  if (!gate) return null;
  return {
    approvers: gate.approvers.map((a) => ({
      title: a.title['zh-CN'],
      titleAlt: a.title.en,
      level: a.level,
      ...(a.when ? { when: a.when['zh-CN'], whenAlt: a.when.en } : {})
    }))
  };
}

/** One stage of a template as the board stores it. Checklist keys are the item's position. */
function stageInit(stage: TemplateStage, keys: readonly string[]): StageInit {
  return {
    name: stage.name['zh-CN'],
    altName: stage.name.en,
    wipLimit: stage.wipLimit?.limit ?? null,
    department: boardText(stage.department),
    timeRule: stage.timeRule ?? null,
    gate: boardGate(stage.gate),
    checklist: stage.checklist.map((item, i) => ({
      key: `c${i}`,
      text: item.text['zh-CN'],
      alt: item.text.en
    })),
    sendBackTo: stage.sendBackTo ? keys.indexOf(stage.sendBackTo.stage) : null
  };
}

/** What initBoard needs to build a board from a template. */
export function boardInitFromTemplate(template: BoardTemplate, title: string): BoardInit {
  const keys = template.stages.map((s) => s.key);
  return {
    title,
    templateId: template.id,
    dateLabel: boardText(template.dateLabel),
    // The built-in templates come from Chinese companies' documents: their working days are
    // mainland China's. A team template leaves the choice to the board (Monday–Friday).
    ...(template.kind === 'builtin' ? { calendar: 'cn-mainland' as const } : {}),
    stages: template.stages.map((s) => stageInit(s, keys)),
    ...(template.recurring?.length
      ? {
          recurring: template.recurring.map(({ title, stage, source: _source, ...rule }) => ({
            ...rule,
            title: title['zh-CN'],
            ...(stage ? { stage: keys.indexOf(stage) } : {})
          }))
        }
      : {})
  };
}

/** A board text and its second-language text as a Localized pair (the same text twice when alone). */
function localized(text: string, second?: string | null): Localized {
  return { 'zh-CN': text, en: second || text };
}

/**
 * A board's stages and rules as a team template. Sources are not carried over: the team's
 * template is its own, whatever it started from.
 */
export function templateFromBoard(
  board: Pick<BoardView, 'stages' | 'meta'>,
  options: { id: string; name: string; description?: string }
): BoardTemplate {
  const keyOf = new Map(board.stages.map((s, i) => [s.id, `s${i + 1}`]));
  const label = board.meta.dateLabel;
  return {
    id: options.id,
    kind: 'team',
    name: localized(options.name),
    description: localized(options.description || options.name),
    sources: [],
    ...(label ? { dateLabel: localized(label.text, label.alt) } : {}),
    stages: board.stages.map((s, i): TemplateStage => {
      const back = s.sendBackTo ? keyOf.get(s.sendBackTo) : undefined;
      const backIndex = s.sendBackTo ? board.stages.findIndex((o) => o.id === s.sendBackTo) : -1;
      return {
        key: keyOf.get(s.id) as string,
        name: localized(s.name, s.altName),
        ...(s.department ? { department: localized(s.department.text, s.department.alt) } : {}),
        checklist: s.checklist.map((c) => ({ text: localized(c.text, c.alt) })),
        ...(s.gate
          ? {
              gate: {
                approvers: s.gate.approvers.map((a) => ({
                  title: localized(a.title, a.titleAlt),
                  level: a.level,
                  ...(a.when ? { when: localized(a.when, a.whenAlt) } : {})
                }))
              }
            }
          : {}),
        ...(s.timeRule ? { timeRule: { ...s.timeRule } } : {}),
        // A loop to a stage now placed after this one is no revision loop any more; drop it.
        ...(back && backIndex < i ? { sendBackTo: { stage: back } } : {}),
        ...(s.wipLimit ? { wipLimit: { limit: s.wipLimit } } : {})
      };
    })
  };
}
