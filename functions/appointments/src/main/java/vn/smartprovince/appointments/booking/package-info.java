/**
 * Citizens' bookings: book a slot (Idempotency-Key), see mine and one, cancel and reschedule until
 * the cut-off.
 */
package vn.smartprovince.appointments.booking;
