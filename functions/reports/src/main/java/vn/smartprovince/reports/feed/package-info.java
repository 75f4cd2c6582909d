/** The public feed and map of answered reports, and the moderation of their public view. */
package vn.smartprovince.reports.feed;
