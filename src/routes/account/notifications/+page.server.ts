import { INBOX_KINDS } from '#lib/inbox/types';
import { action, page } from '#server/http/route';
import type { Actions, PageServerLoad } from './$types';

/** The person's mail settings; before they save any, the language they are reading the app in. */
export const load: PageServerLoad = page('signed-in', async ({ locals }, { user }) => ({
  locale: locals.locale,
  settings: await locals.services.mail.settingsFor(user.id, locals.locale)
}));

export const actions: Actions = {
  /** Saves the mail language and which kinds are mailed (a kind's box unticked: muted). */
  default: action({ requires: 'signed-in', form: true }, async ({ locals }, { user, form }) => {
    const muted = INBOX_KINDS.filter((kind) => form.get(`kind:${kind}`) !== 'on');
    await locals.services.mail.saveSettings(user.id, { language: form.get('language'), muted });
    return { saved: true };
  })
};
