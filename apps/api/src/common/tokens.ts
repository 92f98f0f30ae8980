/** Injection tokens for the values every module shares. */
export const DATA_SOURCE = Symbol('DATA_SOURCE');
export const APP_ENV = Symbol('APP_ENV');
export const CLOCK = Symbol('CLOCK');

/** The time source; tests replace it to fix "now". */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };
