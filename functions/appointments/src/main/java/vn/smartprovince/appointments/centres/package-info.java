/** Public: the service centres (hours, counters, procedures) and their free slots. */
package vn.smartprovince.appointments.centres;
