package vn.smartprovince.local.template;

/** The template cannot be read or uses something the local runtime does not support; the message says which. */
public class TemplateException extends RuntimeException {
    public TemplateException(String message) {
        super(message);
    }
}
