/**
 * Writes docs/templates.md from the built-in template data, so the document that says where
 * every stage, checklist item, gate and time rule came from cannot drift from what ships.
 * `npm run docs:templates` rewrites it; a unit test fails when it is out of date.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Condition } from '#lib/board';
import {
  TEMPLATES,
  type BoardTemplate,
  type SourceRef,
  type TemplateRequirements,
  type TemplateStage,
  type TemplateTimeRule
} from '#lib/templates';

const SEED_FILES: Record<SourceRef['doc'], string> = {
  '000': '000_marketing-planning-company-workflows.txt',
  '001': '001_campaign-execution-and-supervision.txt',
  '002': '002_market-department-processes-SC001-SC008.txt',
  '003': '003_market-department-handbook.txt',
  '004': '004_brand-marketing-center-workflows.txt'
};

function cite(ref: SourceRef | undefined): string {
  if (!ref) return '_no source_';
  const quote = ref.quote ? ` — “${ref.quote}”` : '';
  return `${ref.doc} ${ref.where}${quote}`;
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
      const who = s.gate.approvers
        .map(
          (a) =>
            `${a.title['zh-CN']} (${a.title.en}, ${a.level}${a.when ? `; when ${a.when.en}` : ''})${conditionText(a.if, t)}`
        )
        .join(' + ');
      out.push(`- **Approval gate (before leaving):** ${who} · ${cite(s.gate.source)}`);
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
    '',
    'Seed documents:',
    '',
    files,
    '',
    'Time rules count back from the date on the card (its meaning is named per template);',
    'working days are Monday to Friday, without public holidays (see `src/lib/board/dates.ts`).',
    '',
    ...withSources.map((t, i) => renderTemplate(t, i + 1))
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const target = fileURLToPath(new URL('../docs/templates.md', import.meta.url));
  writeFileSync(target, renderTemplatesDoc());
  console.log(`wrote ${target}`);
}
