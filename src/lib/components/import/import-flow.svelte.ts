/**
 * The import dialog's state: the source and file chosen, the choices made in the preview, the plan
 * they give (the same planning the server repeats, src/lib/transfer/), and the run's progress.
 * Components read it and call its commands; they fetch nothing themselves.
 */
import { goto } from '$app/navigation';
import { resolve } from '$app/paths';
import { i18n, t } from '$lib/i18n/i18n.svelte';
import type { TemplateSummary } from '$lib/templates/summary';
import {
  csvSources,
  decodeCsv,
  guessColumns,
  planCsv,
  readCsv,
  type CsvField,
  type CsvTable
} from '$lib/transfer/csv-import';
import type { ImportCandidate, ImportSource, ImportTarget, PlannedImport } from '$lib/transfer/import-plan';
import { ImportProblem } from '$lib/transfer/import-problem';
import {
  planTrello,
  readTrelloExport,
  slimTrelloExport,
  trelloPeople,
  trelloSources,
  type TrelloBoard
} from '$lib/transfer/trello';
import { importBoardFile, transferFailureText } from '$lib/api/transfer-client';
import { fetchCandidates, ImportFailure, runImport } from './import-client';

export type ImportKind = 'trello' | 'csv' | 'stageboard';
export type ImportStep = 'choose' | 'reading' | 'preview' | 'running' | 'done';

export interface Problem {
  code: string;
  detail: Record<string, string | number>;
  message: string;
}

const problemOf = (e: unknown): Problem => {
  if (e instanceof ImportProblem || e instanceof ImportFailure)
    return { code: e.code, detail: { ...e.detail }, message: e.message };
  throw e;
};

export class ImportFlow {
  kind = $state<ImportKind>('trello');
  step = $state<ImportStep>('choose');
  fileName = $state('');
  problem = $state<Problem | null>(null);
  title = $state('');
  /** '' for a new board of the source's columns, else a template id. */
  templateId = $state('');
  stageFor = $state<Record<string, number | null>>({});
  closedLists = $state<'skip' | 'archive'>('skip');
  people = $state<Record<string, string | null>>({});
  columns = $state<CsvField[]>([]);
  defaultStage = $state('');
  progress = $state({ done: 0, total: 0, phase: 'build' as 'build' | 'save' });
  candidates = $state<ImportCandidate[]>([]);

  #raw = $state.raw<unknown>(null);
  #trello = $state.raw<TrelloBoard | null>(null);
  #csv = $state.raw<CsvTable | null>(null);
  /** The CSV's text as decoded here: the server decodes nothing, it parses this again. */
  #csvText = '';

  constructor(private readonly templates: () => readonly TemplateSummary[]) {}

  get trello(): TrelloBoard | null {
    return this.#trello;
  }
  get csv(): CsvTable | null {
    return this.#csv;
  }

  get template(): TemplateSummary | null {
    return this.templates().find((tpl) => tpl.id === this.templateId) ?? null;
  }

