/**
 * Today's date in the viewer's calendar, as a reactive value: overdue marks change at midnight
 * without a reload. One timer for the page, running only while something reads it.
 */
import { createSubscriber } from 'svelte/reactivity';
import { localDate } from '../board/dates';

const CHECK_EVERY_MS = 60_000;

const subscribe = createSubscriber((update) => {
  const timer = setInterval(update, CHECK_EVERY_MS);
  return () => clearInterval(timer);
});

/** The local date now ('YYYY-MM-DD'), re-read every minute by whatever shows it. */
export function today(): string {
  subscribe();
  return localDate(Date.now());
}
