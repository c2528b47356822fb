/**
 * Writes docs/templates.md from the built-in template data, so the document that says where
 * every stage, checklist item, gate and time rule came from cannot drift from what ships.
 * `npm run docs:templates` rewrites it; a unit test fails when it is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Condition } from '#lib/board';
import {
  TEMPLATES,
  type BoardTemplate,
  type Localized,
  type SourceRef,
  type TemplateApprover,
  type TemplateRecurring,
  type TemplateRequirements,
  type TemplateStage,
  type TemplateTimeRule
} from '#lib/templates';

export const SEED_FILES: Record<SourceRef['doc'], string> = {
  '000': '000_marketing-planning-company-workflows.txt',
  '001': '001_campaign-execution-and-supervision.txt',
  '002': '002_market-department-processes-SC001-SC008.txt',
  '003': '003_market-department-handbook.txt',
  '004': '004_brand-marketing-center-workflows.txt'
};

function cite(ref: SourceRef | undefined): string {
  if (!ref) return '_no source_';
  const quote = ref.quote ? ` — “${ref.quote}”` : '';
  const inferred = ref.inferred ? ` · **inferred:** ${ref.inferred}` : '';
  return `${ref.doc} ${ref.where}${quote}${inferred}`;
}

/** One approver: title, level, condition, and its own citation when it has one. */
function approverText(a: TemplateApprover, roleName: ReadonlyMap<string, Localized>): string {
  const when = a.when ? `; when ${a.when['zh-CN']} / ${a.when.en}` : '';
  const by = a.role ? `; signed by ${roleName.get(a.role)?.['zh-CN']}` : '';
  const source = a.source ? ` [${cite(a.source)}]` : '';
  return `${a.title['zh-CN']} (${a.title.en}, ${a.level}${when}${by})${source}`;
}

/** Every item of a template that is inferred rather than stated, as "what; what — why" lines. */
function inferredItems(t: BoardTemplate): string[] {
  // Items inferred for the same reason (one unheaded passage, say) share a line.
  const byReason = new Map<string, string[]>();
  const add = (what: string, ref: SourceRef | undefined) => {
    if (ref?.inferred) byReason.set(ref.inferred, [...(byReason.get(ref.inferred) ?? []), what]);
  };
  const keyName = new Map(t.stages.map((s) => [s.key, s.name['zh-CN']]));
  for (const s of t.stages) {
    const stage = s.name['zh-CN'];
    add(`stage ${stage}`, s.source);
    for (const item of s.checklist) add(`checklist item ${item.text['zh-CN']} (${stage})`, item.source);
    add(`approval gate of ${stage}`, s.gate?.source);
    for (const a of s.gate?.approvers ?? []) add(`approver ${a.title['zh-CN']} (${stage})`, a.source);
    add(`time rule of ${stage}`, s.timeRule?.source);
    if (s.sendBackTo) add(`send-back ${stage} → ${keyName.get(s.sendBackTo.stage)}`, s.sendBackTo.source);
  }
  return [...byReason].map(([why, what]) => `${what.join('; ')} — ${why}`);
}

const INFERRED_NOTES = readFileSync(new URL('./templates-doc.inferred.md', import.meta.url), 'utf8').trim();

/** The hand-written section on inferred items, then every inferred item of every template. */
function renderInferred(templates: readonly BoardTemplate[]): string {
  const out = ['## Inferred rather than stated', '', INFERRED_NOTES, '', '### Every inferred item', ''];
  for (const t of templates) {
    const items = inferredItems(t);
    if (items.length === 0) continue;
    out.push(`- **${t.name['zh-CN']}** (\`${t.id}\`)`, ...items.map((i) => `  - ${i}`));
  }
  out.push('');
  return out.join('\n');
}

function unit(u: string, n: number): string {
  const words: Record<string, string> = { days: 'day', 'working-days': 'working day', months: 'month' };
  return `${n} ${words[u] ?? u}${n === 1 ? '' : 's'}`;
}

function ruleText(rule: TemplateTimeRule, dateLabel: string): string {
  switch (rule.kind) {
    case 'stage-days':
      return `at most ${unit(rule.working ? 'working-days' : 'days', rule.days)} in the stage`;
    case 'monthly':
      return `leave the stage by day ${rule.day} of the month`;
    case 'start-by':
      return `enter the stage at least ${unit(rule.unit, rule.amount)} before the card's ${dateLabel}`;
    case 'finish-by':
      return `leave the stage at least ${unit(rule.unit, rule.amount)} before the card's ${dateLabel}`;
  }
}

const WEEKDAYS = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const SHIFT = { before: 'the working day before', after: 'the working day after', keep: 'kept' } as const;

function recurringText(r: TemplateRecurring, keyName: Map<string, Localized>): string {
  const when =
    r.every.kind === 'monthly' ? `monthly on day ${r.every.day}` : `every ${WEEKDAYS[r.every.weekday]}`;
  const stage = r.stage ? keyName.get(r.stage) : undefined;
  const where = stage ? `${stage['zh-CN']} / ${stage.en}` : 'the first stage';
  const lead = r.leadDays ? `, made ${unit('days', r.leadDays)} ahead` : '';
  const paused = r.paused ? ' (paused: resumed by the team)' : '';
  return (
    `- **Recurring plan:** ${r.title['zh-CN']} / ${r.title.en}, ${when} (on a day off: ${SHIFT[r.nonWorking]})` +
    `${lead}, in ${where}${paused} · ${cite(r.source)}`
  );
}

/** A condition on a card field in words: "when 需求类型 (request type) is 影视". */
function conditionText(c: Condition | undefined, t: BoardTemplate): string {
  if (!c) return '';
  const f = t.fields?.find((x) => x.key === c.field);
  const name = f ? `${f.name['zh-CN']} (${f.name.en.toLowerCase()})` : c.field;
  const op = { set: 'is set', gt: 'is above', gte: 'is at least', eq: 'is' }[c.op];
  return ` — only when ${name} ${op}${c.value === undefined ? '' : ` ${String(c.value)}`}`;
}

/** What a stage requires before a card leaves it, in words. */
function requiresText(
  r: TemplateRequirements,
  s: TemplateStage,
  t: BoardTemplate,
  dateLabel: string
): string {
  const parts: string[] = [];
  if (r.checklist === 'all') parts.push('the whole checklist ticked');
  else for (const i of r.checklist ?? []) parts.push(`“${s.checklist[i]?.text['zh-CN']}” ticked`);
  if (r.draft) parts.push('a draft attached');
  for (const key of r.fields ?? []) {
    const f = t.fields?.find((x) => x.key === key);
    parts.push(
      `${key === 'date' ? dateLabel : f ? `${f.name['zh-CN']} (${f.name.en.toLowerCase()})` : key} filled in`
    );
  }
  if (r.assignee) parts.push('someone assigned');
  if (r.budget) parts.push('a budget line');
  if (r.targets) parts.push('a target set');
  if (r.actuals) parts.push('every target’s actual recorded');
  return parts.join(', ');
}

