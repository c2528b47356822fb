import type { AuthMessageKey } from './zh-CN.auth';

/** Signing in and up, and the invitation link's page, in English; typed against the Chinese ones. */
export const enAuth: Record<AuthMessageKey, string> = {
  'auth.signIn': 'Sign in',
  'auth.signUp': 'Sign up',
  'auth.signOut': 'Sign out',
  'auth.email': 'Email',
  'auth.password': 'Password',
  'auth.passwordHint': 'At least 8 characters',
  'auth.name': 'Display name',
  'auth.nameHint': 'What others on a board see',
  'auth.signIn.title': 'Sign in to Stageboard',
  'auth.signUp.title': 'Create an account',
  'auth.signUp.first': 'This is a new Stageboard: the first account to sign up becomes the administrator.',
  'auth.toSignUp': 'No account yet? Sign up',
  'auth.toSignIn': 'Have an account? Sign in',
  'auth.signedInAs': '{name}',
  'auth.error.invalid-email': 'Enter a valid email address.',
  'auth.error.weak-password': 'A password is 8 to 256 characters.',
  'auth.error.email-taken': 'This email already has an account; sign in instead.',
  'auth.error.bad-credentials': 'That email and password do not match. Try again.',
  'auth.error.too-many-attempts': 'Too many attempts. Wait {wait}, then try again.',
  'auth.wait.second': '1 second',
  'auth.wait.seconds': '{count} seconds',
  'auth.wait.minute': '1 minute',
  'auth.wait.minutes': '{count} minutes',
  'auth.error.signup-closed': 'Sign-up is by invitation only. Ask an administrator to invite you.',
  'auth.error.invalid-name': 'A display name is 1 to 60 characters.',
  'invite.pageTitle': 'Invitation',
  'invite.title': 'Join “{board}”',
  'invite.by': '{name} invited you to this board as {role}.',
  'invite.forEmail': 'This invite is for {email}.',
  'invite.signedInAs': 'You are signed in as {name} ({email}).',
  'invite.join': 'Join board',
  'invite.signUp': 'New to Stageboard? Create an account to join.',
  'invite.signUp.submit': 'Create account and join',
  'invite.signIn': 'Already have an account? Sign in',
  'invite.home': 'Go to my boards',
  'invite.error.invite-unknown':
    'This invite link does not work: it was revoked or mistyped. Ask whoever sent it for a new link.',
  'invite.error.invite-expired': 'This invite link has expired. Ask whoever sent it for a new link.',
  'invite.error.invite-used': 'This invite link has already been used. Ask whoever sent it for a new link.',
  'invite.error.invite-void': 'This invite link no longer works. Ask whoever sent it for a new link.',
  'invite.error.invite-wrong-email':
    'This invite is for {email}. Sign in with that account or sign up with that address, or ask for a new link.',
  'auth.signUp.closed':
    'This Stageboard is not open for sign-up. Ask an administrator or a board owner for an invitation link, and open it to sign up.'
};
