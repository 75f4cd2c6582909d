/** Idempotency-Key handling of creating POSTs: the key rule, derived ids, request hashes and replay or 422. */
package vn.smartprovince.shared.idempotency;