function renderTemplate(t: BoardTemplate, n: number): string {
  const out: string[] = [];
  const dateLabel = t.dateLabel ? `${t.dateLabel['zh-CN']} (${t.dateLabel.en.toLowerCase()})` : 'due date';
  const keyName = new Map(t.stages.map((s) => [s.key, s.name]));
  out.push(`## ${n}. ${t.name['zh-CN']} — ${t.name.en} (\`${t.id}\`)`, '');
  out.push(`${t.description['zh-CN']}`, '', `${t.description.en}`, '');
  out.push(`- **Derived from:** ${t.sources.map((s) => cite(s)).join('; ')}`);
  if (t.dateLabel) out.push(`- **The card's date means:** ${dateLabel}`);
  const roleName = new Map((t.roles ?? []).map((r) => [r.key, r.name]));
  if (t.roles?.length) {
    out.push('- **Process roles** (the board maps each to people):');
    for (const r of t.roles) out.push(`  - ${r.name['zh-CN']} — ${r.name.en} · ${cite(r.source)}`);
  }
  for (const f of t.fields ?? [])
    out.push(`- **Card field:** ${f.name['zh-CN']} / ${f.name.en} (${f.kind}) · ${cite(f.source)}`);
  out.push('');
  t.stages.forEach((s, i) => {
    const dept = s.department ? ` — ${s.department['zh-CN']} (${s.department.en})` : '';
    out.push(`### ${n}.${i + 1} ${s.name['zh-CN']} / ${s.name.en}${dept}`, '');
    out.push(`- **Stage:** ${cite(s.source)}`);
    if (s.checklist.length) {
      out.push('- **Checklist:**');
      for (const item of s.checklist) {
        out.push(`  - ${item.text['zh-CN']} — ${item.text.en} · ${cite(item.source)}`);
      }
    }
    if (s.gate) {
      const who = s.gate.approvers.map((a) => approverText(a, roleName) + conditionText(a.if, t)).join(' + ');
      out.push(`- **Approval gate (before leaving):** ${who} · ${cite(s.gate.source)}`);
      const { signing } = s.gate;
      out.push(
        signing
          ? `  - **Signed:** 会签, every approver${signing.sequential ? ', in order' : ''} · ${cite(signing.source)}`
          : '  - **Signed:** 或签, any one approver'
      );
      if (s.gate.reviewsDraft)
        out.push('  - **Reviews the draft:** a new version after approval needs a new one');
      if (s.gate.separateDuties)
        out.push('  - **Separation of duties:** the card’s assignees and creator may not approve');
    }
    if (s.owner) {
      const role = roleName.get(s.owner.role);
      const exit = s.owner.exit === 'owners' ? '; only its owners and managers move cards out' : '';
      out.push(
        `- **Owner:** ${role?.['zh-CN']} / ${role?.en} (hand-off: ${s.owner.handoff}${exit}) · ${cite(s.owner.source)}`
      );
    }
    if (s.timeRule)
      out.push(
        `- **Time rule:** ${ruleText(s.timeRule, dateLabel)}${conditionText(s.timeRule.if, t)} · ${cite(s.timeRule.source)}`
      );
    if (s.requires)
      out.push(
        `- **Required before leaving:** ${requiresText(s.requires, s, t, dateLabel)} · ${cite(s.requires.source)}`
      );
    if (s.sendBackTo) {
      const target = keyName.get(s.sendBackTo.stage);
      out.push(`- **Sent back to:** ${target?.['zh-CN']} / ${target?.en} · ${cite(s.sendBackTo.source)}`);
    }
    if (s.wipLimit) {
      const why = s.wipLimit.why ? ` — ${s.wipLimit.why.en}` : '';
      out.push(`- **WIP limit:** ${s.wipLimit.limit}${why}`);
    }
    out.push('');
  });
  for (const r of t.recurring ?? []) out.push(recurringText(r, keyName), '');
  return out.join('\n');
}

/** The whole of docs/templates.md. */
export function renderTemplatesDoc(templates: readonly BoardTemplate[] = TEMPLATES): string {
  const withSources = templates.filter((t) => t.sources.length > 0);
  const files = Object.entries(SEED_FILES)
    .map(([doc, file]) => `- \`${doc}\` — \`../shared/seeds/${file}\``)
    .join('\n');
  return [
    '# Built-in process templates and where each rule comes from',
    '',
    '<!-- Generated by `npm run docs:templates` from src/lib/templates/builtin; do not edit by hand. -->',
    '',
    'Each template turns one documented process from the seed documents into a board. Stage names',
    'are Chinese as the documents write them, with our English translation beside. Every stage,',
    'checklist item, approval gate, time rule and revision loop cites the document, section and',
    'lines it was taken from, with the words that justify it. No seed document sets a WIP limit;',
    'where a template has one, it says why it was suggested. The research behind these choices',
    '(ambiguities, garbled passages, alternatives) is in `docs/research/templates-from-seeds.md`.',
    'Where a stage, send-back, approver or item is our reading rather than the words of a document,',
    'it is marked **inferred** with the reason; the last section says how we inferred and lists them.',
    '',
    'Seed documents:',
    '',
    files,
    '',
    'Time rules count back from the date on the card (its meaning is named per template);',
    'a board made from a built-in template counts working days by mainland China’s calendar, public',
    'holidays and make-up working days (调休) included (`chinese-days`; see `src/lib/calendar`).',
    '',
    ...withSources.map((t, i) => renderTemplate(t, i + 1)),
    renderInferred(withSources)
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const target = fileURLToPath(new URL('../docs/templates.md', import.meta.url));
  writeFileSync(target, renderTemplatesDoc());
  console.log(`wrote ${target}`);
}
