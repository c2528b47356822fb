import type { APIRequestContext, APIResponse } from '@playwright/test';

/**
 * One call per route handler, form action and server load, keyed as the route-walk test
 * (tests/unit/api/routeDeclarations.test.ts) names them: `GET /api/boards/[id]`,
 * `ACTION /?/rename`, `LOAD /inbox`. `requires` repeats what the route declares; the walk test
 * fails when they differ or when a route is missing here, and route-matrix.spec.ts sends each
 * call as every kind of caller against the real server. Only types are imported, so vitest can
 * read this file too.
 */

/** What a call may name: a board the caller may or may not belong to, a template, people. */
export interface MatrixFixture {
  origin: string;
  boardId: string;
  /** A team template saved by the board's editor (its owner). */
  templateId: string;
  /** The caller's own account id (for anonymous callers: the target's). */
  me: string;
  /** A viewer of the board whose role managers may change. */
  target: string;
  /** An account that signs in successfully (a wrong password would count against the address). */
  signIn: { email: string; password: string };
}

export interface RouteCall {
  requires: string;
  call: (api: APIRequestContext, f: MatrixFixture) => Promise<APIResponse>;
}

/** A form post as a browser sends it: form-encoded, with the page's Origin (SvelteKit's CSRF check). */
const form = (api: APIRequestContext, f: MatrixFixture, url: string, fields: Record<string, string> = {}) =>
  api.post(url, { form: fields, headers: { origin: f.origin, accept: 'text/html' }, maxRedirects: 0 });

const NO_CARD = 'no-such-card';
const NO_ATTACHMENT = 'no-such-attachment';
const NO_INTEGRATION = 'no-such-integration';

