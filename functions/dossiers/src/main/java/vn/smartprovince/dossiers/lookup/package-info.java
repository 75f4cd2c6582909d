/** The public look-up of a dossier by its code ({@code GET /v1/dossier-lookup/{code}}, no session): the status for anyone with the code, details with the second factor, rate-limited per source. */
package vn.smartprovince.dossiers.lookup;
