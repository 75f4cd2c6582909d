/** Key and field names of statistics items that one domain writes and another reads (dossier counters, read by the admin statistics route). */
package vn.smartprovince.shared.stats;
