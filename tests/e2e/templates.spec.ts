import { expect, test, type Page } from '@playwright/test';
import { conferenceEvent } from '#lib/templates/builtin/conference-event';
import { designReview } from '#lib/templates/builtin/design-review';
import { holidayPromotion } from '#lib/templates/builtin/holiday-promotion';
import { addCard, column, createBoard, member, openBoard, twoPeople } from './helpers';
import { dayFromNow, pickDay } from './day-picker';

const zh = (s: { name: { 'zh-CN': string } }) => s.name['zh-CN'];

/** Moves a card `steps` columns to the right with the keyboard mover. */
async function moveRight(page: Page, title: string, steps: number): Promise<void> {
  await page.locator('.card', { hasText: title }).focus();
  await page.keyboard.press('Space');
  for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Space');
}

test('a card moved into pre-event preparation brings its checklist, and two people tick it live', async ({
  browser,
  request
}) => {
  const preIndex = conferenceEvent.stages.findIndex((s) => s.key === 'pre-event');
  const pre = conferenceEvent.stages[preIndex]!;
  const first = conferenceEvent.stages[0]!;
  const boardId = await createBoard(request, '2027 年会', 'conference-event');
  const { a, b, close } = await twoPeople(browser, boardId, request);

  await addCard(a, zh(first), '年度经销商大会');
  // The second person has the card open before it moves: the new items must arrive live.
  const cardOnB = column(b, zh(first)).locator('.card', { hasText: '年度经销商大会' });
  await cardOnB.getByRole('button', { name: 'Open card details' }).click();
  const panelB = b.getByRole('dialog');
  await expect(panelB.getByRole('heading', { name: '年度经销商大会' })).toBeVisible();
  const preItem = (page: Page, i: number) =>
    page
      .getByRole('dialog')
      .locator('li', { hasText: pre.checklist[i]!.text['zh-CN'] })
      .getByRole('checkbox');
  await expect(preItem(b, 0)).toHaveCount(0);

  // On the way it passes the plan's approval (审批): the owner approves it there, then moves on.
  const gateIndex = conferenceEvent.stages.findIndex((s) => s.gate);
  expect(gateIndex).toBeGreaterThan(0);
  expect(gateIndex).toBeLessThan(preIndex);
  await moveRight(a, '年度经销商大会', gateIndex);
  const atGate = column(a, zh(conferenceEvent.stages[gateIndex]!)).locator('.card', {
    hasText: '年度经销商大会'
  });
  await atGate.getByRole('button', { name: 'Open card details' }).click();
  await a.getByRole('dialog').getByRole('button', { name: 'Approve' }).click();
  await expect(a.getByRole('dialog')).toContainText('Approved by');
  await a.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  await moveRight(a, '年度经销商大会', preIndex - gateIndex);
  await expect(column(a, zh(pre)).locator('.card', { hasText: '年度经销商大会' })).toBeVisible();
  for (let i = 0; i < pre.checklist.length; i++) await expect(preItem(b, i)).toBeVisible();
  await expect(panelB).toContainText(`From “${pre.name.en}”`);

  // B ticks the first pre-event item; A sees it ticked on the card's face and in its panel.
  await preItem(b, 0).check();
  const cardOnA = column(a, zh(pre)).locator('.card', { hasText: '年度经销商大会' });
  await expect(cardOnA).toContainText(`Stage checklist 1/${pre.checklist.length}`);
  await cardOnA.getByRole('button', { name: 'Open card details' }).click();
  await expect(preItem(a, 0)).toBeChecked();
  await expect(preItem(a, 1)).not.toBeChecked();
  // And back: A ticks the second, B sees it.
  await preItem(a, 1).check();
  await expect(preItem(b, 1)).toBeChecked();
  await close();
});

