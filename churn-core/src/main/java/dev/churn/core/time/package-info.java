/**
 * Time for a monthly model cycle: {@link dev.churn.core.time.Period} (one calendar month, the unit
 * of snapshots, training windows and monitoring), {@link dev.churn.core.time.Dates} (strict and
 * fast date parsing for ingest) and {@link dev.churn.core.time.MutableClock} (a settable {@link
 * java.time.Clock} for tests and simulations).
 *
 * <p>The library never reads the system time directly: every component that needs "now" takes a
 * {@link java.time.Clock}, so a simulation can drive a year of monthly cycles in a second.
 */
package dev.churn.core.time;
