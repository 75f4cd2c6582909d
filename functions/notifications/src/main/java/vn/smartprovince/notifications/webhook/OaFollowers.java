package vn.smartprovince.notifications.webhook;

import java.time.Instant;
import vn.smartprovince.notifications.webhook.ZaloEvent.FollowChange;

/**
 * The link between a citizen (our user id = the mini app's Zalo id) and the OA-scoped follower id OA
 * messages are addressed to, with whether they follow the OA now and since when: what the
 * dispatcher reads to choose the OA channel. {@link DynamoDbOaFollowers}.
 */
interface OaFollowers {

    /**
     * Records a follow or an unfollow of a citizen ({@code change.userId()} not null).
     *
     * @return false when a later follow or unfollow of this citizen is already recorded (an older
     *         event arriving late changes nothing)
     */
    boolean record(FollowChange change, Instant now);

    /**
     * The citizen wrote to the OA at {@code at} (opens Zalo's window for consultation messages);
     * kept only if later than what is recorded. Creates the link if there was none (a citizen may
     * write to an OA without following it).
     */
    void interacted(String userId, String followerId, Instant at, Instant now);
}
