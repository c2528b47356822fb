import { isActionFailure, type RequestEvent } from '@sveltejs/kit';
import { describe, expect, it, vi } from 'vitest';
import { AttachmentRequestError } from '#server/attachments/AttachmentRequestError';
import { AuthRequestError } from '#server/auth/AuthRequestError';
import { InviteRequestError } from '#server/auth/InviteRequestError';
import { MemberRequestError } from '#server/auth/MemberRequestError';
import { BoardRequestError } from '#server/boards/BoardRequestError';
import { ReviewRequestError } from '#server/boards/ReviewRequestError';
import { RequestError, isRequestError } from '#server/RequestError';
import { TemplateRequestError } from '#server/templates/TemplateRequestError';
import { handleApi } from '#server/http/json';
import { action } from '#server/http/route';

/** A kind of refusal no endpoint has heard of: it must be answered all the same. */
class TeapotRequestError extends RequestError<418, 'teapot'> {
  override name = 'TeapotRequestError';
}

const answer = (error: unknown) =>
  handleApi(() => {
    throw error;
  });

async function wire(response: Response) {
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers),
    body: await response.text()
  };
}

describe('refused requests', () => {
  it('answers a new kind of request error with its status and code, with no change to handleApi', async () => {
    const response = await answer(new TeapotRequestError(418, 'teapot', 'I am a teapot.'));
    expect(response.status).toBe(418);
    expect(await response.json()).toEqual({ error: { code: 'teapot', message: 'I am a teapot.' } });
  });

  it('turns a new kind of request error into a failure a form action shows', async () => {
    const refusing = action({ requires: 'public' }, () => {
      throw new TeapotRequestError(418, 'teapot', 'I am a teapot.');
    });
    const failure = await refusing({ locals: {} } as RequestEvent);
    expect(isActionFailure(failure)).toBe(true);
    expect(failure).toMatchObject({ status: 418, data: { code: 'teapot', message: 'I am a teapot.' } });
  });

  it.each([
    ['board', new BoardRequestError(404, 'not-found', 'No such board.')],
    ['template', new TemplateRequestError(409, 'template-name-taken', 'Taken.')],
    ['account', new AuthRequestError(401, 'bad-credentials', 'No match.')],
    ['membership', new MemberRequestError(403, 'forbidden', 'Not yours.')],
    ['review', new ReviewRequestError(409, 'already-approved', 'Done.')],
    ['invitation', new InviteRequestError(410, 'invite-used', 'Used.')],
    ['attachment', new AttachmentRequestError(415, 'unsupported-type', 'Not an image.')]
  ])(
    'answers %s refusals byte for byte as before: their status and { error: { code, message } }',
    async (_, e) => {
      const { status, headers, body } = await wire(await answer(e));
      expect(status).toBe(e.status);
      expect(headers['content-type']).toBe('application/json');
      expect(headers['retry-after']).toBeUndefined();
      expect(body).toBe(JSON.stringify({ error: { code: e.code, message: e.message } }));
    }
  );

  it('keeps the fields a refusal carries: a wait as Retry-After, a size limit in the body', async () => {
    const wait = await wire(await answer(new AuthRequestError(429, 'too-many-attempts', 'Wait.', 8)));
    expect(wait.status).toBe(429);
    expect(wait.headers['retry-after']).toBe('8');
    expect(wait.body).toBe('{"error":{"code":"too-many-attempts","message":"Wait."}}');
    const big = await wire(await answer(new AttachmentRequestError(413, 'too-large', 'Too big.', 1024)));
    expect(big.body).toBe('{"error":{"code":"too-large","message":"Too big.","limit":1024}}');
  });

  it('answers a request error from another copy of the module, which instanceof does not see', async () => {
    // Each bundle (SvelteKit's, server/index.ts's) has its own copy of the server code; the
    // services run in one and the endpoints catch in the other.
    vi.resetModules();
    const other = await import('#server/auth/MemberRequestError');
    const e = new other.MemberRequestError(403, 'forbidden', 'Not yours.');
    expect(other.MemberRequestError).not.toBe(MemberRequestError);
    expect(e instanceof RequestError).toBe(false);
    expect(isRequestError(e)).toBe(true);
    expect(isRequestError(e, 'MemberRequestError')).toBe(true);
    expect((await answer(e)).status).toBe(403);
  });

  it('tells the kinds apart by name, and takes no look-alike for one', () => {
    const member = new MemberRequestError(403, 'forbidden', 'Not yours.');
    expect(isRequestError(member, 'MemberRequestError')).toBe(true);
    expect(isRequestError(member, 'AuthRequestError')).toBe(false);
    const lookAlike = Object.assign(new Error('x'), {
      name: 'MemberRequestError',
      status: 403,
      code: 'forbidden'
    });
    expect(isRequestError(lookAlike)).toBe(false);
  });

  it('passes a thrown Response through and lets every other error escape as a fault', async () => {
    const thrown = new Response('gone', { status: 410 });
    expect(await answer(thrown)).toBe(thrown);
    await expect(answer(new Error('disk full'))).rejects.toThrow('disk full');
  });
});
