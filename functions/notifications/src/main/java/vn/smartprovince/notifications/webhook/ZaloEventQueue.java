package vn.smartprovince.notifications.webhook;

/** Where verified webhook events wait for the consumer: {@link SqsZaloEventQueue}, a list in unit tests. */
interface ZaloEventQueue {

    /**
     * Puts one event on the queue, its body exactly as Zalo sent it.
     *
     * @throws vn.smartprovince.shared.http.ApiException 503 when the queue cannot take it now (Zalo retries)
     */
    void enqueue(String rawBody, String eventName);
}
