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

    /**
     * NFC and trimmed of white space, including no-break spaces and zero-width spaces (common in
     * text pasted from web pages); does not check for control characters (see {@link #firstControlCharacter}).
     */
    public static String normalise(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        int start = 0;
        int end = nfc.length();
        while (start < end && blank(nfc.codePointAt(start))) {
            start += Character.charCount(nfc.codePointAt(start));
        }
        while (end > start && blank(nfc.codePointBefore(end))) {
            end -= Character.charCount(nfc.codePointBefore(end));
        }
        return nfc.substring(start, end);
    }

    private static boolean blank(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x200B || cp == 0xFEFF;
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
