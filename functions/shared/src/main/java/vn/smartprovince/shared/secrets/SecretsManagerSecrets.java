package vn.smartprovince.shared.secrets;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import vn.smartprovince.shared.aws.AwsClients;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.ApiException;

/**
 * Secrets read from AWS Secrets Manager ({@code GetSecretValue}, current version), without a
 * cache: wrap it in {@link CachingSecrets}, as {@link #cached(Env)} does.
 *
 * <p>The value is the secret's string (or its binary as UTF-8), used as it is. A missing secret
 * is a {@link SecretNotFoundException}; a refusal (access denied, KMS) an
 * {@link IllegalStateException} naming the secret and AWS's error code; an unreachable or
 * throttling service a 503 {@link ApiException} ("secrets manager unavailable").
 */
public final class SecretsManagerSecrets implements Secrets {
    /** Seconds a value is cached by {@link #cached(Env)}; default 900, 0 = ask every time. */
    public static final String CACHE_TTL_SECONDS = "SECRETS_CACHE_TTL_SECONDS";

    private final SecretsManagerClient client;

    public SecretsManagerSecrets(SecretsManagerClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** What a function builds in its constructor: the client from {@link AwsClients}, cached for the configured time. */
    public static CachingSecrets cached(Env env) {
        return new CachingSecrets(new SecretsManagerSecrets(AwsClients.secretsManager(env)), ttl(env));
    }

    static Duration ttl(Env env) {
        String text = env.get(CACHE_TTL_SECONDS, Long.toString(CachingSecrets.DEFAULT_TTL.toSeconds())).strip();
        try {
            long seconds = Long.parseLong(text);
            if (seconds >= 0 && seconds <= 86_400) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalStateException(CACHE_TTL_SECONDS + " must be a number of seconds from 0 to 86400, got \""
                + text + "\"");
    }

    @Override
    public String value(String name) {
        Objects.requireNonNull(name, "name");
        GetSecretValueResponse response;
        try {
            response = client.getSecretValue(request -> request.secretId(name));
        } catch (ResourceNotFoundException e) {
            throw new SecretNotFoundException(name);
        } catch (AwsServiceException e) {
            int status = e.statusCode();
            if (status >= 500 || e.isThrottlingException()) {
                throw ApiException.unavailable("secrets manager unavailable");
            }
            String code = e.awsErrorDetails() == null ? "HTTP " + status : e.awsErrorDetails().errorCode();
            throw new IllegalStateException("Secret \"" + name + "\" cannot be read (" + code
                    + "): check the function's permissions and the secret's KMS key");
        } catch (SdkException e) {
            throw ApiException.unavailable("secrets manager unavailable");
        }
        if (response.secretString() != null) {
            return response.secretString();
        }
        if (response.secretBinary() != null) {
            return new String(response.secretBinary().asByteArray(), StandardCharsets.UTF_8);
        }
        throw new SecretNotFoundException(name);
    }
}
