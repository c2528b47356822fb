/** Working-day calendars a board may count by (mainland China with 调休, or Monday to Friday). */
export * from './calendar';
export { CN_DATA_LAST_YEAR } from './cn-mainland';
