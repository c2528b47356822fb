import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvSources, decodeCsv, guessColumns, parseDay, planCsv, readCsv } from '#lib/transfer/csv-import';
import { ImportProblem } from '#lib/transfer/import-problem';
import type { ImportCandidate } from '#lib/transfer/import-plan';

const bytes = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/csv/${name}`));
const candidates: ImportCandidate[] = [
  { userId: 'u-li', name: '李雷', email: 'li@example.com' },
  { userId: 'u-wang', name: '王芳', email: 'wang@example.com' }
];
const newBoard = { title: '导入的任务', template: null, stageFor: {} };

describe('CSV files in the encodings Chinese spreadsheets save', () => {
  for (const [file, encoding] of [
    ['tasks-utf8.csv', 'utf-8'],
    ['tasks-utf8-bom.csv', 'utf-8'],
    ['tasks-gb18030.csv', 'gb18030']
  ] as const) {
    it(`${file} reads as ${encoding} with its Chinese headers and cells intact`, () => {
      const table = readCsv(bytes(file));
      expect(table.encoding).toBe(encoding);
      expect(table.headers).toEqual(['任务名称', '描述', '状态', '负责人', '标签', '截止日期']);
      expect(table.rows[2]![1]).toBe('场地：上海静安，"双引号"与逗号,测试');
      expect(guessColumns(table.headers)).toEqual([
        'title',
        'description',
        'stage',
        'assignee',
        'labels',
        'due'
      ]);
    });
  }

  it('a GB18030 file is not valid UTF-8, so it is never read as mojibake', () => {
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes('tasks-gb18030.csv'))).toThrow();
    expect(decodeCsv(bytes('tasks-gb18030.csv')).text.startsWith('任务名称')).toBe(true);
  });

  it('plans stages from the statuses, labels from split cells, people by e-mail or name, three date styles', () => {
    const table = readCsv(bytes('tasks-gb18030.csv'));
    const columns = guessColumns(table.headers);
    const { plan, counts, losses } = planCsv(table, {
      columns,
      target: newBoard,
      defaultStage: '待办',
      candidates
    });
    expect(plan.stages).toEqual(['设计中', '待办', '已完成']);
    expect(counts.cards).toBe(4);
    expect(losses.rowsWithoutTitle).toBe(1);
    expect(plan.labels.map((l) => l.name)).toEqual(['设计', '海报', '内容', '活动', '线下']);
    expect(plan.cards.map((c) => c.date)).toEqual(['2026-06-10', '2026-06-12', '2026-06-15', '2026-05-30']);
    expect(plan.cards[0]!.assignees).toEqual(['u-li']);
    expect(plan.cards[2]!.assignees).toEqual(['u-wang']);
    expect(plan.members.sort()).toEqual(['u-li', 'u-wang']);
  });

  it('reads a Jira "CSV (all fields)" export: both Labels columns, Jira dates', () => {
    const table = readCsv(bytes('jira-all-fields.csv'));
    const columns = guessColumns(table.headers);
    expect(columns).toEqual([
      'title',
      'ignore',
      'ignore',
      'stage',
      'assignee',
      'labels',
      'labels',
      'due',
      'description'
    ]);
    const { plan } = planCsv(table, { columns, target: newBoard, defaultStage: 'To do', candidates });
    expect(plan.cards[0]!.labels.map((i) => plan.labels[i]!.name)).toEqual(['web', 'launch']);
    expect(plan.cards[0]!.date).toBe('2026-03-05');
  });

  it('a template takes the statuses onto its stages as the user maps them', () => {
    const table = readCsv(bytes('tasks-utf8.csv'));
    const columns = guessColumns(table.headers);
    const sources = csvSources(table, columns, '待办');
    const stageFor = Object.fromEntries(sources.map((s) => [s.key, s.key === '已完成' ? null : 1]));
    const target = { title: 't', template: { id: 'tpl', stages: ['一', '二'] }, stageFor };
    const { plan, losses } = planCsv(table, { columns, target, defaultStage: '待办', candidates });
    expect(plan.stages).toEqual(['一', '二']);
    expect(plan.cards.every((c) => c.stage === 1)).toBe(true);
    expect(losses.cardsSkipped).toBe(1);
  });

  it('dates it cannot read without guessing day or month order stay empty', () => {
    expect(parseDay('03/04/2026')).toBeNull();
    expect(parseDay('2026-02-30')).toBeNull();
    expect(parseDay('2026.3.5')).toBe('2026-03-05');
  });
});

describe('CSV files that cannot be imported', () => {
  const code = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      if (e instanceof ImportProblem) return e.code;
      throw e;
    }
    return null;
  };

  it('an empty file, or a header alone, is an empty CSV', () => {
    expect(code(() => readCsv(new Uint8Array()))).toBe('empty-csv');
    expect(code(() => readCsv(new TextEncoder().encode('标题,状态\n')))).toBe('empty-csv');
  });

  it('without a title column there is nothing to name the cards', () => {
    const table = readCsv(bytes('tasks-utf8.csv'));
    const columns = guessColumns(table.headers).map((f) => (f === 'title' ? 'ignore' : f));
    expect(code(() => planCsv(table, { columns, target: newBoard, defaultStage: '待办', candidates }))).toBe(
      'no-title-column'
    );
  });
});
