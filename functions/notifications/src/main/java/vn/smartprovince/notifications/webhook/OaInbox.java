package vn.smartprovince.notifications.webhook;

import java.time.Instant;
import vn.smartprovince.notifications.webhook.ZaloEvent.CitizenMessage;

/** Citizens' messages to the OA, kept for the agency to read and answer. {@link DynamoDbOaInbox}. */
interface OaInbox {

    /** @return false when this message is already kept (a repeated event) */
    boolean keep(CitizenMessage message, Instant now);
}
