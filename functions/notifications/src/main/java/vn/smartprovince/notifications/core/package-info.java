/** Notifications' domain: a delivery (what was sent to whom, through which channel, and its state), the reasons it failed, and the port of the delivery store. */
package vn.smartprovince.notifications.core;
