/**
 * Between templates and boards. A board gets a copy of its template's rules (so editing the
 * template later leaves the board alone); a board's current stages and rules can be saved as a
 * team template.
 */
import type {
  BoardInit,
  BoardView,
  CardFieldView,
  ChecklistSeed,
  Condition,
  Department,
  Gate,
  Requirements,
  RoleView,
  StageInit
} from '../board';
import type {
  BoardTemplate,
  Localized,
  TemplateGate,
  TemplateRequirements,
  TemplateRole,
  TemplateStage
} from './types';

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
      ...(a.role ? { role: a.role } : {}),
      ...(a.when ? { when: a.when['zh-CN'], whenAlt: a.when.en } : {}),
      ...(a.if ? { if: a.if } : {})
    })),
    ...gateOptions(gate.signing, gate)
  };
}

/** A gate's signing options, written only when set (as cleanGate stores them). */
function gateOptions(
  signing: TemplateGate['signing'] | Pick<Gate, 'mode' | 'sequential'>,
  flags: Pick<Gate, 'reviewsDraft' | 'separateDuties'>
): Omit<Gate, 'approvers'> {
  return {
    ...(signing?.mode === 'all' ? { mode: 'all' as const } : {}),
    ...(signing?.mode === 'all' && signing.sequential ? { sequential: true as const } : {}),
    ...(flags.reviewsDraft ? { reviewsDraft: true as const } : {}),
    ...(flags.separateDuties ? { separateDuties: true as const } : {})
  };
}

/** A board gate's signing options as a team template keeps them (its own, so no source). */
function teamGateOptions(gate: Gate): Omit<TemplateGate, 'approvers' | 'source'> {
  const { reviewsDraft, separateDuties } = gateOptions(undefined, gate);
  return {
    ...(gate.mode === 'all'
      ? {
          signing: {
            mode: 'all' as const,
            ...(gate.sequential ? { sequential: true as const } : {})
          }
        }
      : {}),
    ...(reviewsDraft ? { reviewsDraft } : {}),
    ...(separateDuties ? { separateDuties } : {})
  };
}

/** A template's requirements as a board stores them (checklist positions become seed keys). */
function boardRequires(r: TemplateRequirements | undefined): Requirements | null {
  if (!r) return null;
  const { checklist, draft, fields, assignee, budget, targets, actuals } = r;
  return {
    ...(checklist ? { checklist: checklist === 'all' ? 'all' : checklist.map((i) => `c${i}`) } : {}),
    ...(draft ? { draft } : {}),
    ...(fields ? { fields } : {}),
    ...(assignee ? { assignee } : {}),
    ...(budget ? { budget } : {}),
    ...(targets ? { targets } : {}),
    ...(actuals ? { actuals } : {})
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
    sendBackTo: stage.sendBackTo ? keys.indexOf(stage.sendBackTo.stage) : null,
    owner: stage.owner
      ? { role: stage.owner.role, handoff: stage.owner.handoff, exit: stage.owner.exit ?? 'anyone' }
      : null,
    requires: boardRequires(stage.requires)
  };
}

