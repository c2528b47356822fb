import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { currencyOf, expenseClaims } from '#lib/board';
import { roots } from '#lib/board/schema';
import { endpoint } from '#server/http/route';
import { claimJson, claimsCsv, parseClaimQuery } from '#server/money/expenseClaims';

/**
 * Expense claims (报销): the board's expenses in ?month=YYYY-MM, of ?person=<userId> if given, as
 * JSON or, with ?format=csv, as a CSV file Excel opens with its Chinese intact. Members only.
 */
export const GET: RequestHandler = endpoint(
  { requires: 'board:read' },
  async ({ locals, params, url }, granted) => {
    const query = parseClaimQuery(url.searchParams);
    const { services } = locals;
    const [{ rows, currency }, members] = await Promise.all([
      services.rooms.read(params.id, (doc) => ({
        rows: expenseClaims(doc, query),
        currency: currencyOf(roots(doc).meta)
      })),
      services.members.list(granted.user.id, params.id)
    ]);
    const names = new Map(members.map((m) => [m.userId, m.name]));
    if (query.format === 'csv') {
      const file = `expenses-${query.month}${query.person ? `-${query.person}` : ''}.csv`;
      return new Response(claimsCsv(rows, names, currency), {
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="${file}"`
        }
      });
    }
    const total = rows.reduce(
      (sum, r) => (r.status === 'within' || r.status === 'approved' ? sum + r.amount : sum),
      0
    );
    return json({
      month: query.month,
      person: query.person ?? null,
      currency,
      totalFen: total,
      rows: rows.map((r) => claimJson(r, names))
    });
  }
);
