package vn.smartprovince.dossiers.lookup;

import java.text.Normalizer;

/**
 * A person's name as the public lookup shows it: the family name (the first word, as Vietnamese
 * names are written) whole, every other word as its initial: "Nguyễn Văn An" -> "Nguyễn V. A.". A
 * one-word name shows only its initial ("An" -> "A."), since the whole word would be the whole name.
 */
public final class NameMask {
    private NameMask() {
    }

    public static String mask(String fullName) {
        if (fullName == null || fullName.isBlank()) {
            return "";
        }
        String[] words = Normalizer.normalize(fullName, Normalizer.Form.NFC).strip().split("\\s+");
        if (words.length == 1) {
            return initial(words[0]);
        }
        StringBuilder masked = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            masked.append(' ').append(initial(words[i]));
        }
        return masked.toString();
    }

    private static String initial(String word) {
        int first = word.codePointAt(0);
        return new String(Character.toChars(Character.toUpperCase(first))) + ".";
    }
}
