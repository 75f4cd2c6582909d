package vn.smartprovince.shared.province;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What changes between two versions of a province configuration, in words a province officer
 * understands: agencies, categories and units added, removed, renamed or merged; where reports
 * of a category in a unit now go; holidays; notification templates; Zalo ids; public-service
 * procedures. Plain English, names as the file writes them (Vietnamese). Order: province and
 * Zalo, units, agencies, categories, routing, calendar, templates, procedures, directory.
 */
public final class ConfigDiff {
    /** What a change is about (for grouping and tests); {@code text} is what the officer reads. */
    public enum Topic { PROVINCE, ZALO, AREA, AGENCY, CATEGORY, ROUTING, HOLIDAY, TEMPLATE, PROCEDURE, DIRECTORY }

    public record Change(Topic topic, String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    private final List<Change> changes = new ArrayList<>();

    private ConfigDiff() {
    }

    /** The changes from {@code before} (null: nothing in force yet) to {@code after}; empty when they are the same. */
    public static List<Change> between(ProvinceConfig before, ProvinceConfig after) {
        ConfigDiff diff = new ConfigDiff();
        if (before == null) {
            diff.add(Topic.PROVINCE, "First version for province " + after.province().code() + " \""
                    + after.province().name() + "\": " + summary(after));
            return diff.changes;
        }
        diff.province(before, after);
        diff.areas(before, after);
        diff.agencies(before, after);
        diff.categories(before, after);
        diff.routing(before, after);
        diff.calendar(before, after);
        diff.templates(before, after);
        diff.procedures(before, after);
        diff.directory(before, after);
        return diff.changes;
    }

    /** {@code 23 units, 7 agencies, 8 report categories, 11 routing rules, holidays for 2026, 2027, 5 notification templates}. */
    public static String summary(ProvinceConfig config) {
        return config.areas().size() + " units, " + config.agencies().size() + " agencies, "
                + config.categories().size() + " report categories, " + config.routing().rules().size()
                + " routing rules, holidays for " + config.holidayCalendar().stream()
                .map(year -> String.valueOf(year.year())).collect(Collectors.joining(", "))
                + ", " + config.notificationTemplates().size() + " notification templates"
                + (config.procedures().isEmpty() ? "" : ", " + config.procedures().size() + " procedures")
                + (config.directory().entries().isEmpty() ? "" : ", " + config.directory().entries().size() + " directory entries");
    }

    private void add(Topic topic, String text) {
        changes.add(new Change(topic, text));
    }

    // ------------------------------------------------------------------ province, Zalo

    private void province(ProvinceConfig before, ProvinceConfig after) {
        Province b = before.province();
        Province a = after.province();
        if (!b.code().equals(a.code())) {
            add(Topic.PROVINCE, "Province code changes from " + b.code() + " to " + a.code());
        }
        if (!b.name().equals(a.name())) {
            add(Topic.PROVINCE, "Province renamed: " + q(b.name()) + " -> " + q(a.name()));
        }
        if (!b.boundingBox().equals(a.boundingBox())) {
            add(Topic.PROVINCE, "Province bounding box changed: " + box(b.boundingBox()) + " -> " + box(a.boundingBox()));
        }
        if (!b.boundary().equals(a.boundary())) {
            add(Topic.PROVINCE, "Province boundary changed: " + b.boundary().size() + " points -> "
                    + a.boundary().size() + " points" + (a.boundary().isEmpty() ? " (none: the bounding box alone decides)" : ""));
        }
        if (before.demo() != after.demo()) {
            add(Topic.PROVINCE, after.demo() ? "Marked as demo data" : "No longer marked as demo data");
        }
        if (!before.zalo().miniAppId().equals(after.zalo().miniAppId())) {
            add(Topic.ZALO, "Zalo Mini App id changed: " + before.zalo().miniAppId() + " -> " + after.zalo().miniAppId());
        }
        if (!before.zalo().oaId().equals(after.zalo().oaId())) {
            add(Topic.ZALO, "Zalo Official Account id changed: " + before.zalo().oaId() + " -> " + after.zalo().oaId());
        }
    }

    private static String box(BoundingBox box) {
        return "lat " + box.minLat() + "-" + box.maxLat() + ", lng " + box.minLng() + "-" + box.maxLng();
    }

    // ------------------------------------------------------------------ areas

    private void areas(ProvinceConfig before, ProvinceConfig after) {
        Map<String, Area> old = index(before.areas(), Area::code);
        Map<String, Area> now = index(after.areas(), Area::code);
        for (Area area : after.areas()) {
            Area was = old.get(area.code());
            if (was == null) {
                List<String> absorbed = area.formerCodes().stream().filter(old::containsKey).toList();
                add(Topic.AREA, "Unit added: " + name(area) + (absorbed.isEmpty() ? ""
                        : ", taking over " + absorbed.stream().map(code -> name(old.get(code))).collect(Collectors.joining(", "))));
                continue;
            }
            if (!was.name().equals(area.name())) {
                add(Topic.AREA, "Unit renamed (" + area.code() + "): " + q(was.name()) + " -> " + q(area.name()));
            }
            if (was.type() != area.type()) {
                add(Topic.AREA, "Unit " + name(area) + ": type " + was.type() + " -> " + area.type());
            }
            if (!Objects.equals(was.centroid(), area.centroid())) {
                add(Topic.AREA, "Unit " + name(area) + ": centroid moved");
            }
            listChange(Topic.AREA, "Unit " + name(area) + " former codes", was.formerCodes(), area.formerCodes());
            listChange(Topic.AREA, "Unit " + name(area) + " former names", was.formerNames(), area.formerNames());
        }
        for (Area area : before.areas()) {
            if (now.containsKey(area.code())) {
                continue;
            }
            List<Area> successors = after.areasFormerlyCoded(area.code());
            if (successors.isEmpty()) {
                add(Topic.AREA, "Unit removed: " + name(area));
            } else {
                add(Topic.AREA, "Unit " + name(area) + " merged into "
                        + successors.stream().map(ConfigDiff::name).collect(Collectors.joining(" and ")));
            }
        }
    }

    // ------------------------------------------------------------------ agencies

    private void agencies(ProvinceConfig before, ProvinceConfig after) {
        Map<String, Agency> old = index(before.agencies(), Agency::id);
        Map<String, Agency> now = index(after.agencies(), Agency::id);
        for (Agency agency : after.agencies()) {
            Agency was = old.get(agency.id());
            if (was == null) {
                add(Topic.AGENCY, "Agency added: " + name(agency) + ", covering " + coverage(agency));
                continue;
            }
            if (!was.name().equals(agency.name())) {
                add(Topic.AGENCY, "Agency renamed (" + agency.id() + "): " + q(was.name()) + " -> " + q(agency.name()));
            }
            if (was.kind() != agency.kind()) {
                add(Topic.AGENCY, "Agency " + name(agency) + ": kind " + was.kind() + " -> " + agency.kind());
            }
            if (!Objects.equals(was.contactPhone(), agency.contactPhone())) {
                add(Topic.AGENCY, "Agency " + name(agency) + ": contact phone " + orNone(was.contactPhone())
                        + " -> " + orNone(agency.contactPhone()));
            }
            if (!Objects.equals(was.unitCode(), agency.unitCode())) {
                add(Topic.AGENCY, "Agency " + name(agency) + ": national unit code " + orNone(was.unitCode())
                        + " -> " + orNone(agency.unitCode()) + " (new dossier codes start with it)");
            }
            if (was.allAreas() != agency.allAreas()) {
                add(Topic.AGENCY, "Agency " + name(agency) + " now covers " + coverage(agency)
                        + " (was " + coverage(was) + ")");
            } else if (!agency.allAreas()) {
                listChange(Topic.AGENCY, "Agency " + name(agency) + " units covered", was.areaCodes(), agency.areaCodes());
            }
        }
        for (Agency agency : before.agencies()) {
            if (!now.containsKey(agency.id())) {
                add(Topic.AGENCY, "Agency removed: " + name(agency));
            }
        }
    }

    private static String coverage(Agency agency) {
        return agency.allAreas() ? "the whole province" : agency.areaCodes().size() + " unit(s): "
                + String.join(", ", agency.areaCodes());
    }

    // ------------------------------------------------------------------ categories

    private void categories(ProvinceConfig before, ProvinceConfig after) {
        Map<String, Category> old = index(before.categories(), Category::code);
        Map<String, Category> now = index(after.categories(), Category::code);
        for (Category category : after.categories()) {
            Category was = old.get(category.code());
            if (was == null) {
                add(Topic.CATEGORY, "Report category added: " + name(category) + ", answer within "
                        + category.answerDeadlineWorkingDays() + " working days");
                continue;
            }
            String it = "Report category " + name(category);
            if (!was.name().equals(category.name())) {
                add(Topic.CATEGORY, "Report category renamed (" + category.code() + "): " + q(was.name()) + " -> "
                        + q(category.name()));
            }
            if (was.answerDeadlineWorkingDays() != category.answerDeadlineWorkingDays()) {
                add(Topic.CATEGORY, it + ": answer deadline " + was.answerDeadlineWorkingDays() + " -> "
                        + category.answerDeadlineWorkingDays() + " working days (for new reports)");
            }
            if (was.urgent() != category.urgent()) {
                add(Topic.CATEGORY, it + (category.urgent() ? ": now urgent" : ": no longer urgent"));
            }
            if (was.anonymousAllowed() != category.anonymousAllowed()) {
                add(Topic.CATEGORY, it + (category.anonymousAllowed() ? ": anonymous reports now allowed"
                        : ": anonymous reports no longer allowed"));
            }
            if (was.duplicateRadiusMeters() != category.duplicateRadiusMeters()) {
                add(Topic.CATEGORY, it + ": possible duplicates searched within " + was.duplicateRadiusMeters()
                        + " m -> " + category.duplicateRadiusMeters() + " m");
            }
            if (!Objects.equals(was.description(), category.description())) {
                add(Topic.CATEGORY, it + ": description changed");
            }
            if (!was.iconKey().equals(category.iconKey())) {
                add(Topic.CATEGORY, it + ": icon " + was.iconKey() + " -> " + category.iconKey());
            }
        }
        for (Category category : before.categories()) {
            if (!now.containsKey(category.code())) {
                add(Topic.CATEGORY, "Report category removed: " + name(category));
            }
        }
    }

    // ------------------------------------------------------------------ routing

    /**
     * Routing as its effect: for every category and unit present in both versions, the agency a
     * new report goes to; moves are grouped by (category, from, to) so that a province-wide rule
     * that changes reads as one line.
     */
    private void routing(ProvinceConfig before, ProvinceConfig after) {
        if (!before.routing().triageAgencyId().equals(after.routing().triageAgencyId())) {
            add(Topic.ROUTING, "Reports no rule routes (triage) now go to " + agencyName(after, after.routing().triageAgencyId())
                    + " instead of " + agencyName(before, before.routing().triageAgencyId()));
        }
        List<String> sharedAreas = after.areas().stream().map(Area::code)
                .filter(code -> before.area(code).isPresent()).toList();
        for (Category category : after.categories()) {
            if (before.category(category.code()).isEmpty()) {
                continue;
            }
            Map<List<String>, List<String>> moves = new LinkedHashMap<>();
            for (String area : sharedAreas) {
                String from = before.route(category.code(), area).agency().id();
                String to = after.route(category.code(), area).agency().id();
                if (!from.equals(to)) {
                    moves.computeIfAbsent(List.of(from, to), k -> new ArrayList<>()).add(area);
                }
            }
            moves.forEach((fromTo, areas) -> {
                String where = areas.size() == sharedAreas.size() ? "in every unit"
                        : "in " + areas.stream().map(code -> name(after.area(code).orElseThrow()))
                        .collect(Collectors.joining(", "));
                add(Topic.ROUTING, "Routing moved: " + name(category) + " " + where + ": from "
                        + agencyName(before, fromTo.get(0)) + " to " + agencyName(after, fromTo.get(1)));
            });
        }
    }

    private static String agencyName(ProvinceConfig config, String id) {
        return config.agency(id).map(ConfigDiff::name).orElse(id);
    }

    // ------------------------------------------------------------------ calendar

    private void calendar(ProvinceConfig before, ProvinceConfig after) {
        Map<java.time.LocalDate, String> oldHolidays = days(before, true);
        Map<java.time.LocalDate, String> newHolidays = days(after, true);
        dayChanges("Holiday", oldHolidays, newHolidays);
        dayChanges("Compensatory working day", days(before, false), days(after, false));
    }

    private void dayChanges(String what, Map<java.time.LocalDate, String> old, Map<java.time.LocalDate, String> now) {
        now.forEach((date, name) -> {
            String was = old.get(date);
            if (was == null) {
                add(Topic.HOLIDAY, what + " added: " + date + " " + q(name));
            } else if (!was.equals(name)) {
                add(Topic.HOLIDAY, what + " " + date + " renamed: " + q(was) + " -> " + q(name));
            }
        });
        old.forEach((date, name) -> {
            if (!now.containsKey(date)) {
                add(Topic.HOLIDAY, what + " removed: " + date + " " + q(name));
            }
        });
    }

    private static Map<java.time.LocalDate, String> days(ProvinceConfig config, boolean holidays) {
        Map<java.time.LocalDate, String> days = new java.util.TreeMap<>();
        for (HolidayYear year : config.holidayCalendar()) {
            (holidays ? year.holidays() : year.compensatoryWorkingDays()).forEach(day -> days.put(day.date(), day.name()));
        }
        return days;
    }

    // ------------------------------------------------------------------ notification templates

    private void templates(ProvinceConfig before, ProvinceConfig after) {
        Map<String, NotificationTemplate> old = index(before.notificationTemplates(), NotificationTemplate::key);
        Map<String, NotificationTemplate> now = index(after.notificationTemplates(), NotificationTemplate::key);
        for (NotificationTemplate template : after.notificationTemplates()) {
            NotificationTemplate was = old.get(template.key());
            String it = "Notification template " + template.key();
            if (was == null) {
                add(Topic.TEMPLATE, it + " added");
                continue;
            }
            if (!was.params().equals(template.params())) {
                add(Topic.TEMPLATE, it + ": parameters " + was.params() + " -> " + template.params());
            }
            if (!Objects.equals(was.znsTemplateId(), template.znsTemplateId())) {
                add(Topic.TEMPLATE, it + ": ZNS template id " + orNone(was.znsTemplateId()) + " -> "
                        + orNone(template.znsTemplateId()));
            }
            if (was.sendByUserId() != template.sendByUserId()) {
                add(Topic.TEMPLATE, it + ": sent by user id " + was.sendByUserId() + " -> " + template.sendByUserId());
            }
            if (!Objects.equals(was.oaText(), template.oaText())) {
                add(Topic.TEMPLATE, it + ": OA message text " + (was.oaText() == null ? "added"
                        : template.oaText() == null ? "removed" : "changed"));
            }
        }
        for (NotificationTemplate template : before.notificationTemplates()) {
            if (!now.containsKey(template.key())) {
                add(Topic.TEMPLATE, "Notification template " + template.key() + " removed");
            }
        }
    }

    // ------------------------------------------------------------------ procedures

    private void procedures(ProvinceConfig before, ProvinceConfig after) {
        Map<String, Procedure> old = index(before.procedures(), Procedure::code);
        Map<String, Procedure> now = index(after.procedures(), Procedure::code);
        for (Procedure procedure : after.procedures()) {
            Procedure was = old.get(procedure.code());
            if (was == null) {
                add(Topic.PROCEDURE, "Procedure added: " + name(procedure) + ", " + procedure.field() + ", "
                        + procedure.processingWorkingDays() + " working days");
                continue;
            }
            List<String> what = new ArrayList<>();
            if (!was.name().equals(procedure.name())) {
                what.add("renamed from " + q(was.name()));
            }
            if (!was.field().equals(procedure.field())) {
                what.add("field " + q(was.field()) + " -> " + q(procedure.field()));
            }
            if (!was.competence().equals(procedure.competence())) {
                what.add("competent agency " + competence(was.competence()) + " -> " + competence(procedure.competence()));
            }
            if (was.onlineLevel() != procedure.onlineLevel()) {
                what.add("online level " + was.onlineLevel() + " -> " + procedure.onlineLevel());
            }
            if (was.processingWorkingDays() != procedure.processingWorkingDays()) {
                what.add("processing time " + was.processingWorkingDays() + " -> " + procedure.processingWorkingDays()
                        + " working days (for dossiers received from now on)");
            }
            if (!was.fee().equals(procedure.fee())) {
                what.add("fee changed");
            }
            if (!was.documents().equals(procedure.documents())) {
                what.add("documents changed");
            }
            if (!was.form().equals(procedure.form())) {
                what.add("form changed");
            }
            if (!was.resultDeliveries().equals(procedure.resultDeliveries())) {
                what.add("result deliveries " + was.resultDeliveries() + " -> " + procedure.resultDeliveries());
            }
            if (!Objects.equals(was.description(), procedure.description())) {
                what.add("description changed");
            }
            if (!what.isEmpty()) {
                add(Topic.PROCEDURE, "Procedure " + name(procedure) + ": " + String.join("; ", what));
            }
        }
        for (Procedure procedure : before.procedures()) {
            if (!now.containsKey(procedure.code())) {
                add(Topic.PROCEDURE, "Procedure removed: " + name(procedure));
            }
        }
    }

    // ------------------------------------------------------------------ directory

    private void directory(ProvinceConfig before, ProvinceConfig after) {
        Map<String, String> oldNumbers = new LinkedHashMap<>();
        before.directory().hotlines().forEach(h -> oldNumbers.put(h.number(), h.name()));
        Map<String, String> newNumbers = new LinkedHashMap<>();
        after.directory().hotlines().forEach(h -> newNumbers.put(h.number(), h.name()));
        listChange(Topic.DIRECTORY, "Hotlines", List.copyOf(oldNumbers.keySet()), List.copyOf(newNumbers.keySet()));
        newNumbers.forEach((number, name) -> {
            String was = oldNumbers.get(number);
            if (was != null && !was.equals(name)) {
                add(Topic.DIRECTORY, "Hotline " + number + " renamed from " + q(was) + " to " + q(name));
            }
        });
        Map<String, DirectoryEntry> old = index(before.directory().entries(), DirectoryEntry::id);
        Map<String, DirectoryEntry> now = index(after.directory().entries(), DirectoryEntry::id);
        for (DirectoryEntry entry : after.directory().entries()) {
            DirectoryEntry was = old.get(entry.id());
            if (was == null) {
                add(Topic.DIRECTORY, "Directory entry added: " + entry.id() + " " + q(entry.name()) + " (" + entry.kind() + ")");
                continue;
            }
            List<String> what = new ArrayList<>();
            if (!was.name().equals(entry.name())) {
                what.add("renamed from " + q(was.name()));
            }
            if (was.kind() != entry.kind()) {
                what.add("kind " + was.kind() + " -> " + entry.kind());
            }
            if (!was.address().equals(entry.address()) || !Objects.equals(was.position(), entry.position())) {
                what.add("moved");
            }
            if (!was.openingHours().equals(entry.openingHours())) {
                what.add("opening hours changed");
            }
            if (!was.phones().equals(entry.phones()) || !was.hotlines().equals(entry.hotlines())) {
                what.add("numbers changed");
            }
            if (!was.categories().equals(entry.categories()) || !was.procedures().equals(entry.procedures())) {
                what.add("what it handles changed");
            }
            if (!Objects.equals(was.agencyId(), entry.agencyId()) || !Objects.equals(was.areaCode(), entry.areaCode())) {
                what.add("agency or area changed");
            }
            if (!what.isEmpty()) {
                add(Topic.DIRECTORY, "Directory entry " + entry.id() + " " + q(entry.name()) + ": " + String.join("; ", what));
            }
        }
        for (DirectoryEntry entry : before.directory().entries()) {
            if (!now.containsKey(entry.id())) {
                add(Topic.DIRECTORY, "Directory entry removed: " + entry.id() + " " + q(entry.name()));
            }
        }
    }

    private static String competence(Competence competence) {
        return switch (competence.basis()) {
            case FIXED -> competence.agencyIds().get(0);
            case APPLICANT_AREA -> "by the applicant's commune among " + competence.agencyIds().size() + " agencies";
            case SUBJECT_AREA -> "by the commune of " + competence.subjectAreaField() + " among "
                    + competence.agencyIds().size() + " agencies";
        };
    }

    // ------------------------------------------------------------------ helpers

    private void listChange(Topic topic, String what, List<String> was, List<String> now) {
        Set<String> added = new LinkedHashSet<>(now);
        was.forEach(added::remove);
        Set<String> removed = new LinkedHashSet<>(was);
        now.forEach(removed::remove);
        if (added.isEmpty() && removed.isEmpty()) {
            return;
        }
        add(topic, what + ":" + (added.isEmpty() ? "" : " added " + String.join(", ", added))
                + (added.isEmpty() || removed.isEmpty() ? "" : ";")
                + (removed.isEmpty() ? "" : " removed " + String.join(", ", removed)));
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(item -> map.put(key.apply(item), item));
        return map;
    }

    static String name(Area area) {
        return q(area.name()) + " (" + area.code() + ")";
    }

    static String name(Agency agency) {
        return q(agency.name()) + " (" + agency.id() + ")";
    }

    static String name(Procedure procedure) {
        return q(procedure.name()) + " (" + procedure.code() + ")";
    }

    static String name(Category category) {
        return q(category.name()) + " (" + category.code() + ")";
    }

    private static String q(String text) {
        return "\"" + text + "\"";
    }

    private static String orNone(String value) {
        return value == null ? "(none)" : value;
    }
}
