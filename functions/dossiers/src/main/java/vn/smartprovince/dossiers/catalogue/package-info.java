/**
 * The procedure catalogue (public, no session): {@code GET /v1/procedures} (search ignoring
 * diacritics and case, filters by field and competent agency) and {@code GET /v1/procedures/{code}}
 * (everything the mini app needs to render the form), both from the province configuration in
 * force and cacheable with its ETag.
 */
package vn.smartprovince.dossiers.catalogue;
