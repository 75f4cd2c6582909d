package vn.smartprovince.notifications.dispatch;

import java.util.Collection;
import java.util.Map;

/** Recipients by user id ({@link DynamoDbRecipients}: one BatchGetItem per batch). */
interface Recipients {

    /** The recipients that exist among {@code userIds}; an unknown id is absent from the map. */
    Map<String, Recipient> find(Collection<String> userIds);
}
