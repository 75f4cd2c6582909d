package vn.smartprovince.onestopfake;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * What the fake is started with.
 *
 * @param apiKey         the Bearer key our connector must send on {@code POST /dossier-events}
 * @param signingSecret  the HMAC secret of the desk updates it pushes
 * @param pushUrl        where desk updates go (our {@code /v1/one-stop/updates}); null = none yet
 *                       (set later with {@link OneStopFake#pushTo(URI)})
 * @param pushGiveUpAfter how long one desk update is retried before it counts as abandoned
 */
public record FakeConfig(String apiKey, String signingSecret, URI pushUrl, Duration pushGiveUpAfter) {
    public static final Duration DEFAULT_GIVE_UP = Duration.ofMinutes(5);

    public FakeConfig {
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(signingSecret, "signingSecret");
        if (apiKey.isBlank() || signingSecret.isBlank()) {
            throw new IllegalArgumentException("apiKey and signingSecret must not be blank");
        }
        pushGiveUpAfter = pushGiveUpAfter == null ? DEFAULT_GIVE_UP : pushGiveUpAfter;
    }

    public static FakeConfig of(String apiKey, String signingSecret) {
        return new FakeConfig(apiKey, signingSecret, null, DEFAULT_GIVE_UP);
    }

    /** The local secret's value {@code {"apiKey","signingSecret"}} (infra/local-secrets.json). */
    public static FakeConfig fromSecretJson(String json) {
        var node = vn.smartprovince.shared.json.Json.read(json);
        return of(node.path("apiKey").asText(""), node.path("signingSecret").asText(""));
    }

    @Override
    public String toString() {
        return "FakeConfig[pushUrl=" + pushUrl + "]";
    }
}
