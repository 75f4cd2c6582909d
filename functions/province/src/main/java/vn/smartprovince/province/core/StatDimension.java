package vn.smartprovince.province.core;

import vn.smartprovince.shared.stats.DossierCounterKeys;
import vn.smartprovince.shared.stats.ReportCounterKeys;

/**
 * What the public statistics are broken down by, and which counter items hold each: field reports
 * ({@link ReportCounterKeys}) and dossiers ({@link DossierCounterKeys}). A category has no dossiers, a
 * procedure no reports (their partition key is null). A report's commune is where it was seen, a
 * dossier's the applicant's address.
 */
public enum StatDimension {
    PROVINCE, AGENCY, CATEGORY, PROCEDURE, COMMUNE;

    /** The reports' counter partition for {@code key}, or null when this dimension has no reports. */
    public String reportPk(String key) {
        return switch (this) {
            case PROVINCE -> ReportCounterKeys.key(ReportCounterKeys.PROVINCE, ReportCounterKeys.PROVINCE_KEY);
            case AGENCY -> ReportCounterKeys.key(ReportCounterKeys.AGENCY, key);
            case CATEGORY -> ReportCounterKeys.key(ReportCounterKeys.CATEGORY, key);
            case COMMUNE -> ReportCounterKeys.key(ReportCounterKeys.AREA, key);
            case PROCEDURE -> null;
        };
    }

    /** The dossiers' counter partition for {@code key}, or null when this dimension has no dossiers. */
    public String dossierPk(String key) {
        return switch (this) {
            case PROVINCE -> DossierCounterKeys.provinceKey();
            case AGENCY -> DossierCounterKeys.agencyKey(key);
            case PROCEDURE -> DossierCounterKeys.procedureKey(key);
            case COMMUNE -> DossierCounterKeys.communeKey(key);
            case CATEGORY -> null;
        };
    }
}
