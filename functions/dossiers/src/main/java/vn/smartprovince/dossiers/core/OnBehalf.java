package vn.smartprovince.dossiers.core;

/**
 * The person a dossier is for when the applicant submits for someone else (a parent, a child).
 *
 * @param cccd      optional (null: a young child has none), 12 digits
 * @param birthDate optional (null), {@code YYYY-MM-DD}
 */
public record OnBehalf(String fullName, String cccd, String birthDate, Relationship relationship) {

    /** The applicant's relation to the person (how the applicant is related to them). */
    public enum Relationship {
        /** The applicant is their parent (cha, mẹ). */
        PARENT,
        /** The applicant is their child (con). */
        CHILD,
        SPOUSE,
        SIBLING,
        GRANDPARENT,
        GRANDCHILD,
        /** Legal guardian (người giám hộ). */
        GUARDIAN,
        /** Someone they authorised in writing (ủy quyền); the authorisation is one of the documents. */
        AUTHORISED
    }
}
