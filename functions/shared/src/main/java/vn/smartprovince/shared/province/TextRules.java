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

    /**
     * The form text is compared in when people search: decomposed (NFD), combining marks removed,
     * đ/Đ as d, lower case (Vietnamese has no locale-specific case rules), runs of white space as
     * one space, trimmed. "Đăng  ký khai sinh" and "dang ky KHAI SINH" fold to the same
     * "dang ky khai sinh". For matching only: never store or show the folded form.
     */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder folded = new StringBuilder(decomposed.length());
        boolean space = false;
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.getType(cp) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (blank(cp)) {
                space = folded.length() > 0;
                continue;
            }
            if (space) {
                folded.append(' ');
                space = false;
            }
            if (cp == 'đ' || cp == 'Đ') {
                cp = 'd';
            }
            folded.appendCodePoint(Character.toLowerCase(cp));
        }
        return folded.toString();
    }

    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
