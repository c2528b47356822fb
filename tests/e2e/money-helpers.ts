import { readFile } from 'node:fs/promises';
import { expect, type Download, type Locator } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * What the money, targets and report specs share: amounts written as the English UI writes them,
 * a budget line and a target added through the card panel, and a downloaded PDF's text.
 */

export const yuan = (fen: number) =>
  new Intl.NumberFormat('en', { style: 'currency', currency: 'CNY' }).format(fen / 100);
export const percent = (fraction: number) =>
  new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 }).format(fraction);

/** Adds a budget line in the panel's money section (a manager's). */
export async function addLine(money: Locator, name: string, amount: string) {
  await money.getByPlaceholder('Line name').fill(name);
  await money.getByPlaceholder('Budget').fill(amount);
  await money.getByRole('button', { name: 'Add line' }).click();
}

/** Adds one of 001's common targets with its goal, and waits for its row. */
export async function addTarget(targets: Locator, chip: string, goal: string) {
  await targets.getByRole('group', { name: 'Common targets' }).getByRole('button', { name: chip }).click();
  await targets.getByRole('textbox', { name: 'Goal' }).fill(goal);
  await targets.getByRole('button', { name: 'Add target' }).click();
  await expect(targets.locator('tbody th', { hasText: chip })).toBeVisible();
}

/** The text of every page of a PDF, as pdf.js reads it. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocument({ data: bytes, isEvalSupported: false }).promise;
  let out = '';
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    out += content.items.map((item) => ('str' in item ? item.str : '')).join('');
  }
  return out;
}

/** A download's bytes. */
export async function downloaded(download: Download): Promise<Uint8Array> {
  return new Uint8Array(await readFile((await download.path())!));
}
