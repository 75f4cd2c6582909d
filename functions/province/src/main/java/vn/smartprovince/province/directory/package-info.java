/**
 * The directory (danh bạ), public: {@code GET /v1/directory} (search ignoring diacritics, filters,
 * nearest first), {@code GET /v1/directory/{id}} and {@code GET /v1/hotlines}. Read from the
 * province configuration's snapshot in memory (docs/directory.md says why it lives there).
 */
package vn.smartprovince.province.directory;
