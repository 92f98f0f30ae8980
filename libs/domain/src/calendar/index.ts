export {
  SupportCalendar,
  SUPPORT_WEEKDAYS,
  collectSupportCalendarProblems,
  type SupportCalendarConfig,
  type SupportDay,
  type SupportHours,
  type SupportWeekday,
  type SupportWindow,
} from './support-calendar';
export { easterSunday, swedishHolidays, swedishHolidayName, type SwedishHoliday } from './swedish-holidays';
export { isValidTimeZone } from './time-zone-rules';
