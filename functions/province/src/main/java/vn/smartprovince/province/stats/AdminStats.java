package vn.smartprovince.province.stats;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import vn.smartprovince.province.core.StatCounters;
import vn.smartprovince.province.core.StatCounters.StatKey;
import vn.smartprovince.province.core.StatDimension;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.stats.NotificationCounterKeys;
import vn.smartprovince.shared.stats.StatPeriods;
import vn.smartprovince.shared.stats.UserCounterKeys;

/**
 * The province administrators' statistics (403 for anyone else, before anything is read): users and
 * the share over 45 ({@link AgeShares}), active users in each of the last 12 months, notifications
 * sent / delivered / failed / undeliverable by channel per month and in total (written by
 * functions/notifications under {@link NotificationCounterKeys}; months nobody wrote read 0). The
 * CSV adds the public figures ({@link StatsCsv}).
 */
public final class AdminStats {
    private final StatCounters counters;
    private final Supplier<ProvinceConfig> config;
    private final Clock clock;

    public AdminStats(StatCounters counters, Supplier<ProvinceConfig> config, Clock clock) {
        this.counters = counters;
        this.config = config;
        this.clock = clock;
    }

    public record ActiveMonth(String month, long active) {
    }

    public record ChannelFigures(String channel, long sent, long delivered, long failed, long undeliverable) {
    }

    public record NotificationMonth(String month, List<ChannelFigures> channels) {
    }

    /** What {@code GET /v1/admin/stats} answers. */
    public record Figures(String provinceCode, String today, String timeZone, AgeShares.Ages users,
                          List<ActiveMonth> activeUsers, List<NotificationMonth> notifications,
                          List<ChannelFigures> notificationsTotal) {
    }

    public Figures figures(Caller caller) {
        caller.requireProvinceAdmin();
        return read(config.get());
    }

    /** The CSV: the administrators' figures and every public figure (each key, last 12 months and total; the province's weeks). */
    public String csv(Caller caller) {
        caller.requireProvinceAdmin();
        ProvinceConfig province = config.get();
        Figures figures = read(province);
        LocalDate today = today();
        List<StatsCsv.Row> rows = new ArrayList<>(StatsCsv.adminRows(figures, province.province().name()));
        List<String> months = StatPeriods.lastMonths(today, PublicStats.MONTHS);
        for (StatDimension dimension : StatDimension.values()) {
            Map<String, String> names = StatNames.all(province, dimension);
            List<String> sortKeys = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            if (dimension == StatDimension.PROVINCE) {
                for (String week : StatPeriods.lastWeeks(today, PublicStats.WEEKS)) {
                    sortKeys.add(StatPeriods.WEEK_PREFIX + week);
                    labels.add(week);
                }
            }
            for (String month : months) {
                sortKeys.add(StatPeriods.MONTH_PREFIX + month);
                labels.add(month);
            }
            sortKeys.add(StatPeriods.TOTAL);
            labels.add(StatPeriods.TOTAL);
            Map<StatKey, Map<String, Long>> read = counters.read(StatFigures.keys(dimension, names.keySet(), sortKeys));
            names.forEach((key, name) -> {
                for (int i = 0; i < sortKeys.size(); i++) {
                    rows.add(StatsCsv.publicRow(dimension, key, name,
                            StatFigures.point(dimension, key, sortKeys.get(i), labels.get(i), read)));
                }
            });
        }
        return StatsCsv.write(rows);
    }

    /** The attachment's file name (ASCII). */
    public String fileName() {
        return "thong-ke-" + config.get().province().code().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "")
                + "-" + today() + ".csv";
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(StatPeriods.VIETNAM));
    }

    private Figures read(ProvinceConfig province) {
        LocalDate today = today();
        List<String> months = StatPeriods.lastMonths(today, PublicStats.MONTHS);
        List<StatKey> keys = new ArrayList<>();
        StatKey birthYears = new StatKey(UserCounterKeys.PK, UserCounterKeys.BIRTH_YEARS);
        keys.add(birthYears);
        for (String month : months) {
            keys.add(new StatKey(UserCounterKeys.PK, StatPeriods.MONTH_PREFIX + month));
            keys.add(new StatKey(NotificationCounterKeys.PK, NotificationCounterKeys.MONTH_PREFIX + month));
        }
        StatKey notifyTotal = new StatKey(NotificationCounterKeys.PK, NotificationCounterKeys.TOTAL);
        keys.add(notifyTotal);
        Map<StatKey, Map<String, Long>> read = counters.read(keys);

        AgeShares.Ages ages = AgeShares.of(read.getOrDefault(birthYears, Map.of()), today.getYear());
        List<ActiveMonth> active = new ArrayList<>();
        List<NotificationMonth> notifications = new ArrayList<>();
        for (String month : months) {
            active.add(new ActiveMonth(month, StatFigures.get(read.getOrDefault(
                    new StatKey(UserCounterKeys.PK, StatPeriods.MONTH_PREFIX + month), Map.of()), UserCounterKeys.ACTIVE)));
            notifications.add(new NotificationMonth(month, channels(read.getOrDefault(
                    new StatKey(NotificationCounterKeys.PK, NotificationCounterKeys.MONTH_PREFIX + month), Map.of()))));
        }
        return new Figures(province.province().code(), today.toString(), StatPeriods.VIETNAM.getId(), ages, active,
                notifications, channels(read.getOrDefault(notifyTotal, Map.of())));
    }

    /** One entry per known channel (0 when never written); a channel the dispatcher adds later shows up too. */
    static List<ChannelFigures> channels(Map<String, Long> item) {
        Map<String, ChannelFigures> byChannel = new LinkedHashMap<>();
        List<String> channels = new ArrayList<>(NotificationCounterKeys.CHANNELS);
        item.keySet().stream().filter(name -> name.contains("#")).map(name -> name.substring(0, name.indexOf('#')))
                .filter(channel -> !channels.contains(channel)).distinct().sorted().forEach(channels::add);
        for (String channel : channels) {
            byChannel.put(channel, new ChannelFigures(channel,
                    StatFigures.get(item, NotificationCounterKeys.field(channel, NotificationCounterKeys.SENT)),
                    StatFigures.get(item, NotificationCounterKeys.field(channel, NotificationCounterKeys.DELIVERED)),
                    StatFigures.get(item, NotificationCounterKeys.field(channel, NotificationCounterKeys.FAILED)),
                    StatFigures.get(item, NotificationCounterKeys.field(channel, NotificationCounterKeys.UNDELIVERABLE))));
        }
        return List.copyOf(byChannel.values());
    }
}
