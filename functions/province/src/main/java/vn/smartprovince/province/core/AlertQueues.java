package vn.smartprovince.province.core;

import java.util.List;
import vn.smartprovince.shared.notify.NotificationJob;

/** The queues an alert goes through: AlertFanOutQueue (pages of partitions) and NotificationQueue (jobs). */
public interface AlertQueues {
    void fanOut(AlertFanOutTask task);

    /** Puts the jobs on the notification queue, 10 per SendMessageBatch; throws when any was refused. */
    void notify(List<NotificationJob> jobs);
}
