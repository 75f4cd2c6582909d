package vn.smartprovince.province.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.smartprovince.province.core.StatDimension;

/**
 * The statistics as CSV for Excel: UTF-8 with a byte order mark (without it Excel reads the
 * Vietnamese names as Windows-1252), comma separated, CRLF line ends, RFC 4180 quoting, one header
 * row then one row per (section, dimension, key, period); a figure that does not apply to a row is
 * empty. A text cell that starts with {@code = + - @} gets a leading apostrophe, so a name is never
 * run as a formula.
 */
final class StatsCsv {
    static final String BOM = "\uFEFF";
    static final List<String> FIXED = List.of("section", "dimension", "key", "name", "period");
    static final List<String> METRICS = List.of("received", "answered", "answered_on_time", "answered_on_time_rate",
            "ratings", "satisfaction", "dossiers_submitted", "dossiers_received", "dossiers_finished_on_time",
            "dossiers_finished_late", "dossiers_on_time_rate", "users", "known_birth_year", "unknown_birth_year",
            "over_45", "over_45_share", "active_users", "sent", "delivered", "failed", "undeliverable");

    private StatsCsv() {
    }

    record Row(String section, String dimension, String key, String name, String period, Map<String, Object> values) {
    }

    static List<Row> adminRows(AdminStats.Figures figures, String provinceName) {
        List<Row> rows = new ArrayList<>();
        AgeShares.Ages ages = figures.users();
        Map<String, Object> users = new LinkedHashMap<>();
        users.put("users", ages.users());
        users.put("known_birth_year", ages.knownBirthYear());
        users.put("unknown_birth_year", ages.unknownBirthYear());
        users.put("over_45", ages.over45());
        users.put("over_45_share", ages.over45Share());
        rows.add(new Row("users", "PROVINCE", "ALL", provinceName, Integer.toString(ages.year()), users));
        for (AdminStats.ActiveMonth month : figures.activeUsers()) {
            rows.add(new Row("active_users", "PROVINCE", "ALL", provinceName, month.month(),
                    Map.of("active_users", month.active())));
        }
        for (AdminStats.NotificationMonth month : figures.notifications()) {
            month.channels().forEach(c -> rows.add(notificationRow(c, month.month())));
        }
        figures.notificationsTotal().forEach(c -> rows.add(notificationRow(c, "TOTAL")));
        return rows;
    }

    private static Row notificationRow(AdminStats.ChannelFigures c, String period) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("sent", c.sent());
        values.put("delivered", c.delivered());
        values.put("failed", c.failed());
        values.put("undeliverable", c.undeliverable());
        return new Row("notifications", "CHANNEL", c.channel(), c.channel(), period, values);
    }

    static Row publicRow(StatDimension dimension, String key, String name, StatFigures.Point point) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (point.reports() != null) {
            values.put("received", point.reports().received());
            values.put("answered", point.reports().answered());
            values.put("answered_on_time", point.reports().answeredOnTime());
            values.put("answered_on_time_rate", point.reports().onTimeRate());
            values.put("ratings", point.reports().ratings());
            values.put("satisfaction", point.reports().satisfaction());
        }
        if (point.dossiers() != null) {
            values.put("dossiers_submitted", point.dossiers().submitted());
            values.put("dossiers_received", point.dossiers().received());
            values.put("dossiers_finished_on_time", point.dossiers().finishedOnTime());
            values.put("dossiers_finished_late", point.dossiers().finishedLate());
            values.put("dossiers_on_time_rate", point.dossiers().onTimeRate());
        }
        return new Row("public", dimension.name(), key, name, point.period(), values);
    }

    static String write(List<Row> rows) {
        StringBuilder out = new StringBuilder(BOM);
        List<String> header = new ArrayList<>(FIXED);
        header.addAll(METRICS);
        line(out, header);
        for (Row row : rows) {
            List<String> cells = new ArrayList<>(List.of(row.section(), row.dimension(), row.key(),
                    row.name() == null ? "" : row.name(), row.period()));
            for (String metric : METRICS) {
                Object value = row.values().get(metric);
                cells.add(value == null ? "" : value.toString());
            }
            line(out, cells);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    static String cell(String text) {
        String value = !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !text.matches("-?\\d+(\\.\\d+)?")
                ? "'" + text : text;
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