export const ROUTE_MATRIX: Record<string, RouteCall> = {
  'GET /api/auth/me': { requires: 'public', call: (api) => api.get('/api/auth/me') },
  'GET /api/auth/settings': { requires: 'public', call: (api) => api.get('/api/auth/settings') },
  'PATCH /api/auth/settings': {
    requires: 'admin',
    call: (api) => api.patch('/api/auth/settings', { data: { openSignup: true } })
  },
  'POST /api/auth/signin': {
    requires: 'public',
    call: (api, f) => api.post('/api/auth/signin', { data: f.signIn })
  },
  'POST /api/auth/signup': {
    requires: 'public',
    call: (api) => api.post('/api/auth/signup', { data: { email: 'not an address', password: 'x' } })
  },
  'POST /api/auth/signout': { requires: 'public', call: (api) => api.post('/api/auth/signout') },
  'GET /api/boards': { requires: 'signed-in', call: (api) => api.get('/api/boards') },
  'POST /api/boards': {
    requires: 'signed-in',
    call: (api) => api.post('/api/boards', { data: { title: 'Matrix board' } })
  },
  'GET /api/boards/import': { requires: 'signed-in', call: (api) => api.get('/api/boards/import') },
  // Not gzip: refused as a bad request once the caller passes, so the matrix makes no board.
  'POST /api/boards/import': {
    requires: 'signed-in',
    call: (api) =>
      api.post('/api/boards/import', { data: '{}', headers: { 'content-type': 'application/octet-stream' } })
  },
  'GET /api/boards/[id]': { requires: 'board:read', call: (api, f) => api.get(`/api/boards/${f.boardId}`) },
  'PATCH /api/boards/[id]': {
    requires: 'board:edit-board',
    call: (api, f) => api.patch(`/api/boards/${f.boardId}`, { data: { title: 'Renamed by matrix' } })
  },
  'DELETE /api/boards/[id]': {
    requires: 'board:delete-board',
    call: (api, f) => api.delete(`/api/boards/${f.boardId}`)
  },
  'GET /api/boards/[id]/insights': {
    requires: 'board:read',
    call: (api, f) => api.get(`/api/boards/${f.boardId}/insights`)
  },
  'GET /api/manage': { requires: 'signed-in', call: (api) => api.get('/api/manage') },
  'GET /api/manage/digest': { requires: 'signed-in', call: (api) => api.get('/api/manage/digest') },
  'GET /api/manage/stream': { requires: 'signed-in', call: (api) => api.get('/api/manage/stream') },
  'GET /api/boards/[id]/activity': {
    requires: 'board:read',
    call: (api, f) => api.get(`/api/boards/${f.boardId}/activity`)
  },
  'GET /api/boards/[id]/expenses': {
    requires: 'board:read',
    call: (api, f) => api.get(`/api/boards/${f.boardId}/expenses?month=2026-11`)
  },
  'GET /api/boards/[id]/export.xlsx': {
    requires: 'board:read',
    call: (api, f) => api.get(`/api/boards/${f.boardId}/export.xlsx`)
  },
  'GET /api/boards/[id]/export.json': {
    requires: 'board:read',
    call: (api, f) => api.get(`/api/boards/${f.boardId}/export.json`)
  },
  'GET /api/boards/[id]/export.csv': {
    requires: 'board:read',
    call: (api, f) => api.get(`/api/boards/${f.boardId}/export.csv`)
  },
  'GET /api/account/export.tar.gz': {
    requires: 'signed-in',
    call: (api) => api.get('/api/account/export.tar.gz')
  },
  'GET /api/boards/[id]/cards/[cardId]/report.pdf': {
    requires: 'board:read',
    call: (api, f) => api.get(`/api/boards/${f.boardId}/cards/${NO_CARD}/report.pdf`)
  },
  'GET /api/boards/[id]/attachments/[attachmentId]/v/[v]': {
    requires: 'board:read',
    call: (api, f) => api.get(`/api/boards/${f.boardId}/attachments/${NO_ATTACHMENT}/v/1`)
  },
  'POST /api/boards/[id]/cards/[cardId]/approve': {
    requires: 'board:approve',
    call: (api, f) => api.post(`/api/boards/${f.boardId}/cards/${NO_CARD}/approve`, { data: {} })
  },
  'POST /api/boards/[id]/cards/[cardId]/send-back': {
    requires: 'board:send-back',
    call: (api, f) => api.post(`/api/boards/${f.boardId}/cards/${NO_CARD}/send-back`, { data: {} })
  },
  'DELETE /api/boards/[id]/cards/[cardId]/attachments/[attachmentId]': {
    requires: 'board:edit-card',
    call: (api, f) => api.delete(`/api/boards/${f.boardId}/cards/${NO_CARD}/attachments/${NO_ATTACHMENT}`)
  },
  'GET /api/boards/[id]/integrations': {
    requires: 'board:edit-board',
    call: (api, f) => api.get(`/api/boards/${f.boardId}/integrations`)
  },
  // A body refused for its URL: an allowed caller gets 400 and no integration is made.
  'POST /api/boards/[id]/integrations': {
    requires: 'board:edit-board',
    call: (api, f) =>
      api.post(`/api/boards/${f.boardId}/integrations`, {
        data: { kind: 'webhook', url: 'ftp://example.com/x', events: ['card.created'], locale: 'en' }
      })
  },
  'PATCH /api/boards/[id]/integrations/[integrationId]': {
    requires: 'board:edit-board',
    call: (api, f) =>
      api.patch(`/api/boards/${f.boardId}/integrations/${NO_INTEGRATION}`, { data: { enabled: false } })
  },
  'DELETE /api/boards/[id]/integrations/[integrationId]': {
    requires: 'board:edit-board',
    call: (api, f) => api.delete(`/api/boards/${f.boardId}/integrations/${NO_INTEGRATION}`)
  },
  'POST /api/boards/[id]/integrations/[integrationId]/test': {
    requires: 'board:edit-board',
    call: (api, f) => api.post(`/api/boards/${f.boardId}/integrations/${NO_INTEGRATION}/test`)
  },
  'GET /api/boards/[id]/integrations/[integrationId]/deliveries': {
    requires: 'board:edit-board',
    call: (api, f) => api.get(`/api/boards/${f.boardId}/integrations/${NO_INTEGRATION}/deliveries`)
  },
  'POST /api/boards/[id]/integrations/[integrationId]/deliveries/[deliveryId]/resend': {
    requires: 'board:edit-board',
    call: (api, f) => api.post(`/api/boards/${f.boardId}/integrations/${NO_INTEGRATION}/deliveries/1/resend`)
  },
  'GET /api/boards/[id]/invites': {
    requires: 'board:manage-members',
    call: (api, f) => api.get(`/api/boards/${f.boardId}/invites`)
  },
  'POST /api/boards/[id]/invites': {
    requires: 'board:manage-members',
    call: (api, f) => api.post(`/api/boards/${f.boardId}/invites`, { data: { role: 'viewer' } })
  },
  'DELETE /api/boards/[id]/invites/[inviteId]': {
    requires: 'board:manage-members',
    call: (api, f) => api.delete(`/api/boards/${f.boardId}/invites/no-such-invite`)
  },
  'GET /api/boards/[id]/members': {
    requires: 'board:read',
    call: (api, f) => api.get(`/api/boards/${f.boardId}/members`)
  },
  'POST /api/boards/[id]/members': {
    requires: 'board:manage-members',
    call: (api, f) =>
      api.post(`/api/boards/${f.boardId}/members`, {
        data: { email: 'nobody@stageboard.test', role: 'viewer' }
      })
  },
  'PATCH /api/boards/[id]/members/[userId]': {
    requires: 'board:manage-members',
    call: (api, f) =>
      api.patch(`/api/boards/${f.boardId}/members/${f.target}`, { data: { role: 'commenter' } })
  },
  // Leaving is every member's: each caller removes themselves.
  'DELETE /api/boards/[id]/members/[userId]': {
    requires: 'board:read',
    call: (api, f) => api.delete(`/api/boards/${f.boardId}/members/${f.me}`)
  },
  'GET /api/inbox': { requires: 'signed-in', call: (api) => api.get('/api/inbox') },
  'POST /api/inbox/read': {
    requires: 'signed-in',
    call: (api) => api.post('/api/inbox/read', { data: { all: true } })
  },
  // An endless stream: route-matrix.spec.ts reads only its status, with its own client (STREAMS).
  'GET /api/inbox/stream': { requires: 'signed-in', call: (api) => api.get('/api/inbox/stream') },
  // Invitations to the caller's own address; whose invitation an id names is the service's check.
  'GET /api/invites': { requires: 'signed-in', call: (api) => api.get('/api/invites') },
  'DELETE /api/invites/[inviteId]': {
    requires: 'signed-in',
    call: (api) => api.delete('/api/invites/0123456789abcdef')
  },
  'POST /api/invites/[inviteId]/accept': {
    requires: 'signed-in',
    call: (api) => api.post('/api/invites/0123456789abcdef/accept')
  },
  'GET /api/templates': { requires: 'signed-in', call: (api) => api.get('/api/templates') },
  'POST /api/templates': {
    requires: 'board:save-template',
    call: (api, f) => api.post('/api/templates', { data: { boardId: f.boardId, name: 'Matrix flow' } })
  },
  'GET /api/templates/[id]': {
    requires: 'signed-in',
    call: (api, f) => api.get(`/api/templates/${f.templateId}`)
  },
  'PATCH /api/templates/[id]': {
    requires: 'template:edit',
    call: (api, f) => api.patch(`/api/templates/${f.templateId}`, { data: { name: 'Taken over' } })
  },
  'DELETE /api/templates/[id]': {
    requires: 'template:delete',
    call: (api, f) => api.delete(`/api/templates/${f.templateId}`)
  },
  'LOAD /': { requires: 'signed-in', call: (api) => api.get('/', { maxRedirects: 0 }) },
  'ACTION /?/signout': { requires: 'public', call: (api, f) => form(api, f, '/?/signout') },
  'ACTION /?/create': {
    requires: 'signed-in',
    call: (api, f) => form(api, f, '/?/create', { title: 'Matrix form board', templateId: 'blank' })
  },
  'ACTION /?/rename': {
    requires: 'board:edit-board',
    call: (api, f) => form(api, f, '/?/rename', { id: f.boardId, title: 'Renamed by form' })
  },
  'ACTION /?/archive': {
    requires: 'board:edit-board',
    call: (api, f) => form(api, f, '/?/archive', { id: f.boardId, archived: 'true' })
  },
  'LOAD /account/notifications': {
    requires: 'signed-in',
    call: (api) => api.get('/account/notifications', { maxRedirects: 0 })
  },
  'ACTION /account/notifications?/default': {
    requires: 'signed-in',
    call: (api, f) => form(api, f, '/account/notifications', { language: 'zh-CN' })
  },
  // The signed link is the credential: anyone may post one, and a made-up one is a 400.
  'LOAD /mail/unsubscribe': { requires: 'public', call: (api) => api.get('/mail/unsubscribe?token=x') },
  'ACTION /mail/unsubscribe?/default': {
    requires: 'public',
    call: (api, f) => form(api, f, '/mail/unsubscribe', { token: 'x' })
  },
  'LOAD /account/export': {
    requires: 'signed-in',
    call: (api) => api.get('/account/export', { maxRedirects: 0 })
  },
  'LOAD /inbox': { requires: 'signed-in', call: (api) => api.get('/inbox', { maxRedirects: 0 }) },
  'LOAD /manage': { requires: 'signed-in', call: (api) => api.get('/manage', { maxRedirects: 0 }) },
  'LOAD /manage/digest': {
    requires: 'signed-in',
    call: (api) => api.get('/manage/digest', { maxRedirects: 0 })
  },
  'LOAD /boards/[id]/insights': {
    requires: 'signed-in',
    call: (api, f) => api.get(`/boards/${f.boardId}/insights`, { maxRedirects: 0 })
  },
  'LOAD /boards/[id]/cards/[cardId]/report': {
    requires: 'signed-in',
    call: (api, f) => api.get(`/boards/${f.boardId}/cards/${NO_CARD}/report`, { maxRedirects: 0 })
  },
  'LOAD /invite/[token]': { requires: 'public', call: (api) => api.get('/invite/no-such-token') },
  'ACTION /invite/[token]?/join': {
    requires: 'signed-in',
    call: (api, f) => form(api, f, '/invite/no-such-token?/join')
  },
  'ACTION /invite/[token]?/signup': {
    requires: 'public',
    call: (api, f) =>
      form(api, f, '/invite/no-such-token?/signup', { email: 'not an address', password: 'x' })
  },
  'GET /api/openapi.json': { requires: 'public', call: (api) => api.get('/api/openapi.json') },
  'GET /api/account/tokens': { requires: 'signed-in', call: (api) => api.get('/api/account/tokens') },
  'POST /api/account/tokens': {
    requires: 'signed-in',
    call: (api) =>
      api.post('/api/account/tokens', { data: { name: 'Matrix', scope: 'read', expiresInDays: 7 } })
  },
  'DELETE /api/account/tokens/[tokenId]': {
    requires: 'signed-in',
    call: (api) => api.delete('/api/account/tokens/0000000000000000')
  },
  'LOAD /account': { requires: 'signed-in', call: (api) => api.get('/account', { maxRedirects: 0 }) },
  'LOAD /account/tokens': {
    requires: 'signed-in',
    call: (api) => api.get('/account/tokens', { maxRedirects: 0 })
  },
  'GET /api/v1/boards': { requires: 'signed-in', call: (api) => api.get('/api/v1/boards') },
  'GET /api/v1/boards/[id]': {
    requires: 'board:read',
    call: (api, f) => api.get(`/api/v1/boards/${f.boardId}`)
  },
  'GET /api/v1/boards/[id]/cards': {
    requires: 'board:read',
    call: (api, f) => api.get(`/api/v1/boards/${f.boardId}/cards`)
  },
  'POST /api/v1/boards/[id]/cards': {
    requires: 'board:create-card',
    call: (api, f) =>
      api.post(`/api/v1/boards/${f.boardId}/cards`, { data: { stageId: 'no-such-stage', title: 'x' } })
  },
  'GET /api/v1/boards/[id]/cards/[cardId]': {
    requires: 'board:read',
    call: (api, f) => api.get(`/api/v1/boards/${f.boardId}/cards/${NO_CARD}`)
  },
  'PATCH /api/v1/boards/[id]/cards/[cardId]': {
    requires: 'board:edit-card',
    call: (api, f) => api.patch(`/api/v1/boards/${f.boardId}/cards/${NO_CARD}`, { data: { title: 'x' } })
  },
  'POST /api/v1/boards/[id]/cards/[cardId]/archive': {
    requires: 'board:edit-card',
    call: (api, f) => api.post(`/api/v1/boards/${f.boardId}/cards/${NO_CARD}/archive`, { data: {} })
  },
  'POST /api/v1/boards/[id]/cards/[cardId]/move': {
    requires: 'board:move-card',
    call: (api, f) =>
      api.post(`/api/v1/boards/${f.boardId}/cards/${NO_CARD}/move`, { data: { stageId: 'x' } })
  },
  'GET /api/v1/boards/[id]/cards/[cardId]/comments': {
    requires: 'board:read',
    call: (api, f) => api.get(`/api/v1/boards/${f.boardId}/cards/${NO_CARD}/comments`)
  },
  'POST /api/v1/boards/[id]/cards/[cardId]/comments': {
    requires: 'board:comment',
    call: (api, f) =>
      api.post(`/api/v1/boards/${f.boardId}/cards/${NO_CARD}/comments`, { data: { text: 'x' } })
  },
  'GET /api/v1/boards/[id]/cards/[cardId]/checklist': {
    requires: 'board:read',
    call: (api, f) => api.get(`/api/v1/boards/${f.boardId}/cards/${NO_CARD}/checklist`)
  },
  'POST /api/v1/boards/[id]/cards/[cardId]/checklist': {
    requires: 'board:tick-checklist',
    call: (api, f) =>
      api.post(`/api/v1/boards/${f.boardId}/cards/${NO_CARD}/checklist`, { data: { text: 'x' } })
  },
  'PATCH /api/v1/boards/[id]/cards/[cardId]/checklist/[itemId]': {
    requires: 'board:tick-checklist',
    call: (api, f) =>
      api.patch(`/api/v1/boards/${f.boardId}/cards/${NO_CARD}/checklist/no-such-item`, {
        data: { done: true }
      })
  },
  'LOAD /signin': { requires: 'public', call: (api) => api.get('/signin', { maxRedirects: 0 }) },
  'ACTION /signin?/default': {
    requires: 'public',
    call: (api, f) => form(api, f, '/signin', f.signIn)
  },
  'LOAD /signup': { requires: 'public', call: (api) => api.get('/signup', { maxRedirects: 0 }) },
  'ACTION /signup?/default': {
    requires: 'public',
    call: (api, f) => form(api, f, '/signup', { email: 'not an address', password: 'x' })
  }
};
