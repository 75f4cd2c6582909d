package vn.smartprovince.shared.province;

import static vn.smartprovince.shared.province.ConfigProblem.Kind.DUPLICATE_ID;
import static vn.smartprovince.shared.province.ConfigProblem.Kind.EMPTY;
import static vn.smartprovince.shared.province.ConfigProblem.Kind.INCONSISTENT;
import static vn.smartprovince.shared.province.ConfigProblem.Kind.INVALID_FORMAT;
import static vn.smartprovince.shared.province.ConfigProblem.Kind.INVALID_VALUE;
import static vn.smartprovince.shared.province.ConfigProblem.Kind.MISSING;
import static vn.smartprovince.shared.province.ConfigProblem.Kind.TOO_LONG;
import static vn.smartprovince.shared.province.ConfigProblem.Kind.UNKNOWN_REFERENCE;
import static vn.smartprovince.shared.province.Fields.Presence.OPTIONAL;
import static vn.smartprovince.shared.province.Fields.Presence.REQUIRED;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.smartprovince.shared.json.Json;

/**
 * Reads and validates the one JSON file that describes a province (format: infra/demo/README.md).
 * Every problem is reported at once, each with its JSON path and line/column: unknown keys,
 * missing or malformed values, duplicate codes, references that do not resolve, a calendar or
 * routing that contradicts itself. Text is trimmed and NFC-normalised; control characters are
 * rejected.
 */
public final class ProvinceConfigLoader {
    public static final int SCHEMA_VERSION = 1;
    /** Vietnam has one time zone; the file states it so that nobody has to guess. */
    public static final String TIME_ZONE = "Asia/Ho_Chi_Minh";
    public static final int MAX_BOUNDARY_POINTS = 5_000;
    static final long MAX_FILE_BYTES = 2L * 1024 * 1024;