test('a board saved as a template makes new boards with its stages and rules, and the template can go', async ({
  page,
  request
}) => {
  const boardId = await createBoard(request, 'Design Q1', 'design-review');
  await openBoard(page, boardId);
  const firstName = zh(designReview.stages[0]!);
  // The team renames the first stage before saving: the template must carry today's board.
  const firstColumn = column(page, firstName);
  await firstColumn.getByRole('button', { name: 'Rename stage' }).click();
  // The stage's heading turns into the name field while renaming.
  await page.getByRole('textbox', { name: 'Rename stage' }).fill('需求沟通');
  await page.getByRole('textbox', { name: 'Rename stage' }).press('Enter');
  await expect(column(page, '需求沟通')).toBeVisible();
  // ...and changes a stage's rules: a WIP limit, one more checklist item and a time limit.
  const concept = designReview.stages[1]!;
  await column(page, zh(concept)).getByRole('button', { name: 'Stage settings' }).click();
  const settings = page.getByRole('dialog', { name: /Stage settings/ });
  await settings.getByLabel('WIP limit (empty: none)').fill('2');
  await settings.getByRole('tab', { name: 'Checklist' }).click();
  await settings.getByRole('button', { name: 'Add item' }).click();
  await settings
    .getByRole('textbox', { name: `Checklist item ${concept.checklist.length + 1}` })
    .fill('客户确认方向');
  await settings.getByRole('tab', { name: 'Time limit' }).click();
  await settings.getByRole('combobox', { name: 'Time limit' }).selectOption('stage-days');
  await settings.getByLabel('Amount').fill('3');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings).toHaveCount(0);
  await expect(column(page, zh(concept))).toContainText('At most 3 days in this stage');

  await page.getByRole('button', { name: 'Save as template' }).click();
  await page.getByRole('textbox', { name: 'Template name' }).fill('Our design review');
  await page.getByRole('button', { name: 'Save template' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved as template' })).toContainText(
    'Saved as template “Our design review”'
  );

  await page.goto('/');
  await page.getByLabel('Board name').fill('Design Q2');
  await page.getByRole('radio', { name: 'Our design review' }).check();
  const preview = page.getByRole('region', { name: 'Template preview' });
  await expect(preview.locator('.stages > li summary strong')).toHaveText([
    '需求沟通',
    ...designReview.stages.slice(1).map(zh)
  ]);
  await expect(preview).toContainText('Sends back to');
  const conceptPreview = preview.locator('.stages > li').nth(1);
  await expect(conceptPreview).toContainText('WIP limit 2');
  await expect(conceptPreview).toContainText(`${concept.checklist.length + 1} checklist items`);
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page).toHaveURL(/\/boards\/[A-Za-z0-9_-]+$/);
  await expect(page.locator('[data-status="connected"]')).toBeVisible();
  await expect(page.locator('section.column h2')).toHaveCount(designReview.stages.length);
  await expect(page.locator('section.column h2').first()).toContainText('需求沟通');
  await expect(page.locator('section.column').nth(1)).toContainText('At most 3 days in this stage');
  await expect(page.locator('section.column').nth(1).locator('.count')).toHaveText('0/2');
  const proofIndex = designReview.stages.findIndex((s) => s.name['zh-CN'] === '校稿');
  await expect(page.locator('section.column').nth(proofIndex)).toContainText('Sends back to');
  const newBoard = page.url();

  // Deleting the template leaves the board made from it as it is.
  await page.goto('/');
  await page.getByRole('radio', { name: 'Our design review' }).check();
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Delete template' }).click();
  await expect(page.getByRole('radio', { name: 'Our design review' })).toHaveCount(0);
  await page.goto(newBoard);
  await expect(page.locator('section.column h2').first()).toContainText('需求沟通');
});

test('a card past its lead time is marked overdue with the reason, and a sent-back card counts its round', async ({
  page,
  request
}) => {
  const holidayId = await createBoard(request, '春节促销', 'holiday-promotion');
  await openBoard(page, holidayId);
  const firstStage = zh(holidayPromotion.stages[0]!);
  await addCard(page, firstStage, '2027 春节');
  const card = column(page, firstStage).locator('.card', { hasText: '2027 春节' });
  await expect(card.locator('.overdue')).toHaveCount(0);
  // A holiday three weeks away: work had to start 50 days before, so the card is late already.
  await card.getByRole('button', { name: 'Open card details' }).click();
  await pickDay(
    page,
    page.getByRole('dialog').getByRole('button', { name: /^Holiday date:/ }),
    dayFromNow(21)
  );
  await expect(card.locator('.overdue')).toHaveText(/Overdue/);
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  await card.focus();
  await expect(card.locator('.late-reason')).toBeVisible();
  await expect(card.locator('.late-reason')).toContainText('should have started by');
  await expect(card.locator('.overdue')).toHaveAttribute('title', /Start 50 days before the holiday date/);

  const designId = await createBoard(request, '海报', 'design-review');
  await openBoard(page, designId);
  const stages = designReview.stages;
  const proofIndex = stages.findIndex((s) => s.key === 'proofing');
  const draft = stages.find((s) => s.key === 'design-draft')!;
  // Made in proofing itself: the way there passes 设计稿, which requires a draft (requirements.spec.ts).
  await addCard(page, zh(stages[proofIndex]!), '春节海报');
  const proofCard = column(page, zh(stages[proofIndex]!)).locator('.card', { hasText: '春节海报' });
  await proofCard.getByRole('button', { name: 'Open card details' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: `Send back to “${draft.name.en}”` })
    .click();
  const returned = column(page, zh(draft)).locator('.card', { hasText: '春节海报' });
  await expect(returned.locator('.revisions')).toContainText('1');
  await expect(page.getByRole('dialog')).toContainText('Sent back 1×');

  // A card in a gated stage says whose approval it waits for.
  const gated = stages.findIndex((s) => s.gate);
  await addCard(page, zh(stages[gated]!), '包装设计');
  await expect(column(page, zh(stages[gated]!)).locator('.card', { hasText: '包装设计' })).toContainText(
    'Awaits approval'
  );
});

