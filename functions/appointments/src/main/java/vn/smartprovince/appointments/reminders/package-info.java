/**
 * The evening run (17:00 Vietnam): reminders of tomorrow's bookings, and earlier days' bookings
 * nobody came to marked as no-shows.
 */
package vn.smartprovince.appointments.reminders;
