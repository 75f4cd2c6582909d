/** Appointments at a service centre's counter (đặt lịch hẹn): see functions/appointments/README.md. */
package vn.smartprovince.appointments;
