import { goto } from '$app/navigation';
import { page } from '$app/state';
import { queryOf, type OverviewFilter } from '$lib/analytics/manager';
import type { PeriodName } from '$lib/analytics/period';

/**
 * Puts a manager's page's filter in its URL (replacing the entry: filtering is not a step Back
 * should retrace), so the view can be bookmarked and shared; `fallback` is the period left out.
 */
export function showFilter(next: OverviewFilter & { period: PeriodName }, fallback: PeriodName): void {
  // The path is the page's own, already resolved; only the query changes.
  // eslint-disable-next-line svelte/no-navigation-without-resolve
  void goto(filterHref(page.url.pathname, next, fallback), {
    replaceState: true,
    keepFocus: true,
    noScroll: true
  });
}

/** A resolved `path` with the filter's query, if it has one. */
export function filterHref(
  path: string,
  filter: OverviewFilter & { period: PeriodName },
  fallback: PeriodName
): string {
  const query = queryOf(filter, fallback).toString();
  return query ? `${path}?${query}` : path;
}
