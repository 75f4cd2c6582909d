package vn.smartprovince.dossiers.core;

/**
 * Who submits a dossier: the account holder, prefilled from their profile and confirmed on the
 * form. Personal data: the CCCD and phone never reach a log or the public lookup.
 *
 * @param userId    the Zalo user id of the account that submitted
 * @param cccd      the citizen identity card number, 12 digits
 * @param phone     {@code 84…}
 * @param birthDate optional (null), {@code YYYY-MM-DD}
 * @param address   the residence (its commune decides competence for {@code APPLICANT_AREA} procedures)
 * @param type      the national applicant type (1 citizen, 2 business, 3 state agency, 4 organisation)
 */
public record Applicant(String userId, String fullName, String cccd, String phone, String birthDate, Address address,
                        ApplicantType type) {

    /** The national portal's applicant types. */
    public enum ApplicantType {
        CITIZEN(1), BUSINESS(2), STATE_AGENCY(3), ORGANISATION(4);

        private final int code;

        ApplicantType(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }
    }
}