  readonly sources = $derived.by((): ImportSource[] => {
    if (this.#trello) return trelloSources(this.#trello);
    if (this.#csv) return csvSources(this.#csv, this.columns, this.defaultStage);
    return [];
  });

  /** The members who wrote a comment or hold a card: matching anyone else changes nothing. */
  readonly persons = $derived(
    this.#trello ? trelloPeople(this.#trello).filter((p) => p.comments + p.cards > 0) : []
  );

  #target(): ImportTarget {
    const t = this.template;
    return {
      title: this.title,
      template: t ? { id: t.id, stages: t.stages.map((s) => s.name['zh-CN']) } : null,
      stageFor: this.stageFor
    };
  }

  /** The plan the choices give, or the problem they run into. */
  readonly planned = $derived.by((): { ok: true; value: PlannedImport } | { ok: false; problem: Problem } => {
    try {
      if (this.#trello) {
        const value = planTrello(this.#trello, {
          target: this.#target(),
          closedLists: this.closedLists,
          people: this.people
        });
        return { ok: true, value };
      }
      if (this.#csv) {
        const options = {
          columns: this.columns,
          target: this.#target(),
          defaultStage: this.defaultStage,
          candidates: this.candidates
        };
        return { ok: true, value: planCsv(this.#csv, options) };
      }
      return { ok: false, problem: { code: 'empty-csv', detail: {}, message: '' } };
    } catch (e) {
      return { ok: false, problem: problemOf(e) };
    }
  });

  choose(kind: ImportKind): void {
    this.kind = kind;
    this.reset();
  }

  reset(): void {
    this.step = 'choose';
    this.problem = null;
    this.fileName = '';
    this.#raw = this.#trello = this.#csv = null;
  }

  /** Reads the file chosen or dropped for the current source, and moves to its preview. */
  async read(file: File): Promise<void> {
    this.problem = null;
    this.fileName = file.name;
    this.step = 'reading';
    if (this.kind === 'stageboard') return this.#restore(file);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const base = file.name.replace(/\.[^.]+$/, '');
      if (this.kind === 'trello') {
        let raw: unknown;
        try {
          raw = JSON.parse(new TextDecoder().decode(bytes));
        } catch {
          throw new ImportProblem('not-json', 'Not JSON.');
        }
        this.#trello = readTrelloExport(raw);
        this.#raw = slimTrelloExport(raw);
        this.title = this.#trello.name || base;
        this.people = {};
      } else {
        this.#csv = readCsv(bytes);
        this.#csvText = decodeCsv(bytes).text;
        this.columns = guessColumns(this.#csv.headers);
        this.defaultStage ||= t('import.defaultStage.value');
        this.title = base;
      }
      this.stageFor = {};
      this.step = 'preview';
      void this.#loadCandidates();
    } catch (e) {
      this.problem = problemOf(e);
      this.step = 'choose';
    }
  }

  async #loadCandidates(): Promise<void> {
    const result = await fetchCandidates();
    if (result.ok) {
      this.candidates = result.value;
      this.#matchByName();
    }
  }

  /** A member whose name is an account's name is matched to it; the importer changes what is wrong. */
  #matchByName(): void {
    const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
    const next = { ...this.people };
    for (const p of this.persons) {
      if (!(p.key in next)) next[p.key] = this.candidates.find((c) => same(c.name, p.name))?.userId ?? null;
    }
    this.people = next;
  }

  /** Sends the import and follows its progress; on success opens the new board. */
  async start(): Promise<void> {
    if (!this.planned.ok) return;
    this.problem = null;
    this.step = 'running';
    this.progress = { done: 0, total: this.planned.value.counts.cards, phase: 'build' };
    const options = {
      title: this.title,
      templateId: this.templateId || null,
      stageFor: this.stageFor
    };
    const request = this.#trello
      ? {
          source: 'trello',
          file: this.#raw,
          options: { ...options, closedLists: this.closedLists, people: this.people }
        }
      : {
          source: 'csv',
          file: this.#csvText,
          options: { ...options, columns: this.columns, defaultStage: this.defaultStage }
        };
    try {
      const board = await runImport(request, (line) => {
        if (line.type === 'progress')
          this.progress = { done: line.done, total: line.total, phase: line.phase };
      });
      this.step = 'done';
      await goto(resolve('/boards/[id]', { id: board.id }));
    } catch (e) {
      this.problem = problemOf(e);
      this.step = 'preview';
    }
  }

  async #restore(file: File): Promise<void> {
    // Sent as it is: the board file's route is served before SvelteKit's body cap (server/transfer).
    const result = await importBoardFile(file);
    if (result.ok) {
      this.step = 'done';
      await goto(resolve('/boards/[id]', { id: result.value.id }));
      return;
    }
    this.problem = { code: 'stageboard', detail: {}, message: transferFailureText(result) };
    this.step = 'choose';
  }

  /** Stage names in the reader's language, for the template mapping. */
  templateStages(): string[] {
    return this.template?.stages.map((s) => s.name[i18n.locale]) ?? [];
  }
}
