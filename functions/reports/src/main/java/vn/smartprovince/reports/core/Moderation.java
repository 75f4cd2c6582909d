package vn.smartprovince.reports.core;

import java.time.Instant;

/**
 * How a moderator changed a report's PUBLIC view (never the report itself, which stays as sent
 * for audit): hidden from the feed and the map, and/or public text with personal data removed.
 * Stored as {@code REPORT#<id>} / {@code MODERATION}; every publication applies it, so a re-answer
 * never undoes it. {@code version} 0 = never moderated.
 *
 * @param redactedDescription the description the public sees instead of the citizen's text
 * @param redactedAnswer      the answer the public sees instead of the officer's text, for the answer
 *                            given at {@code answerRedactedAt}: a later, different answer is shown as
 *                            written (the redaction was of a text no longer published)
 */
public record Moderation(boolean hidden, String redactedDescription, String redactedAnswer, Instant answerRedactedAt,
                         long version) {
    public static final Moderation NONE = new Moderation(false, null, null, null, 0);

    /** The description the public sees. */
    public String description(String original) {
        return redactedDescription != null ? redactedDescription : original;
    }

    /** The answer the public sees: the redacted one while it is still the answer it was made for. */
    public String answer(String original, Instant answeredAt) {
        if (redactedAnswer != null && answerRedactedAt != null && answerRedactedAt.equals(answeredAt)) {
            return redactedAnswer;
        }
        return original;
    }
}
