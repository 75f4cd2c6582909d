package vn.smartprovince.notifications.webhook;

import java.util.List;

/** A verified event the consumer cannot act on (a field missing or malformed); names the fields, never values. */
final class InvalidZaloEventException extends RuntimeException {
    private final List<String> problems;

    InvalidZaloEventException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }
}
