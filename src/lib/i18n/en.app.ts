import type { AppMessageKey } from './zh-CN.app';

/** The messages the whole app shares, in English; typed against the Chinese ones. */
export const enApp: Record<AppMessageKey, string> = {
  'app.name': 'Stageboard',
  'app.tagline': 'Real-time boards for marketing teams',
  'lang.label': 'Language',
  'toaster.close': 'Close notification',
  'toaster.label': 'Notifications',
  'common.dismiss': 'Dismiss',
  'common.cancel': 'Cancel',
  'common.delete': 'Delete',
  'error.generic': 'That did not work: {message}',
  'error.titleRequired': 'Enter a name (1–200 characters).',
  'error.unknownTemplate': 'There is no such template.',
  'error.notFound': 'This board could not be found.',
  'error.signIn': 'Your session has ended. Sign in again to go on.',
  'error.forbidden': 'Your role on this board does not allow this. Reload to see what you may do.',
  'error.network': 'Cannot reach the server. Check the connection and try again.'
};
