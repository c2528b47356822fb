/** Board templates: the built-in library from the seed documents, and how templates become boards. */
import { BUILTIN_TEMPLATES } from './builtin';
import type { BoardTemplate } from './types';
import { validateTemplate } from './validate';

export * from './clean';
export * from './convert';
export * from './types';
export * from './validate';

/**
 * Validates every built-in template; the server calls this before anything else, so a broken
 * one stops start-up with a TemplateError naming the template and the field.
 */
export function checkBuiltinTemplates(): void {
  for (const t of BUILTIN_TEMPLATES) validateTemplate(t);
}

export const TEMPLATES = BUILTIN_TEMPLATES;
export const BLANK_TEMPLATE_ID = 'blank';

/** The built-in template with this id, or undefined. */
export function findBuiltinTemplate(id: string): BoardTemplate | undefined {
  return BUILTIN_TEMPLATES.find((t) => t.id === id);
}
