package vn.smartprovince.shared.http;

/**
 * One problem with one field of a request, e.g. {@code location.lat} / {@code OUT_OF_RANGE}.
 * Messages come in both languages so the answer can follow Accept-Language.
 */
public record FieldError(String field, String code, String messageVi, String messageEn) {
    public String message(Language language) {
        return language == Language.EN ? messageEn : messageVi;
    }
}