    /** Unit codes, agency ids, province code: also used in DynamoDB keys, so no '#'. */
    static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,39}");
    private static final String CODE_EN = "1-40 letters, digits, '.', '_' or '-', starting with a letter or digit";
    private static final String CODE_VI = "1-40 chữ cái không dấu, chữ số, '.', '_' hoặc '-', bắt đầu bằng chữ cái hoặc chữ số";
    /** Category codes and notification keys: UPPER_SNAKE_CASE. */
    static final Pattern KEY = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    private static final String KEY_EN = "UPPER_SNAKE_CASE, at most 40 characters";
    private static final String KEY_VI = "CHỮ_IN_HOA_GẠCH_DƯỚI, tối đa 40 ký tự";
    private static final Pattern ICON = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
    private static final String ICON_EN = "lower-case letters, digits, '_' or '-', at most 40 characters";
    private static final String ICON_VI = "chữ thường không dấu, chữ số, '_' hoặc '-', tối đa 40 ký tự";
    /** Zalo's app, OA and ZNS template ids are numeric (as template.yaml's ZaloAppId). */
    private static final Pattern ZALO_ID = Pattern.compile("[0-9]{1,32}");
    private static final String ZALO_ID_EN = "a numeric Zalo id (1-32 digits)";
    private static final String ZALO_ID_VI = "mã Zalo dạng số (1-32 chữ số)";
    private static final Pattern PARAM = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,49}");
    private static final String PARAM_EN = "a parameter name: letters, digits or '_', starting with a letter";
    private static final String PARAM_VI = "tên tham số: chữ cái, chữ số hoặc '_', bắt đầu bằng chữ cái";
    /** National unit codes (mã đơn vị) such as {@code 000.00.00.H56}: they start every dossier code. */
    static final Pattern UNIT_CODE = Pattern.compile("(?=.{1,30}$)[0-9A-Z]+(?:\\.[0-9A-Z]+)*");
    private static final String UNIT_CODE_EN = "a national unit code: upper-case letters and digits in groups separated by '.', "
            + "e.g. 000.00.00.H56 (at most 30 characters)";
    private static final String UNIT_CODE_VI = "mã đơn vị: chữ in hoa và chữ số theo nhóm, cách nhau bởi '.', "
            + "ví dụ 000.00.00.H56 (tối đa 30 ký tự)";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    /** Vietnam, islands included: a coordinate outside is a typo or swapped lat/lng. */
    private static final double MIN_LAT = 8.0;
    private static final double MAX_LAT = 24.0;
    private static final double MIN_LNG = 102.0;
    private static final double MAX_LNG = 118.0;

    private static final int NAME_LENGTH = 150;
    private static final int DESCRIPTION_LENGTH = 1_000;
    /** Zalo's limit for an OA text message. */
    private static final int OA_TEXT_LENGTH = 2_000;

    private ProvinceConfigLoader() {
    }

    public static ProvinceConfig load(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                Problems problems = new Problems();
                problems.add(TOO_LONG, "", null, null,
                        "the file has " + size + " bytes; at most " + MAX_FILE_BYTES + " are read",
                        "tệp có " + size + " byte; chỉ đọc tối đa " + MAX_FILE_BYTES + " byte");
                problems.throwIfAny(file.toString());
            }
            return parse(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the province configuration " + file, e);
        }
    }

    /**
     * Checks files from the command line: prints every problem (or a summary) and exits 1 when a
     * file is not valid. See infra/demo/README.md for the Maven command.
     */
    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: ProvinceConfigLoader <province.json>...");
            System.exit(2);
        }
        boolean valid = true;
        for (String arg : args) {
            try {
                ProvinceConfig config = load(Path.of(arg));
                System.out.println(arg + ": valid" + (config.demo() ? " (demo data)" : "") + ": province "
                        + config.province().code() + ", " + config.areas().size() + " areas, "
                        + config.agencies().size() + " agencies, " + config.categories().size() + " categories, "
                        + config.routing().rules().size() + " routing rules, calendar for "
                        + config.holidayCalendar().stream().map(year -> String.valueOf(year.year())).toList()
                        + (config.procedures().isEmpty() ? "" : ", " + config.procedures().size() + " procedures"));
            } catch (InvalidConfigException | UncheckedIOException e) {
                System.out.println(e.getMessage());
                valid = false;
            }
        }
        System.exit(valid ? 0 : 1);
    }

    public static ProvinceConfig parse(String json, String source) {
        return parse(json.getBytes(StandardCharsets.UTF_8), source);
    }

    /**
     * @param source names the file in messages (a path, or e.g. {@code CONFIG#v3} when read back from the table)
     * @throws InvalidConfigException with every problem found
     */
    public static ProvinceConfig parse(byte[] json, String source) {
        Problems problems = new Problems();
        StrictJson strict = new StrictJson(problems);
        JsonAt root = strict.parse(json);
        ProvinceConfig config = root == null ? null : new Reader(strict).read(root);
        if (root != null) {
            SecretScan.values(root, problems);
        }
        problems.throwIfAny(source);
        return config;
    }

    /** The configuration as JSON in this loader's format: {@link #parse} reads it back to an equal value. */
    public static String toJson(ProvinceConfig config) {
        return Json.write(config);
    }

    /** One pass over one document; remembers definitions so that references can be checked with positions. */
    private static final class Reader {
        private final StrictJson json;
        private final Problems problems;
        private BoundingBox boundingBox;
        private final Map<String, JsonAt> areaCodes = new LinkedHashMap<>();
        private final Map<String, List<String>> formerToCurrent = new HashMap<>();
        private final List<JsonAt> formerCodeNodes = new ArrayList<>();
        private final Map<String, JsonAt> agencyIds = new HashMap<>();
        private final Map<String, Agency> agencies = new HashMap<>();
        private final Map<String, JsonAt> unitCodes = new HashMap<>();
        private final Map<String, JsonAt> categoryCodes = new HashMap<>();
        private final Map<String, JsonAt> years = new HashMap<>();
        private final Map<String, JsonAt> templateKeys = new HashMap<>();

        Reader(StrictJson json) {
            this.json = json;
            this.problems = json.problems();
        }

        ProvinceConfig read(JsonAt root) {
            Fields fields = json.object(root);
            if (fields == null) {
                return null;
            }
            Integer schemaVersion = fields.integer("schemaVersion", SCHEMA_VERSION, SCHEMA_VERSION, REQUIRED);
            Boolean demo = fields.bool("demo", OPTIONAL);
            Province province = province(fields.object("province", REQUIRED));
            ZaloIds zalo = zalo(fields.object("zalo", REQUIRED));
            List<Area> areas = fields.list("areas", REQUIRED, 1, this::area);
            checkFormerCodes();
            List<Agency> agencyList = fields.list("agencies", REQUIRED, 1, this::agency);
            List<Category> categories = fields.list("categories", REQUIRED, 1, this::category);
            Routing routing = routing(fields.object("routing", REQUIRED));
            List<HolidayYear> calendar = fields.list("holidayCalendar", REQUIRED, 1, this::holidayYear);
            List<NotificationTemplate> templates = fields.list("notificationTemplates", OPTIONAL, 0, this::template);
            ProcedureReader procedureReader = new ProcedureReader(json, areaCodes.keySet(), this::agencyReference);
            List<Procedure> procedures = fields.list("procedures", OPTIONAL, 0, procedureReader::procedure);
            OneStopSettings oneStop = new OneStopReader(json).oneStop(fields.value("oneStop", OPTIONAL));
            ServiceCentreReader centreReader = new ServiceCentreReader(json, areaCodes.keySet(), this::agencyReference,
                    procedures);
            AppointmentRules appointments = centreReader.rules(fields.value("appointments", OPTIONAL));
            List<ServiceCentre> centres = fields.list("serviceCentres", OPTIONAL, 0, centreReader::centre);
            Directory directory = new DirectoryReader(json, areaCodes.keySet(), categoryCodes.keySet(), procedures,
                    centres, this::agencyReference, this::pointInProvince, centreReader)
                    .directory(fields.value("directory", OPTIONAL));
            fields.end();
            return new ProvinceConfig(schemaVersion == null ? 0 : schemaVersion, Boolean.TRUE.equals(demo),
                    province, zalo, areas, agencyList, categories, routing, calendar, templates, procedures,
                    oneStop, appointments, centres, directory);
        }

        // -------------------------------------------------------------- province, Zalo

        private Province province(Fields fields) {
            if (fields == null) {
                return null;
            }
            String code = fields.code("code", CODE, CODE_EN, CODE_VI, REQUIRED);
            String name = fields.text("name", NAME_LENGTH, REQUIRED);
            JsonAt zoneAt = fields.value("timeZone", REQUIRED);
            String timeZone = zoneAt == null ? null : json.text(zoneAt, 64);
            if (timeZone != null && !timeZone.equals(TIME_ZONE)) {
                problems.add(INVALID_VALUE, zoneAt, "must be " + TIME_ZONE + " (Vietnam's only time zone)",
                        "phải là " + TIME_ZONE + " (múi giờ duy nhất của Việt Nam)");
                timeZone = null;
            }
            boundingBox = boundingBox(fields.object("boundingBox", REQUIRED));
            JsonAt boundaryAt = fields.value("boundary", OPTIONAL);
            // An empty list means no boundary (as written back by toJson); a polygon needs 3 points.
            List<GeoPoint> boundary = fields.list("boundary", OPTIONAL, 0, this::pointInProvince);
            int points = itemCount(boundaryAt);
            if (points == 1 || points == 2) {
                problems.add(EMPTY, boundaryAt, "a boundary polygon needs at least 3 points (or leave it out)",
                        "đa giác ranh giới cần ít nhất 3 điểm (hoặc bỏ trống)");
            } else if (boundary.size() > MAX_BOUNDARY_POINTS) {
                problems.add(TOO_LONG, boundaryAt,
                        "has " + boundary.size() + " points; at most " + MAX_BOUNDARY_POINTS + " (simplify the polygon)",
                        "có " + boundary.size() + " điểm; tối đa " + MAX_BOUNDARY_POINTS + " (hãy giản lược đa giác)");
            }
            fields.end();
            return new Province(code, name, timeZone, boundingBox, boundary);
        }

        private BoundingBox boundingBox(Fields fields) {
            if (fields == null) {
                return null;
            }
            Double minLat = fields.decimal("minLat", MIN_LAT, MAX_LAT, REQUIRED);
            Double minLng = fields.decimal("minLng", MIN_LNG, MAX_LNG, REQUIRED);
            Double maxLat = fields.decimal("maxLat", MIN_LAT, MAX_LAT, REQUIRED);
            Double maxLng = fields.decimal("maxLng", MIN_LNG, MAX_LNG, REQUIRED);
            fields.end();
            if (minLat == null || minLng == null || maxLat == null || maxLng == null) {
                return null;
            }
            if (minLat >= maxLat || minLng >= maxLng) {
                problems.add(INCONSISTENT, fields.at(), "minLat must be below maxLat and minLng below maxLng",
                        "minLat phải nhỏ hơn maxLat và minLng nhỏ hơn maxLng");
                return null;
            }
            return new BoundingBox(minLat, minLng, maxLat, maxLng);
        }

        /** A point that must lie within the province's bounding box (when that is known). */
        private GeoPoint pointInProvince(JsonAt at) {
            Fields fields = json.object(at);
            if (fields == null) {
                return null;
            }
            Double lat = fields.decimal("lat", MIN_LAT, MAX_LAT, REQUIRED);
            Double lng = fields.decimal("lng", MIN_LNG, MAX_LNG, REQUIRED);
            fields.end();
            if (lat == null || lng == null) {
                return null;
            }
            if (boundingBox != null && !boundingBox.contains(lat, lng)) {
                problems.add(INCONSISTENT, at, "lies outside the province's bounding box",
                        "nằm ngoài khung bao (boundingBox) của tỉnh");
            }
            return new GeoPoint(lat, lng);
        }

        private ZaloIds zalo(Fields fields) {
            if (fields == null) {
                return null;
            }
            String miniAppId = fields.code("miniAppId", ZALO_ID, ZALO_ID_EN, ZALO_ID_VI, REQUIRED);
            String oaId = fields.code("oaId", ZALO_ID, ZALO_ID_EN, ZALO_ID_VI, REQUIRED);
            fields.end();
            return new ZaloIds(miniAppId, oaId);
        }

        // -------------------------------------------------------------- areas

        private Area area(JsonAt at) {
            Fields fields = json.object(at);
            if (fields == null) {
                return null;
            }
            String code = uniqueCode(fields, "code", CODE, CODE_EN, CODE_VI, areaCodes);
            String name = fields.text("name", NAME_LENGTH, REQUIRED);
            AreaType type = fields.enumeration("type", AreaType.class, REQUIRED);
            JsonAt centroidAt = fields.value("centroid", OPTIONAL);
            GeoPoint centroid = centroidAt == null ? null : pointInProvince(centroidAt);
            Map<String, JsonAt> ownFormerCodes = new HashMap<>();
            List<String> formerCodes = fields.list("formerCodes", OPTIONAL, 0, item -> {
                String former = json.code(item, CODE, CODE_EN, CODE_VI);
                if (former == null || !unique(former, item, ownFormerCodes)) {
                    return null;
                }
                formerCodeNodes.add(item);
                if (code != null) {
                    formerToCurrent.computeIfAbsent(former, key -> new ArrayList<>()).add(code);
                }
                return former;
            });
            List<String> formerNames = fields.list("formerNames", OPTIONAL, 0, item -> json.text(item, NAME_LENGTH));
            fields.end();
            return code == null ? null : new Area(code, name, type, centroid, formerCodes, formerNames);
        }

        /** A former code that is also a current code would make every look-up by code ambiguous. */
        private void checkFormerCodes() {
            for (JsonAt at : formerCodeNodes) {
                String former = TextRules.normalise(at.string());
                JsonAt current = areaCodes.get(former);
                if (current != null) {
                    problems.add(INCONSISTENT, at, "'" + former + "' is the current code of " + current.path()
                                    + "; a former code must not be in use",
                            "'" + former + "' đang là mã hiện hành của " + current.path()
                                    + "; mã cũ không được trùng mã đang dùng");
                }
            }
        }

        /** Reads a reference to a current area code; a former code gets a hint with its successor. */
        private String areaReference(JsonAt at) {
            String code = json.code(at, CODE, CODE_EN, CODE_VI);
            if (code == null) {
                return null;
            }
            if (areaCodes.containsKey(code)) {
                return code;
            }
            List<String> successors = formerToCurrent.getOrDefault(code, List.of());
            if (!successors.isEmpty()) {
                problems.add(UNKNOWN_REFERENCE, at,
                        "'" + code + "' is a former code (now " + String.join(", ", successors) + "); use the current code",
                        "'" + code + "' là mã cũ (nay là " + String.join(", ", successors) + "); hãy dùng mã hiện hành");
            } else {
                problems.add(UNKNOWN_REFERENCE, at, "no area with code '" + code + "' in areas",
                        "không có đơn vị hành chính mã '" + code + "' trong areas");
            }
            return null;
        }

        // -------------------------------------------------------------- agencies

        private Agency agency(JsonAt at) {
            Fields fields = json.object(at);
            if (fields == null) {
                return null;
            }
            String id = uniqueCode(fields, "id", CODE, CODE_EN, CODE_VI, agencyIds);
            String name = fields.text("name", NAME_LENGTH, REQUIRED);
            AgencyKind kind = fields.enumeration("kind", AgencyKind.class, REQUIRED);
            JsonAt phoneAt = fields.value("contactPhone", OPTIONAL);
            String phone = phoneAt == null ? null : json.converted(phoneAt, 30, PhoneNumbers::contact,
                    "a Vietnamese phone number (0…, +84…, 84…) or a service number such as 113 or 1900…",
                    "số điện thoại Việt Nam (0…, +84…, 84…) hoặc số dịch vụ như 113, 1900…");
            JsonAt unitCodeAt = fields.value("unitCode", OPTIONAL);
            String unitCode = unitCodeAt == null ? null : json.code(unitCodeAt, UNIT_CODE, UNIT_CODE_EN, UNIT_CODE_VI);
            if (unitCode != null && !unique(unitCode, unitCodeAt, unitCodes)) {
                unitCode = null; // two agencies would share one dossier-code sequence
            }
            boolean allAreas = Boolean.TRUE.equals(fields.bool("allAreas", OPTIONAL));
            JsonAt areaCodesAt = fields.value("areaCodes", OPTIONAL);
            Map<String, JsonAt> seen = new HashMap<>();
            List<String> covered = fields.list("areaCodes", OPTIONAL, 0, item -> {
                String code = areaReference(item);
                return code != null && unique(code, item, seen) ? code : null;
            });
            boolean listsAreas = itemCount(areaCodesAt) > 0;
            if (allAreas && listsAreas) {
                problems.add(INCONSISTENT, at, "set either allAreas: true or areaCodes, not both",
                        "chỉ đặt allAreas: true hoặc areaCodes, không đặt cả hai");
            } else if (!allAreas && !listsAreas) {
                problems.add(INCONSISTENT, at, "covers no area: set allAreas: true or list areaCodes",
                        "chưa phụ trách địa bàn nào: đặt allAreas: true hoặc liệt kê areaCodes");
            }
            fields.end();
            if (id == null) {
                return null;
            }
            Agency agency = new Agency(id, name, kind, phone, allAreas, covered, unitCode);
            agencies.put(id, agency);
            return agency;
        }

        private Agency agencyReference(JsonAt at) {
            String id = json.code(at, CODE, CODE_EN, CODE_VI);
            if (id == null) {
                return null;
            }
            if (!agencyIds.containsKey(id)) {
                problems.add(UNKNOWN_REFERENCE, at, "no agency with id '" + id + "' in agencies",
                        "không có cơ quan mã '" + id + "' trong agencies");
                return null;
            }
            return agencies.get(id);
        }

        // -------------------------------------------------------------- categories

        private Category category(JsonAt at) {
            Fields fields = json.object(at);
            if (fields == null) {
                return null;
            }
            String code = uniqueCode(fields, "code", KEY, KEY_EN, KEY_VI, categoryCodes);
            String name = fields.text("name", NAME_LENGTH, REQUIRED);
            String description = fields.multilineText("description", DESCRIPTION_LENGTH, OPTIONAL);
            String iconKey = fields.code("iconKey", ICON, ICON_EN, ICON_VI, REQUIRED);
            Boolean anonymousAllowed = fields.bool("anonymousAllowed", REQUIRED);
            Integer deadline = fields.integer("answerDeadlineWorkingDays", 1, 90, REQUIRED);
            Boolean urgent = fields.bool("urgent", REQUIRED);
            Integer radius = fields.integer("duplicateRadiusMeters", 0, 5_000, REQUIRED);
            fields.end();
            return code == null ? null : new Category(code, name, description, iconKey,
                    Boolean.TRUE.equals(anonymousAllowed), deadline == null ? 0 : deadline,
                    Boolean.TRUE.equals(urgent), radius == null ? 0 : radius);
        }

        // -------------------------------------------------------------- routing

        private Routing routing(Fields fields) {
            if (fields == null) {
                return null;
            }
            JsonAt triageAt = fields.value("triageAgencyId", REQUIRED);
            Agency triage = triageAt == null ? null : agencyReference(triageAt);
            if (triage != null && !triage.allAreas()) {
                problems.add(INCONSISTENT, triageAt,
                        "the triage agency receives every report no rule routes, so it must cover all areas (allAreas: true)",
                        "cơ quan tiếp nhận chung nhận mọi phản ánh không có quy tắc phân luồng, nên phải phụ trách toàn tỉnh (allAreas: true)");
            }
            Map<String, JsonAt> seen = new HashMap<>();
            List<RoutingRule> rules = fields.list("rules", REQUIRED, 0, at -> rule(at, seen));
            fields.end();
            return new Routing(triage == null ? null : triage.id(), rules);
        }

        private RoutingRule rule(JsonAt at, Map<String, JsonAt> seen) {
            Fields fields = json.object(at);
            if (fields == null) {
                return null;
            }
            JsonAt categoryAt = fields.value("categoryCode", REQUIRED);
            String category = categoryAt == null ? null : json.code(categoryAt, KEY, KEY_EN, KEY_VI);
            if (category != null && !categoryCodes.containsKey(category)) {
                problems.add(UNKNOWN_REFERENCE, categoryAt, "no category with code '" + category + "' in categories",
                        "không có loại phản ánh mã '" + category + "' trong categories");
                category = null;
            }
            JsonAt areaAt = fields.value("areaCode", OPTIONAL);
            String area = areaAt == null ? null : areaReference(areaAt);
            JsonAt agencyAt = fields.value("agencyId", REQUIRED);
            Agency agency = agencyAt == null ? null : agencyReference(agencyAt);
            fields.end();
            if (category == null || agency == null || (areaAt != null && area == null)) {
                return null;
            }
            if (area == null ? !agency.allAreas() : !agency.covers(area)) {
                String where = area == null ? "every area" : "area '" + area + "'";
                String whereVi = area == null ? "toàn tỉnh" : "địa bàn '" + area + "'";
                problems.add(INCONSISTENT, agencyAt,
                        "agency '" + agency.id() + "' does not cover " + where + " (see its allAreas/areaCodes)",
                        "cơ quan '" + agency.id() + "' không phụ trách " + whereVi + " (xem allAreas/areaCodes của cơ quan)");
            }
            String pair = category + " @ " + (area == null ? "*" : area);
            JsonAt earlier = seen.putIfAbsent(pair, at);
            if (earlier != null) {
                problems.add(DUPLICATE_ID, at, "a rule for " + pair + " already stands at " + earlier.path(),
                        "đã có quy tắc cho " + pair + " ở " + earlier.path());
                return null;
            }
            return new RoutingRule(category, area, agency.id());
        }

        // -------------------------------------------------------------- calendar

        private HolidayYear holidayYear(JsonAt at) {
            Fields fields = json.object(at);
            if (fields == null) {
                return null;
            }
            JsonAt yearAt = fields.value("year", REQUIRED);
            Integer year = yearAt == null ? null : json.integer(yearAt, 2000, 2100);
            if (year != null && !unique(String.valueOf(year), yearAt, years)) {
                year = null;
            }
            Integer finalYear = year;
            Map<LocalDate, JsonAt> holidayDates = new HashMap<>();
            List<CalendarDay> holidays = fields.list("holidays", REQUIRED, 1, item -> {
                CalendarDay day = day(item, finalYear);
                return day != null && uniqueDate(day.date(), item, holidayDates) ? day : null;
            });
            Map<LocalDate, JsonAt> workingDates = new HashMap<>();
            List<CalendarDay> working = fields.list("compensatoryWorkingDays", OPTIONAL, 0, item -> {
                CalendarDay day = day(item, finalYear);
                if (day == null || !uniqueDate(day.date(), item, workingDates)) {
                    return null;
                }
                DayOfWeek weekday = day.date().getDayOfWeek();
                if (weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY) {
                    problems.add(INCONSISTENT, item, day.date() + " is a " + weekday
                                    + ": a compensatory working day is a Saturday or Sunday worked instead of a day off",
                            day.date() + " không phải thứ Bảy hay Chủ nhật: ngày làm bù là ngày cuối tuần đi làm thay ngày nghỉ");
                    return null;
                }
                JsonAt holiday = holidayDates.get(day.date());
                if (holiday != null) {
                    problems.add(INCONSISTENT, item, day.date() + " is also a holiday at " + holiday.path(),
                            day.date() + " cũng là ngày nghỉ ở " + holiday.path());
                    return null;
                }
                return day;
            });
            fields.end();
            return year == null ? null : new HolidayYear(year, holidays, working);
        }

        private CalendarDay day(JsonAt at, Integer year) {
            Fields fields = json.object(at);
            if (fields == null) {
                return null;
            }
            JsonAt dateAt = fields.value("date", REQUIRED);
            LocalDate date = dateAt == null ? null : json.date(dateAt);
            String name = fields.text("name", NAME_LENGTH, REQUIRED);
            fields.end();
            if (date != null && year != null && date.getYear() != year) {
                problems.add(INCONSISTENT, dateAt, date + " is not in " + year, date + " không thuộc năm " + year);
                return null;
            }
            return date == null ? null : new CalendarDay(date, name);
        }

        private boolean uniqueDate(LocalDate date, JsonAt at, Map<LocalDate, JsonAt> seen) {
            JsonAt earlier = seen.putIfAbsent(date, at);
            if (earlier != null) {
                problems.add(DUPLICATE_ID, at, date + " is already listed at " + earlier.path(),
                        date + " đã có ở " + earlier.path());
                return false;
            }
            return true;
        }

        // -------------------------------------------------------------- notification templates

        private NotificationTemplate template(JsonAt at) {
            Fields fields = json.object(at);
            if (fields == null) {
                return null;
            }
            String key = uniqueCode(fields, "key", KEY, KEY_EN, KEY_VI, templateKeys);
            Map<String, JsonAt> seen = new HashMap<>();
            List<String> params = fields.list("params", REQUIRED, 0, item -> {
                String param = json.code(item, PARAM, PARAM_EN, PARAM_VI);
                return param != null && unique(param, item, seen) ? param : null;
            });
            JsonAt znsAt = fields.value("znsTemplateId", OPTIONAL);
            String znsTemplateId = znsAt == null ? null : json.code(znsAt, ZALO_ID, ZALO_ID_EN, ZALO_ID_VI);
            JsonAt oaAt = fields.value("oaText", OPTIONAL);
            String oaText = oaAt == null ? null : json.multilineText(oaAt, OA_TEXT_LENGTH);
            if (oaText != null) {
                checkPlaceholders(oaAt, oaText, params);
            }
            if (znsAt == null && oaAt == null) {
                problems.add(MISSING, at, "needs znsTemplateId, oaText or both",
                        "cần znsTemplateId, oaText hoặc cả hai");
            }
            boolean byUserId = Boolean.TRUE.equals(fields.bool("sendByUserId", OPTIONAL));
            if (byUserId && znsAt == null) {
                problems.add(INCONSISTENT, at, "sendByUserId needs znsTemplateId (the template sent by user id)",
                        "sendByUserId cần znsTemplateId (mẫu tin gửi theo user id)");
            }
            if (byUserId && key != null && key.contains("OTP")) {
                problems.add(INVALID_VALUE, at, "an OTP template is sent by phone only: sendByUserId must be false",
                        "mẫu OTP chỉ gửi theo số điện thoại: sendByUserId phải là false");
            }
            fields.end();
            return key == null ? null : new NotificationTemplate(key, params, znsTemplateId, oaText, byUserId);
        }

        private void checkPlaceholders(JsonAt at, String text, List<String> params) {
            Matcher matcher = PLACEHOLDER.matcher(text);
            StringBuilder rest = new StringBuilder();
            while (matcher.find()) {
                String name = matcher.group(1);
                if (!params.contains(name)) {
                    problems.add(UNKNOWN_REFERENCE, at,
                            "placeholder {" + StrictJson.printable(name) + "} is not one of params " + params,
                            "biến {" + StrictJson.printable(name) + "} không có trong params " + params);
                }
                matcher.appendReplacement(rest, "");
            }
            matcher.appendTail(rest);
            if (rest.indexOf("{") >= 0 || rest.indexOf("}") >= 0) {
                problems.add(INVALID_FORMAT, at, "has a '{' or '}' that does not enclose a placeholder {name}",
                        "có dấu '{' hoặc '}' không bao một biến {tên}");
            }
        }

        // -------------------------------------------------------------- helpers

        /** Items of an array value already read (and type-checked) by {@link Fields#list}; 0 otherwise. */
        private static int itemCount(JsonAt value) {
            return value != null && value.type() == JsonAt.Type.ARRAY ? value.items().size() : 0;
        }

        /** Reads a required identifier and claims it; a second use is a {@code DUPLICATE_ID} at the second place. */
        private String uniqueCode(Fields fields, String key, Pattern pattern, String shapeEn, String shapeVi,
                                  Map<String, JsonAt> seen) {
            JsonAt at = fields.value(key, REQUIRED);
            String code = at == null ? null : json.code(at, pattern, shapeEn, shapeVi);
            return code != null && unique(code, at, seen) ? code : null;
        }

        private boolean unique(String code, JsonAt at, Map<String, JsonAt> seen) {
            return problems.claim(code, at, seen);
        }
    }
}
