/** Submission: {@code POST /v1/dossiers} (Idempotency-Key), checked against the procedure and routed. */
package vn.smartprovince.dossiers.submit;
