/**
 * The service centre's desk: check-in by code, serving, no-shows, the day's list per counter, and
 * closures of a day (cancelling its bookings). For officers of the centre's agency and province admins.
 */
package vn.smartprovince.appointments.desk;
