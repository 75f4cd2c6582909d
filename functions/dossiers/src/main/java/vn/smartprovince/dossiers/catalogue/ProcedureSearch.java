package vn.smartprovince.dossiers.catalogue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import vn.smartprovince.shared.province.Procedure;
import vn.smartprovince.shared.province.TextRules;

/**
 * Which procedures a search finds, and in which order. Text is compared folded
 * ({@link TextRules#fold}: no diacritics, no case, one space), so "dang ky khai sinh" finds
 * "Đăng ký khai sinh": every word of {@code q} must begin a word of the procedure's code, name or
 * field, in any order ("giay phep" finds "giấy phép", "1.001193" the code; "hon" does not find "thông"). {@code field} matches a field's whole name, folded;
 * {@code agencyId} a procedure whose competent agency is, or may be (a candidate of a commune-based
 * procedure), that agency.
 *
 * @param q        the words searched for, or null
 * @param field    the field (lĩnh vực) wanted, or null
 * @param agencyId the competent agency wanted, or null
 */
public record ProcedureSearch(String q, String field, String agencyId) {
    /** Results are sorted by name as people read it (folded), then code: stable across versions, so a cursor can hold the last key. */
    private static final Pattern WORD_SEPARATOR = Pattern.compile("[^\\p{L}\\p{N}.]+");

    public static final Comparator<Procedure> ORDER = Comparator.comparing(ProcedureSearch::sortKey);

    public boolean matches(Procedure procedure) {
        return matchesText(procedure) && matchesAgency(procedure) && matchesField(procedure);
    }

    /** Everything but the field filter: what the field counts are computed over, so the mini app can offer the other fields. */
    public boolean matchesAllButField(Procedure procedure) {
        return matchesText(procedure) && matchesAgency(procedure);
    }

    private boolean matchesText(Procedure procedure) {
        if (q == null) {
            return true;
        }
        List<String> words = words(procedure.code() + " " + procedure.name() + " " + procedure.field());
        return words(q).stream().allMatch(wanted -> words.stream().anyMatch(word -> word.startsWith(wanted)));
    }

    /** Folded words: split at anything but letters, digits and '.' (codes stay one word). */
    static List<String> words(String text) {
        return Arrays.stream(WORD_SEPARATOR.split(TextRules.fold(text))).filter(word -> !word.isEmpty()).toList();
    }

    private boolean matchesAgency(Procedure procedure) {
        return agencyId == null || procedure.competence().agencyIds().contains(agencyId);
    }

    private boolean matchesField(Procedure procedure) {
        return field == null || TextRules.fold(procedure.field()).equals(TextRules.fold(field));
    }

    /** {@code <folded name>|<code>}: codes hold no '|', and names fold to lower-case text. */
    public static String sortKey(Procedure procedure) {
        return TextRules.fold(procedure.name()) + "|" + procedure.code();
    }

    /** The procedures found, in {@link #ORDER}. */
    public List<Procedure> apply(List<Procedure> procedures) {
        return procedures.stream().filter(this::matches).sorted(ORDER).toList();
    }
}
