/**
 * Vietnamese working-day calendar: lunar calendar, public holidays, official notices, and
 * working-day / working-hour arithmetic. Pure functions and data; no database, no clock.
 */
export * from "./local-date.js";
export * from "./lunar-calendar.js";
export * from "./holiday-types.js";
export * from "./default-holidays.js";
export * from "./overrides.js";
export * from "./official-notices.js";
export * from "./working-hours.js";
export * from "./working-calendar.js";
export * from "./dossier-deadline.js";
