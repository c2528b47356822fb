/**
 * The stage settings dialog's buffer for what a stage requires before a card leaves it (written
 * with the stage's other rules on Save, StageRulesDraft's sibling): ticks for a draft, an
 * assignee, the whole checklist or named items of it, fields ('date': the card's own date), and
 * the supervision ones: a budget line, a target, every target's actual.
 */
import type { Requirements, StageView } from '$lib/board';

export class RequirementsDraft {
  draft = $state(false);
  assignee = $state(false);
  budget = $state(false);
  targets = $state(false);
  actuals = $state(false);
  allItems = $state(false);
  /** Seed keys of the items required by name (when not the whole checklist). */
  items = $state<string[]>([]);
  /** Card field ids required filled, 'date' among them for the card's own date. */
  fields = $state<string[]>([]);

  constructor(stage: StageView) {
    const r = stage.requires;
    this.draft = r?.draft === true;
    this.assignee = r?.assignee === true;
    this.budget = r?.budget === true;
    this.targets = r?.targets === true;
    this.actuals = r?.actuals === true;
    this.allItems = r?.checklist === 'all';
    this.items = Array.isArray(r?.checklist) ? [...r.checklist] : [];
    this.fields = [...(r?.fields ?? [])];
  }

  /** Ticks or unticks `key` in one of the lists. */
  toggle(list: 'items' | 'fields', key: string, on: boolean): void {
    const rest = this[list].filter((k) => k !== key);
    this[list] = on ? [...rest, key] : rest;
  }

  /** The requirements to write, keeping only named items the stage still seeds; null: none. */
  patch(seedKeys: readonly string[]): Requirements | null {
    const out: Requirements = {};
    const items = this.items.filter((k) => seedKeys.includes(k));
    if (this.allItems) out.checklist = 'all';
    else if (items.length) out.checklist = items;
    if (this.draft) out.draft = true;
    if (this.fields.length) out.fields = [...this.fields];
    if (this.assignee) out.assignee = true;
    if (this.budget) out.budget = true;
    if (this.targets) out.targets = true;
    if (this.actuals) out.actuals = true;
    return Object.keys(out).length ? out : null;
  }
}
