/** The lateness scheduler: flags overdue dossiers and reminds officers of dossiers due within a working day, from the agencies' GSI2 queues (never a scan). */
package vn.smartprovince.dossiers.deadlines;