test('a team template offers delete only to the person who saved it and administrators; others may use it', async ({
  browser,
  page,
  request
}) => {
  const boardId = await createBoard(request, 'Editor’s process', 'design-review');
  const saver = await member(browser, request, boardId, 'editor');
  const colleague = await member(browser, request, boardId, 'manager');
  const saved = await saver.context.request.post('/api/templates', {
    data: { boardId, name: 'Editor flow' }
  });
  expect(saved.status()).toBe(201);
  const { template } = (await saved.json()) as { template: { id: string } };

  const picker = (p: Page) => p.getByRole('radio', { name: 'Editor flow' });
  const colleaguePage = await colleague.context.newPage();
  await colleaguePage.goto('/');
  await picker(colleaguePage).check();
  await expect(colleaguePage.locator('.stages > li').first()).toBeVisible();
  await expect(colleaguePage.getByRole('button', { name: 'Delete template' })).toHaveCount(0);
  // Asked directly, the server refuses the colleague, and the template stays.
  const refused = await colleague.context.request.delete(`/api/templates/${template.id}`);
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('not-template-owner');
  const renamed = await colleague.context.request.patch(`/api/templates/${template.id}`, {
    data: { name: 'Mine now' }
  });
  expect(renamed.status()).toBe(403);
  // Using it is everyone's.
  await colleaguePage.getByRole('textbox', { name: 'Board name' }).fill('Colleague’s board');
  await colleaguePage.getByRole('button', { name: 'Create' }).click();
  await expect(colleaguePage).toHaveURL(/\/boards\/[A-Za-z0-9_-]+$/);

  for (const p of [await saver.context.newPage(), page]) {
    await p.goto('/');
    await picker(p).check();
    await expect(p.getByRole('button', { name: 'Delete template' })).toBeVisible();
  }
  await saver.context.close();
  await colleague.context.close();
});

test('saving a template under a name the team already has offers to replace it or save a new one (defect 16)', async ({
  browser,
  page,
  request
}) => {
  const boardId = await createBoard(request, 'Clash board', 'design-review');
  const name = `Clash flow ${Date.now()}`;
  const named = async (prefix: string) => {
    const { templates } = (await (await request.get('/api/templates')).json()) as {
      templates: { id: string; kind: string; name: { en: string } }[];
    };
    return templates.filter((t) => t.kind === 'team' && t.name.en.startsWith(prefix));
  };
  const save = async (p: Page, as: string) => {
    await p.getByRole('button', { name: 'Save as template' }).click();
    await p.getByRole('textbox', { name: 'Template name' }).fill(as);
    await p.getByRole('button', { name: 'Save template' }).click();
  };

  await openBoard(page, boardId);
  await save(page, name);
  await expect(page.getByRole('status').filter({ hasText: 'Saved as template' })).toBeVisible();
  const [first] = await named(name);

  await save(page, name);
  const clash = page.getByRole('alert').filter({ hasText: 'There is already a template named' });
  await expect(clash).toContainText(name);
  await clash.getByRole('button', { name: 'Replace it' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'replaced' })).toContainText(
    `Template “${name}” replaced`
  );
  expect((await named(name)).map((t) => t.id)).toEqual([first!.id]);

  await save(page, name);
  await clash.getByRole('button', { name: 'Save as a new template' }).click();
  await expect(page.getByRole('textbox', { name: 'Template name' })).toHaveValue(`${name} (2)`);
  await page.getByRole('button', { name: 'Save template' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved as template' })).toContainText(
    `${name} (2)`
  );
  expect((await named(name)).map((t) => t.name.en).sort()).toEqual([name, `${name} (2)`]);

  // A colleague may not replace the saver's template: they are told so and offered a new name.
  const colleague = await member(browser, request, boardId, 'manager');
  const other = await colleague.context.newPage();
  await openBoard(other, boardId);
  await save(other, name);
  const theirs = other.getByRole('alert').filter({ hasText: 'There is already a template named' });
  await expect(theirs).toContainText('only they or an administrator may replace it');
  await expect(theirs.getByRole('button', { name: 'Replace it' })).toHaveCount(0);
  await expect(theirs.getByRole('button', { name: 'Save as a new template' })).toBeVisible();
  await colleague.context.close();
});