/** What initBoard needs to build a board from a template. */
export function boardInitFromTemplate(template: BoardTemplate, title: string): BoardInit {
  const keys = template.stages.map((s) => s.key);
  return {
    title,
    templateId: template.id,
    dateLabel: boardText(template.dateLabel),
    // Nobody holds a role yet: the board's managers map people to them (the Roles dialog).
    roles: Object.fromEntries(
      (template.roles ?? []).map((r) => [r.key, { name: r.name['zh-CN'], alt: r.name.en, people: [] }])
    ),
    // The built-in templates come from Chinese companies' documents: their working days are
    // mainland China's. A team template leaves the choice to the board (Monday–Friday).
    ...(template.kind === 'builtin' ? { calendar: 'cn-mainland' as const } : {}),
    fields: (template.fields ?? []).map((f) => ({
      id: f.key,
      name: f.name['zh-CN'],
      alt: f.name.en,
      kind: f.kind
    })),
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
 * template is its own, whatever it started from. Its roles go with it, but not who holds them:
 * a board made from it maps its own people.
 */
export function templateFromBoard(
  board: Pick<BoardView, 'stages' | 'meta'> & { fields?: readonly CardFieldView[] },
  options: { id: string; name: string; description?: string },
  boardRoles: readonly RoleView[] = []
): BoardTemplate {
  const keyOf = new Map(board.stages.map((s, i) => [s.id, `s${i + 1}`]));
  const label = board.meta.dateLabel;
  const roles: TemplateRole[] = boardRoles.map((r) => ({ key: r.key, name: localized(r.name, r.alt) }));
  // A stage or approver naming a role since removed keeps no role: the template would not validate.
  const roleKeys = new Set(roles.map((r) => r.key));
  const role = (key: string | undefined) => (key && roleKeys.has(key) ? { role: key } : {});
  // The board's card fields go with it, so its requirements and conditions still name them.
  const fields = (board.fields ?? []).map((f) => ({
    key: f.id,
    name: localized(f.name, f.alt),
    kind: f.kind
  }));
  const known = new Set(['date', ...fields.map((f) => f.key)]);
  const on = (c: Condition | undefined) => (c && known.has(c.field) ? { if: c } : {});
  return {
    id: options.id,
    kind: 'team',
    name: localized(options.name),
    description: localized(options.description || options.name),
    sources: [],
    ...(label ? { dateLabel: localized(label.text, label.alt) } : {}),
    ...(roles.length ? { roles } : {}),
    ...(fields.length ? { fields } : {}),
    stages: board.stages.map((s, i): TemplateStage => {
      const requires = s.requires && templateRequires(s.requires, s.checklist, known);
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
                  ...role(a.role),
                  ...(a.when ? { when: localized(a.when, a.whenAlt) } : {}),
                  ...on(a.if)
                })),
                ...teamGateOptions(s.gate)
              }
            }
          : {}),
        ...(s.owner && roleKeys.has(s.owner.role) ? { owner: { ...s.owner } } : {}),
        ...(s.timeRule ? { timeRule: knownIf(s.timeRule, known) } : {}),
        ...(requires ? { requires } : {}),
        // A loop to a stage now placed after this one is no revision loop any more; drop it.
        ...(back && backIndex < i ? { sendBackTo: { stage: back } } : {}),
        ...(s.wipLimit ? { wipLimit: { limit: s.wipLimit } } : {})
      };
    })
  };
}

/** A board's requirements as a template says them: named items by position, known fields only. */
function templateRequires(
  r: Requirements,
  checklist: readonly ChecklistSeed[],
  known: ReadonlySet<string>
): TemplateRequirements | null {
  const items = Array.isArray(r.checklist)
    ? r.checklist.map((key) => checklist.findIndex((c) => c.key === key)).filter((i) => i >= 0)
    : [];
  const fields = (r.fields ?? []).filter((f) => known.has(f));
  const out: TemplateRequirements = {
    ...(r.checklist === 'all' ? { checklist: 'all' as const } : items.length ? { checklist: items } : {}),
    ...(r.draft ? { draft: true } : {}),
    ...(fields.length ? { fields } : {}),
    ...(r.assignee ? { assignee: true } : {}),
    ...(r.budget ? { budget: true } : {}),
    ...(r.targets ? { targets: true } : {}),
    ...(r.actuals ? { actuals: true } : {})
  };
  return Object.keys(out).length ? out : null;
}

/** The rule without a condition on a field the template does not define. */
function knownIf<T extends { if?: Condition }>(rule: T, known: ReadonlySet<string>): T {
  const out = { ...rule };
  if (out.if && !known.has(out.if.field)) delete out.if;
  return out;
}
