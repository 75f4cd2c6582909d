/**
 * The appointment domain: bookings, their statuses and slots, and the store's port. Imports
 * nothing else of the module.
 */
package vn.smartprovince.appointments.core;
