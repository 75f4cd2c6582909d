package vn.smartprovince.dossiers.core;

import java.time.Duration;
import vn.smartprovince.shared.config.Env;

/**
 * What a dossier document may be: at most {@code maxBytes} ({@code DOCUMENT_MAX_BYTES}, default
 * 10 MiB, 1 KiB to 5 GiB), of a {@link vn.smartprovince.shared.province.DocumentType} (JPEG, PNG, PDF;
 * a procedure's document may accept fewer); an upload URL works 15 minutes, a download URL 5.
 */
public record DocumentLimits(long maxBytes) {
    public static final String MAX_BYTES = "DOCUMENT_MAX_BYTES";
    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;
    public static final Duration UPLOAD_TTL = Duration.ofMinutes(15);
    public static final Duration DOWNLOAD_TTL = Duration.ofMinutes(5);

    public static DocumentLimits fromEnv(Env env) {
        return new DocumentLimits(env.number(MAX_BYTES, DEFAULT_MAX_BYTES, 1024, 5L * 1024 * 1024 * 1024));
    }

    /** "10 MB": how the limit reads to a citizen. */
    public String sizeText() {
        return maxBytes % (1024 * 1024) == 0 ? (maxBytes / (1024 * 1024)) + " MB" : (maxBytes / 1024) + " KB";
    }
}
