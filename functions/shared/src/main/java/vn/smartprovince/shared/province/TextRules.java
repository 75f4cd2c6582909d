package vn.smartprovince.shared.province;

import java.text.Normalizer;

/**
 * The project's rules for text that people typed: trimmed (Unicode white space), normalised to
 * NFC (some Vietnamese keyboards send decomposed diacritics, which would otherwise compare and
 * count differently), no control characters, lengths counted in characters (code points).
 */
public final class TextRules {
    private TextRules() {
    }

    /** NFC and trimmed; does not check for control characters (see {@link #firstControlCharacter}). */
    public static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).strip();
    }

    /**
     * Index (in code points) of the first control character, or -1. With {@code allowNewlines}
     * a line feed is accepted (texts shown as paragraphs); tabs and carriage returns never are.
     */
    public static int firstControlCharacter(String text, boolean allowNewlines) {
        int index = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.getType(cp) == Character.CONTROL && !(allowNewlines && cp == '\n')) {
                return index;
            }
            i += Character.charCount(cp);
            index++;
        }
        return -1;
    }

    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
