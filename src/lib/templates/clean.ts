/**
 * A template rebuilt from its known fields only. Team templates arrive as JSON from the network;
 * after validation this drops whatever else a client sent, so the store keeps exactly the shape
 * the code reads and nothing a later version might misread.
 */
import { cleanCondition, cleanTimeRule } from '../board/rules';
import type { BoardTemplate, Localized, SourceRef, TemplateRequirements, TemplateStage } from './types';
import { validateTemplate } from './validate';

const loc = (l: Localized): Localized => ({ 'zh-CN': l['zh-CN'], en: l.en });
const src = (s: SourceRef | undefined) =>
  s ? { source: { doc: s.doc, where: s.where, ...(s.quote ? { quote: s.quote } : {}) } } : {};

function requires(r: TemplateRequirements): TemplateRequirements {
  return {
    ...(r.checklist ? { checklist: r.checklist === 'all' ? 'all' : [...r.checklist] } : {}),
    ...(r.draft ? { draft: true } : {}),
    ...(r.fields ? { fields: [...r.fields] } : {}),
    ...(r.assignee ? { assignee: true } : {}),
    ...(r.budget ? { budget: true } : {}),
    ...(r.targets ? { targets: true } : {}),
    ...(r.actuals ? { actuals: true } : {}),
    ...src(r.source)
  };
}

function stage(s: TemplateStage): TemplateStage {
  const rule = s.timeRule ? cleanTimeRule(s.timeRule) : null;
  return {
    key: s.key,
    name: loc(s.name),
    ...(s.department ? { department: loc(s.department) } : {}),
    ...src(s.source),
    checklist: s.checklist.map((item) => ({ text: loc(item.text), ...src(item.source) })),
    ...(s.gate
      ? {
          gate: {
            approvers: s.gate.approvers.map((a) => ({
              title: loc(a.title),
              level: a.level,
              ...(a.role ? { role: a.role } : {}),
              ...(a.when ? { when: loc(a.when) } : {}),
              ...(a.when ? { when: loc(a.when) } : {}),
              ...(a.if ? { if: cleanCondition(a.if)! } : {})
            })),
            ...src(s.gate.source),
            ...(s.gate.signing
              ? {
                  signing: {
                    mode: 'all' as const,
                    ...(s.gate.signing.sequential ? { sequential: true as const } : {}),
                    ...src(s.gate.signing.source)
                  }
                }
              : {}),
            ...(s.gate.reviewsDraft ? { reviewsDraft: true as const } : {}),
            ...(s.gate.separateDuties ? { separateDuties: true as const } : {})
          }
        }
      : {}),
    ...(s.owner
      ? {
          owner: {
            role: s.owner.role,
            handoff: s.owner.handoff,
            ...(s.owner.exit ? { exit: s.owner.exit } : {}),
            ...src(s.owner.source)
          }
        }
      : {}),
    ...(rule ? { timeRule: { ...rule, ...src(s.timeRule?.source) } } : {}),
    ...(s.requires ? { requires: requires(s.requires) } : {}),
    ...(s.sendBackTo ? { sendBackTo: { stage: s.sendBackTo.stage, ...src(s.sendBackTo.source) } } : {}),
    ...(s.wipLimit
      ? { wipLimit: { limit: s.wipLimit.limit, ...(s.wipLimit.why ? { why: loc(s.wipLimit.why) } : {}) } }
      : {})
  };
}

/** Validates a template (throwing TemplateError naming the field) and returns a clean copy. */
export function cleanTemplate(t: BoardTemplate): BoardTemplate {
  validateTemplate(t);
  return {
    id: t.id,
    kind: t.kind,
    name: loc(t.name),
    description: loc(t.description),
    sources: t.sources.map((s) => src(s).source as SourceRef),
    ...(t.dateLabel ? { dateLabel: loc(t.dateLabel) } : {}),
    ...(t.roles ? { roles: t.roles.map((r) => ({ key: r.key, name: loc(r.name), ...src(r.source) })) } : {}),
    ...(t.fields?.length
      ? { fields: t.fields.map((f) => ({ key: f.key, name: loc(f.name), kind: f.kind, ...src(f.source) })) }
      : {}),
    stages: t.stages.map(stage)
  };
}
