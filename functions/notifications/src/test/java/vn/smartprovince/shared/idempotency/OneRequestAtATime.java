package vn.smartprovince.shared.idempotency;

import java.io.IOException;
import java.util.concurrent.locks.ReentrantLock;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * An HTTP client that lets one request at a time reach the emulator (the caller's threads still
 * run concurrently between requests).
 *
 * <p>Why: moto's conditional writes are not atomic under concurrent requests. Measured with plain
 * boto3 from 20 processes against moto 5.2: in 7 of 20 rounds two conditional PutItems with
 * {@code attribute_not_exists} on one key both succeeded. DynamoDB serialises writes to an item and
 * evaluates the condition atomically with the write; one request at a time gives the tests that
 * guarantee, so they test our rules rather than moto's missing lock.
 */
final class OneRequestAtATime implements SdkHttpClient {
    private final SdkHttpClient delegate;
    private final ReentrantLock lock = new ReentrantLock(true);

    OneRequestAtATime(SdkHttpClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        ExecutableHttpRequest prepared = delegate.prepareRequest(request);
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                lock.lock();
                try {
                    HttpExecuteResponse response = prepared.call();
                    // Read the whole answer inside the lock: the emulator is done with the request.
                    if (response.responseBody().isPresent()) {
                        byte[] body = response.responseBody().get().readAllBytes();
                        return HttpExecuteResponse.builder().response(response.httpResponse())
                                .responseBody(AbortableInputStream.create(new java.io.ByteArrayInputStream(body)))
                                .build();
                    }
                    return response;
                } finally {
                    lock.unlock();
                }
            }

            @Override
            public void abort() {
                prepared.abort();
            }
        };
    }

    @Override
    public String clientName() {
        return "OneRequestAtATime";
    }

    @Override
    public void close() {
        delegate.close();
    }
}
