/**
 * Signing rules in the built-in templates: 会签 where the document has approvers sign together
 * (each cited, the quote found at its lines in the seed), 或签 otherwise, and the two draft
 * reviews outdate on a new version and keep the card's own people from approving; boards made
 * from them, and team templates saved from those boards, keep the same rules.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initBoard, readBoard, readFieldDefs, readRoleList } from '#lib/board';
import { boardInitFromTemplate, cleanTemplate, templateFromBoard, TEMPLATES } from '#lib/templates';

// The seed documents sit beside the checkout on the project's machines, not in the repository.
const SEEDS = process.env.STAGEBOARD_SEEDS ?? '/work/shared/seeds';

/** The cited lines of a seed, joined (a quote may run over a line break in the PDF's text). */
function citedLines(doc: string, where: string): string {
  const file = readdirSync(SEEDS).find((f) => f.startsWith(`${doc}_`))!;
  const lines = readFileSync(join(SEEDS, file), 'utf8').split('\n');
  const [from, to] = where.match(/l\.(\d+)(?:[–-](\d+))?/)!.slice(1) as [string, string | undefined];
  return lines.slice(Number(from) - 1, Number(to ?? from)).join('');
}

const gates = TEMPLATES.flatMap((t) => t.stages.flatMap((s) => (s.gate ? [{ t, s, gate: s.gate }] : [])));

describe('how the built-in templates sign their gates', () => {
  it.skipIf(!existsSync(SEEDS))(
    'signs 会签 where the document says the approvers sign together, citing words found at the cited lines',
    () => {
      const together = gates.filter((g) => g.gate.signing).map((g) => `${g.t.id}/${g.s.key}`);
      expect(together.sort()).toEqual(
        ['campaign-execution/planning', 'market-research/plan-review', 'pr-activity/planning'].sort()
      );
      for (const { gate } of gates) {
        const source = gate.signing?.source;
        if (!source) continue;
        expect(citedLines(source.doc, source.where)).toContain(source.quote);
      }
    }
  );

  it('outdates approvals on a new draft and separates duties for the design and promotional-material reviews', () => {
    const reviews = gates.filter((g) => g.gate.reviewsDraft && g.gate.separateDuties).map((g) => g.t.id);
    expect(reviews.sort()).toEqual(['design-review', 'promo-material-production']);
  });

  it('boards made from a template, and team templates saved from them, keep the signing rules', () => {
    for (const template of TEMPLATES) {
      const doc = new Y.Doc();
      initBoard(doc, boardInitFromTemplate(template, template.name['zh-CN']));
      const board = readBoard(doc);
      template.stages.forEach((s, i) => {
        const gate = board.stages[i]!.gate;
        expect(gate?.mode === 'all').toBe(Boolean(s.gate?.signing));
        expect(gate?.reviewsDraft === true).toBe(Boolean(s.gate?.reviewsDraft));
        expect(gate?.separateDuties === true).toBe(Boolean(s.gate?.separateDuties));
      });
      // Saved as TemplateService saves it: with the board's roles and fields, which approvers name.
      const team = cleanTemplate(
        templateFromBoard(
          { ...board, fields: readFieldDefs(doc) },
          { id: `team-${template.id}`, name: 'Ours' },
          readRoleList(doc)
        )
      );
      const again = new Y.Doc();
      initBoard(again, boardInitFromTemplate(team, 'Ours'));
      expect(readBoard(again).stages.map((s) => s.gate)).toEqual(board.stages.map((s) => s.gate));
    }
  });
});
