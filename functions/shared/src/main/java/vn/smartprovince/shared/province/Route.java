package vn.smartprovince.shared.province;

/** Where a report goes, and why (for the report's history and for auditing the rules). */
public record Route(Agency agency, Basis basis) {
    public enum Basis {
        /** A rule for this category in this area. */
        AREA_RULE,
        /** A rule for this category in every area. */
        CATEGORY_RULE,
        /** No rule matched (or the category or area is unknown): the triage agency. */
        TRIAGE_FALLBACK
    }
}
