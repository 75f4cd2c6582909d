package vn.smartprovince.shared.province;

import java.util.List;
import java.util.Optional;

/**
 * Everything that makes the backend one province's: its units, agencies, report categories,
 * routing, holiday calendar, notification templates, Zalo ids, public-service procedures, the
 * one-stop system's settings, the service centres where citizens book a time, and the directory
 * (danh bạ) of places and numbers. Read and validated by
 * {@link ProvinceConfigLoader}; an instance that exists is valid (every reference resolves).
 *
 * <p>Look-ups scan the lists: a province has at most a few hundred units and rules, and the
 * config is loaded once per function instance.
 *
 * @param schemaVersion the file format's version ({@value ProvinceConfigLoader#SCHEMA_VERSION})
 * @param demo          true for illustrative data (codes, boundaries) that no province should run on
 */
public record ProvinceConfig(int schemaVersion, boolean demo, Province province, ZaloIds zalo, List<Area> areas,
                             List<Agency> agencies, List<Category> categories, Routing routing,
                             List<HolidayYear> holidayCalendar, List<NotificationTemplate> notificationTemplates,
                             List<Procedure> procedures, OneStopSettings oneStop, AppointmentRules appointments,
                             List<ServiceCentre> serviceCentres, Directory directory) {
    public ProvinceConfig {
        directory = directory == null ? Directory.EMPTY : directory;
        procedures = procedures == null ? List.of() : List.copyOf(procedures);
        oneStop = oneStop == null ? OneStopSettings.DISABLED : oneStop;
        appointments = appointments == null ? AppointmentRules.DEFAULT : appointments;
        serviceCentres = serviceCentres == null ? List.of() : List.copyOf(serviceCentres);
        areas = List.copyOf(areas);
        agencies = List.copyOf(agencies);
        categories = List.copyOf(categories);
        holidayCalendar = List.copyOf(holidayCalendar);
        notificationTemplates = List.copyOf(notificationTemplates);
    }

    /** A configuration without public-service procedures (reports only). */
    public ProvinceConfig(int schemaVersion, boolean demo, Province province, ZaloIds zalo, List<Area> areas,
                          List<Agency> agencies, List<Category> categories, Routing routing,
                          List<HolidayYear> holidayCalendar, List<NotificationTemplate> notificationTemplates) {
        this(schemaVersion, demo, province, zalo, areas, agencies, categories, routing, holidayCalendar,
                notificationTemplates, List.of(), null, null, null, null);
    }

    /** A configuration without one-stop settings, appointments or service centres. */
    public ProvinceConfig(int schemaVersion, boolean demo, Province province, ZaloIds zalo, List<Area> areas,
                          List<Agency> agencies, List<Category> categories, Routing routing,
                          List<HolidayYear> holidayCalendar, List<NotificationTemplate> notificationTemplates,
                          List<Procedure> procedures) {
        this(schemaVersion, demo, province, zalo, areas, agencies, categories, routing, holidayCalendar,
                notificationTemplates, procedures, null, null, null, null);
    }

    /** A configuration without a directory (danh bạ). */
    public ProvinceConfig(int schemaVersion, boolean demo, Province province, ZaloIds zalo, List<Area> areas,
                          List<Agency> agencies, List<Category> categories, Routing routing,
                          List<HolidayYear> holidayCalendar, List<NotificationTemplate> notificationTemplates,
                          List<Procedure> procedures, OneStopSettings oneStop, AppointmentRules appointments,
                          List<ServiceCentre> serviceCentres) {
        this(schemaVersion, demo, province, zalo, areas, agencies, categories, routing, holidayCalendar,
                notificationTemplates, procedures, oneStop, appointments, serviceCentres, null);
    }

    public Optional<ServiceCentre> serviceCentre(String id) {
        return serviceCentres.stream().filter(centre -> centre.id().equals(id)).findFirst();
    }

    /** The procedure with this national code. */
    public Optional<Procedure> procedure(String code) {
        return procedures.stream().filter(procedure -> procedure.code().equals(code)).findFirst();
    }

    /** The unit with this current code. */
    public Optional<Area> area(String code) {
        return areas.stream().filter(area -> area.code().equals(code)).findFirst();
    }

    /**
     * The current unit for a code that may be a former one (merged or renamed since 2025-07-01).
     * Empty when unknown, or when the former unit was split between several current ones (see
     * {@link #areasFormerlyCoded}).
     */
    public Optional<Area> resolveArea(String code) {
        Optional<Area> current = area(code);
        if (current.isPresent()) {
            return current;
        }
        List<Area> successors = areasFormerlyCoded(code);
        return successors.size() == 1 ? Optional.of(successors.get(0)) : Optional.empty();
    }

    /** The current units that took over (part of) the former unit with this code. */
    public List<Area> areasFormerlyCoded(String formerCode) {
        return areas.stream().filter(area -> area.formerCodes().contains(formerCode)).toList();
    }

    public Optional<Agency> agency(String id) {
        return agencies.stream().filter(agency -> agency.id().equals(id)).findFirst();
    }

    public Optional<Category> category(String code) {
        return categories.stream().filter(category -> category.code().equals(code)).findFirst();
    }

    public Optional<NotificationTemplate> notificationTemplate(String key) {
        return notificationTemplates.stream().filter(template -> template.key().equals(key)).findFirst();
    }

    public Agency triageAgency() {
        return agency(routing.triageAgencyId()).orElseThrow();
    }

    /**
     * The agency a report of {@code categoryCode} in {@code areaCode} goes to: the rule for that
     * category in that area, else the category's province-wide rule, else the triage agency.
     * A former area code counts as its successor. An unknown category goes to triage; an unknown
     * (or null) area gets the category's province-wide rule if there is one, else triage.
     */
    public Route route(String categoryCode, String areaCode) {
        String area = areaCode == null ? null : resolveArea(areaCode).map(Area::code).orElse(null);
        RoutingRule provinceWide = null;
        for (RoutingRule rule : routing.rules()) {
            if (!rule.categoryCode().equals(categoryCode)) {
                continue;
            }
            if (rule.areaCode() == null) {
                provinceWide = rule;
            } else if (rule.areaCode().equals(area)) {
                return new Route(agency(rule.agencyId()).orElseThrow(), Route.Basis.AREA_RULE);
            }
        }
        if (provinceWide != null) {
            return new Route(agency(provinceWide.agencyId()).orElseThrow(), Route.Basis.CATEGORY_RULE);
        }
        return new Route(triageAgency(), Route.Basis.TRIAGE_FALLBACK);
    }
}
