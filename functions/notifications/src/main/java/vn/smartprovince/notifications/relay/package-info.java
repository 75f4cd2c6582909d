/** The outbox relay: main-table stream INSERTs of outbox items become messages on the notification queue. */
package vn.smartprovince.notifications.relay;
