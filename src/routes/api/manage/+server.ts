import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint } from '#server/http/route';
import { AT_RISK_WORKING_DAYS } from '#lib/analytics/overview';
import { PERIODS } from '#lib/analytics/period';
import { periodParam } from '#server/analytics/periodParam';

/** Most working days ahead a card may be called at risk (?days=<n>). */
const AT_RISK_DAYS_MAX = 30;

/**
 * The manager's page: across the caller's boards, cards waiting for their sign-off, late and
 * at-risk cards (?days=<n> working days ahead, default 3), open cards per person; budget burn and
 * attainment over ?period=week|month|quarter|all (default all). Live changes are announced on
 * /api/manage/stream.
 */
export const GET: RequestHandler = endpoint({ requires: 'signed-in' }, async ({ locals, url }, { user }) => {
  const days = Number(url.searchParams.get('days') ?? AT_RISK_WORKING_DAYS);
  const atRisk =
    Number.isInteger(days) && days >= 0 && days <= AT_RISK_DAYS_MAX ? days : AT_RISK_WORKING_DAYS;
  const period = periodParam(url, PERIODS, 'all');
  return json(await locals.services.overview.forUser(user.id, atRisk, period));
});
