/**
 * News and announcements: the authors' desk (drafts, edits with a version, publish now or at a
 * time, unpublish, pin, cover uploads), the scheduled publisher, and public reading (feed, one
 * article, diacritics-free search) with ETags. Design: docs/news.md.
 */
package vn.smartprovince.province.news;
