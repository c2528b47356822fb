/**
 * The update policy keeps texts and names within the limits and characters the board operations
 * use (src/lib/board/fields.ts, server/policy/fieldPolicy.ts): a text is judged by its length
 * after the update, a title and a name also by the characters it gains.
 */
import { describe } from 'vitest';
import * as Y from 'yjs';
import { addCard, addLabel, cardRetro } from '#lib/board';
import { LIMITS, roots } from '#lib/board/schema';
import { edit } from '../../helpers/yjs';
import { nestedOf, setStageKey } from './forgeries';
import { CARD_INVALID, CARD_OK, judgeEach, STAGE_INVALID, type PolicyCase } from './policyFixture';

const titleText = (doc: Y.Doc, id: string) => roots(doc).cards.get(id)!.get('title') as Y.Text;
const descriptionText = (doc: Y.Doc, id: string) => roots(doc).cards.get(id)!.get('description') as Y.Text;

const long = (n: number) => 'x'.repeat(n);
const LIMIT_CASES: PolicyCase[] = [
  {
    name: 'types a card title past its limit',
    update: (f) => edit(f.client, () => titleText(f.client, 'c1').insert(0, long(LIMITS.cardTitle))),
    expected: CARD_INVALID
  },
  {
    name: 'types a card title up to its limit',
    update: (f) =>
      edit(f.client, () =>
        titleText(f.client, 'c1').insert(0, long(LIMITS.cardTitle - 'Hello world'.length))
      ),
    expected: CARD_OK
  },
  {
    name: 'pastes a 2 MB description',
    update: (f) => edit(f.client, () => descriptionText(f.client, 'c1').insert(0, long(2_000_000))),
    expected: CARD_INVALID
  },
  {
    name: 'writes a description of exactly its limit',
    update: (f) =>
      edit(f.client, () => descriptionText(f.client, 'c1').insert(0, long(LIMITS.cardDescription))),
    expected: CARD_OK
  },
  {
    name: 'writes issues and suggestions of exactly their limit',
    update: (f) => edit(f.client, () => cardRetro(f.client, 'c1').insert(0, long(LIMITS.cardRetro))),
    expected: CARD_OK
  },
  {
    name: 'types issues and suggestions past their limit',
    update: (f) => edit(f.client, () => cardRetro(f.client, 'c1').insert(0, long(LIMITS.cardRetro + 1))),
    expected: CARD_INVALID
  },
  {
    name: 'writes issues and suggestions as a plain string, not live text',
    update: (f) => edit(f.client, () => roots(f.client).cards.get('c1')!.set('retro', 'plain')),
    expected: CARD_INVALID
  },
  {
    name: 'creates a card whose title is past the limit',
    update: (f) =>
      edit(f.client, () =>
        f.client.transact(() => {
          addCard(f.client, { stageId: f.draft, title: 'New', id: 'c9' });
          titleText(f.client, 'c9').insert(0, long(LIMITS.cardTitle));
        })
      ),
    expected: CARD_INVALID
  },
  {
    name: 'writes a checklist item past its limit',
    update: (f) =>
      edit(f.client, () =>
        (nestedOf(f, 'c1', 'checklist').get(`${f.draft}.a`) as Y.Map<unknown>).set(
          'text',
          long(LIMITS.checklistText + 1)
        )
      ),
    expected: CARD_INVALID
  },
  {
    name: 'writes a stage name past its limit',
    update: (f) => setStageKey(f, f.draft, 'name', long(LIMITS.stageName + 1)),
    expected: STAGE_INVALID
  },
  {
    name: 'writes a board title past its limit',
    update: (f) => edit(f.client, () => roots(f.client).meta.set('title', long(LIMITS.boardTitle + 1))),
    expected: STAGE_INVALID
  },
  {
    name: 'writes a label name past its limit',
    update: (f) =>
      edit(f.client, () =>
        roots(f.client).labels.set('l1', { name: long(LIMITS.labelName + 1), color: 'red' })
      ),
    expected: CARD_INVALID
  }
];

const CONTROL_CASES: PolicyCase[] = [
  {
    name: 'types a right-to-left override into a card title',
    update: (f) => edit(f.client, () => titleText(f.client, 'c1').insert(5, '\u202Egpj.exe')),
    expected: CARD_INVALID
  },
  {
    name: 'names a stage with a NUL in it',
    update: (f) => setStageKey(f, f.draft, 'name', 'Dr\u0000aft'),
    expected: STAGE_INVALID
  },
  {
    name: 'titles the board with an isolate',
    update: (f) => edit(f.client, () => roots(f.client).meta.set('title', 'Launch \u2067x')),
    expected: STAGE_INVALID
  },
  {
    name: 'names a label with a control character',
    update: (f) =>
      edit(f.client, () => roots(f.client).labels.set('l1', { name: 'Urgent\u0007', color: 'red' })),
    expected: CARD_INVALID
  },
  {
    name: 'adds a label through the operation',
    update: (f) => edit(f.client, () => addLabel(f.client, { name: 'Urgent', color: 'red' })),
    expected: CARD_OK
  },
  {
    name: 'writes a checklist item with a bidirectional mark',
    update: (f) =>
      edit(f.client, () =>
        (nestedOf(f, 'c1', 'checklist').get(`${f.draft}.a`) as Y.Map<unknown>).set('text', 'Copy\u200F')
      ),
    expected: CARD_INVALID
  }
];

describe('the update policy enforces the text limits and characters the operations use', () => {
  judgeEach([...LIMIT_CASES, ...CONTROL_CASES]);
});
