package vn.smartprovince.shared.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Text as search compares it: Vietnamese without diacritics, lower case, words only. Citizens type
 * "ho chi minh", "Hồ Chí Minh" or "HO CHI MINH" and mean the same; an index built with
 * {@link #fold} on the stored side and the query side matches all three. One mechanism for every
 * search (news, directory): never fold differently in two places.
 */
public final class SearchText {
    private SearchText() {
    }

    /**
     * Lower case, diacritics removed (đ/Đ becomes d), every run of non-letters and non-digits one
     * space, trimmed. {@code null} gives "".
     */
    public static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean space = true;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (c == 'đ' || c == 'Đ') {
                c = 'd';
            }
            if (Character.isLetterOrDigit(c)) {
                out.append(Character.toLowerCase(c));
                space = false;
            } else if (!space) {
                out.append(' ');
                space = true;
            }
        }
        int end = out.length();
        if (end > 0 && out.charAt(end - 1) == ' ') {
            out.setLength(end - 1);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** The distinct folded words of {@code text}, in order of first appearance. */
    public static List<String> words(String text) {
        String folded = fold(text);
        if (folded.isEmpty()) {
            return List.of();
        }
        Set<String> words = new LinkedHashSet<>(List.of(folded.split(" ")));
        return new ArrayList<>(words);
    }

    /** Whether every word of {@code query} starts a word of {@code folded} (already {@link #fold}ed). */
    public static boolean matches(String folded, String query) {
        List<String> wanted = words(query);
        if (wanted.isEmpty()) {
            return true;
        }
        String haystack = " " + folded;
        for (String word : wanted) {
            if (!haystack.contains(" " + word)) {
                return false;
            }
        }
        return true;
    }
}
