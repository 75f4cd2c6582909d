package vn.smartprovince.dossiers.core;

/**
 * One {@code ADD field amount} on a dossier statistics item, written in the change's transaction:
 * {@code STATS#DOSSIER_AGENCY#<agencyId>} and {@code STATS#PROCEDURE#<procedureCode>}, each with
 * sort keys {@code TOTAL} and {@code MONTH#yyyy-MM} (Vietnam time). Fields are listed in
 * functions/dossiers/README.md.
 */
public record CounterDelta(String partitionKey, String period, String field, long amount) {
}
