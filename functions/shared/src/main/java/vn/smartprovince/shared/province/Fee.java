package vn.smartprovince.shared.province;

import java.util.List;

/**
 * What a procedure costs (phí, lệ phí), in đồng.
 *
 * @param kind      {@code NONE}: free; {@code FIXED}: {@code amountVnd}; {@code TABLE}: one of {@code rows}
 * @param amountVnd {@code FIXED} only (else null)
 * @param rows      {@code TABLE} only (else empty): the cases and their amounts, e.g. per floor area
 * @param note      optional (null): who is exempt, when it is paid
 */
public record Fee(Kind kind, Long amountVnd, List<Row> rows, String note) {
    public enum Kind { NONE, FIXED, TABLE }

    /** One case of a fee table. */
    public record Row(String label, long amountVnd) {
    }

    public Fee {
        rows = rows == null ? List.of() : List.copyOf(rows);
    }

    public static Fee none() {
        return new Fee(Kind.NONE, null, List.of(), null);
    }
}
