package vn.smartprovince.province.stats;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import vn.smartprovince.province.core.StatCounters;
import vn.smartprovince.province.core.StatCounters.StatKey;
import vn.smartprovince.province.core.StatDimension;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.BodyFields;
import vn.smartprovince.shared.http.EntityTags;
import vn.smartprovince.shared.http.FieldError;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.stats.StatPeriods;

/**
 * The public dashboard data, read from counters only.
 * <ul>
 *   <li>A series: {@code dimension} and {@code key} (none for PROVINCE), {@code period} WEEK (the last
 *       53 ISO weeks, the current one included) or MONTH (the last 12 months), plus the all-time total.</li>
 *   <li>A summary ({@code key} omitted, dimension not PROVINCE): every key of the dimension in the
 *       province configuration, in one month ({@code month=YYYY-MM}, default the current one, at most
 *       a year back).</li>
 * </ul>
 * Weeks and months are Vietnam time. Every parameter is checked (400 naming it). The answer's
 * {@code ETag} is a hash of its body: a client revalidating with {@code If-None-Match} gets 304.
 */
public final class PublicStats {
    static final int WEEKS = 53;
    static final int MONTHS = 12;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    private final StatCounters counters;
    private final Supplier<ProvinceConfig> config;
    private final Clock clock;

    public PublicStats(StatCounters counters, Supplier<ProvinceConfig> config, Clock clock) {
        this.counters = counters;
        this.config = config;
        this.clock = clock;
    }

    /** The query: each value as sent (null when absent). */
    public record Query(String dimension, String key, String period, String month) {
    }

    /** One key's series. {@code total}: all time ({@code period} "TOTAL"). */
    public record Series(String dimension, String key, String name, String period, String timeZone,
                         List<StatFigures.Point> points, StatFigures.Point total) {
    }

    /** Every key of a dimension in one month. */
    public record Summary(String dimension, String month, String timeZone, List<SummaryItem> items) {
    }

    public record SummaryItem(String key, String name, StatFigures.ReportFigures reports,
                              StatFigures.DossierFigures dossiers) {
    }

    /** The body (null on a 304) and its entity tag. */
    public record Answer(String etag, String body) {
    }

    public Answer answer(Query query, String ifNoneMatch) {
        Object result = read(query);
        String body = Json.write(result);
        String etag = etag(body);
        return new Answer(etag, EntityTags.noneMatchHits(ifNoneMatch, etag) ? null : body);
    }

    Object read(Query query) {
        List<FieldError> errors = new ArrayList<>();
        ProvinceConfig province = config.get();
        StatDimension dimension = StatDimension.PROVINCE;
        String dimensionText = blankToNull(query.dimension());
        boolean dimensionKnown = true;
        if (dimensionText != null) {
            try {
                dimension = StatDimension.valueOf(dimensionText);
            } catch (IllegalArgumentException e) {
                dimensionKnown = false;
                errors.add(BodyFields.notOneOf("dimension", StatDimension.values()));
            }
        }
        String key = blankToNull(query.key());
        String name = null;
        if (!dimensionKnown) {
            key = null;
        } else if (key != null && dimension == StatDimension.PROVINCE) {
            errors.add(new FieldError("key", "NOT_ALLOWED", "Không dùng key với dimension=PROVINCE.",
                    "key is not used with dimension=PROVINCE."));
        } else if (key != null) {
            name = KEY.matcher(key).matches() ? StatNames.name(province, dimension, key) : null;
            if (name == null) {
                errors.add(new FieldError("key", "UNKNOWN_KEY", "Không có " + dimension.name() + " mã này.",
                        "No " + dimension.name() + " with this key."));
            }
        }
        Period period = Period.MONTH;
        String periodText = blankToNull(query.period());
        if (periodText != null) {
            try {
                period = Period.valueOf(periodText);
            } catch (IllegalArgumentException e) {
                errors.add(BodyFields.notOneOf("period", Period.values()));
            }
        }
        LocalDate today = LocalDate.now(clock.withZone(StatPeriods.VIETNAM));
        boolean summary = key == null && dimension != StatDimension.PROVINCE;
        String monthText = blankToNull(query.month());
        YearMonth month = YearMonth.from(today);
        if (monthText != null) {
            if (!summary) {
                errors.add(new FieldError("month", "NOT_ALLOWED", "month chỉ dùng khi không có key (bảng tổng hợp).",
                        "month is only used without key (the summary)."));
            } else {
                try {
                    if (!MONTH.matcher(monthText).matches()) {
                        throw new DateTimeParseException("month", monthText, 0);
                    }
                    month = YearMonth.parse(monthText);
                    if (month.isAfter(YearMonth.from(today)) || month.isBefore(YearMonth.from(today).minusMonths(MONTHS - 1))) {
                        errors.add(new FieldError("month", "OUT_OF_RANGE", "month nằm trong 12 tháng gần nhất.",
                                "month must be one of the last 12 months."));
                    }
                } catch (DateTimeParseException e) {
                    errors.add(new FieldError("month", "INVALID_FORMAT", "month có dạng YYYY-MM.", "month must be YYYY-MM."));
                }
            }
        }
        if (summary && periodText != null && errors.isEmpty()) {
            errors.add(new FieldError("period", "NOT_ALLOWED", "Bảng tổng hợp theo tháng: dùng month, không dùng period.",
                    "The summary is per month: use month, not period."));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        if (summary) {
            return summary(province, dimension, month);
        }
        if (dimension == StatDimension.PROVINCE) {
            key = "ALL";
            name = province.province().name();
        }
        return series(dimension, key, name, period, today);
    }

    enum Period {
        WEEK, MONTH
    }

    private Series series(StatDimension dimension, String key, String name, Period period, LocalDate today) {
        List<String> labels = period == Period.WEEK ? StatPeriods.lastWeeks(today, WEEKS) : StatPeriods.lastMonths(today, MONTHS);
        String prefix = period == Period.WEEK ? StatPeriods.WEEK_PREFIX : StatPeriods.MONTH_PREFIX;
        List<String> sortKeys = new ArrayList<>();
        labels.forEach(label -> sortKeys.add(prefix + label));
        sortKeys.add(StatPeriods.TOTAL);
        Map<StatKey, Map<String, Long>> read = counters.read(StatFigures.keys(dimension, List.of(key), sortKeys));
        List<StatFigures.Point> points = new ArrayList<>();
        for (String label : labels) {
            points.add(StatFigures.point(dimension, key, prefix + label, label, read));
        }
        return new Series(dimension.name(), dimension == StatDimension.PROVINCE ? null : key, name, period.name(),
                StatPeriods.VIETNAM.getId(), points,
                StatFigures.point(dimension, key, StatPeriods.TOTAL, StatPeriods.TOTAL, read));
    }

    private Summary summary(ProvinceConfig province, StatDimension dimension, YearMonth month) {
        Map<String, String> names = StatNames.all(province, dimension);
        String sortKey = StatPeriods.month(month);
        Map<StatKey, Map<String, Long>> read = counters.read(StatFigures.keys(dimension, names.keySet(), List.of(sortKey)));
        List<SummaryItem> items = new ArrayList<>();
        names.forEach((key, name) -> {
            StatFigures.Point point = StatFigures.point(dimension, key, sortKey, month.toString(), read);
            items.add(new SummaryItem(key, name, point.reports(), point.dossiers()));
        });
        return new Summary(dimension.name(), month.toString(), StatPeriods.VIETNAM.getId(), items);
    }

    static String etag(String body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
