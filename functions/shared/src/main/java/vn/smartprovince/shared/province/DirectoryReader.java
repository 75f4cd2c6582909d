package vn.smartprovince.shared.province;

import static vn.smartprovince.shared.province.ConfigProblem.Kind.UNKNOWN_REFERENCE;
import static vn.smartprovince.shared.province.Fields.Presence.OPTIONAL;
import static vn.smartprovince.shared.province.Fields.Presence.REQUIRED;

import java.time.DayOfWeek;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads the optional {@code directory} object of a province file (danh bạ) for
 * {@link ProvinceConfigLoader}, after areas, agencies, categories, procedures and service centres.
 * Rules: {@code hotlines} numbers unique, each a service number or phone
 * ({@link PhoneNumbers#contact}); entry ids unique and different from every service centre's id
 * (those are listed with the entries); {@code agencyId} an agency; {@code areaCode} a current area
 * code; {@code position} inside the province's bounding box; {@code openingHours} as service
 * centres' (without slots; {@code {}} or absent: not stated); {@code phones} and {@code hotlines}
 * contact numbers; {@code categories} report category codes; {@code procedures} procedure codes.
 * Each problem at its JSON path, in English and Vietnamese.
 */
final class DirectoryReader {
    private static final String CODE_EN = ServiceCentreReader.CODE_EN;
    private static final String CODE_VI = ServiceCentreReader.CODE_VI;
    private static final String PHONE_EN = "a Vietnamese phone number (0…, +84…, 84…) or a service number such as 113 or 1022";
    private static final String PHONE_VI = "số điện thoại Việt Nam (0…, +84…, 84…) hoặc số dịch vụ như 113, 1022";
    private static final Pattern CATEGORY = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    static final int NAME_LENGTH = 300;
    static final int ADDRESS_LENGTH = 300;
    static final int HOTLINE_NAME_LENGTH = 100;
    static final int MAX_NUMBERS = 10;

    private final StrictJson json;
    private final Problems problems;
    private final Set<String> areaCodes;
    private final Set<String> categoryCodes;
    private final Set<String> procedureCodes;
    private final Function<JsonAt, Agency> agencyReference;
    private final Function<JsonAt, GeoPoint> pointInProvince;
    private final ServiceCentreReader centres;
    private final Set<String> centreIds;
    private final Map<String, JsonAt> entryIds = new HashMap<>();

    DirectoryReader(StrictJson json, Set<String> areaCodes, Set<String> categoryCodes, List<Procedure> procedures,
                    List<ServiceCentre> serviceCentres, Function<JsonAt, Agency> agencyReference,
                    Function<JsonAt, GeoPoint> pointInProvince, ServiceCentreReader centres) {
        this.json = json;
        this.problems = json.problems();
        this.areaCodes = areaCodes;
        this.categoryCodes = categoryCodes;
        this.procedureCodes = new java.util.HashSet<>();
        procedures.forEach(procedure -> procedureCodes.add(procedure.code()));
        this.centreIds = new java.util.HashSet<>();
        serviceCentres.forEach(centre -> centreIds.add(centre.id()));
        this.agencyReference = agencyReference;
        this.pointInProvince = pointInProvince;
        this.centres = centres;
    }

    /** Absent: {@link Directory#EMPTY}. */
    Directory directory(JsonAt at) {
        if (at == null) {
            return Directory.EMPTY;
        }
        Fields fields = json.object(at);
        if (fields == null) {
            return Directory.EMPTY;
        }
        Map<String, JsonAt> numbers = new HashMap<>();
        List<Hotline> hotlines = fields.list("hotlines", OPTIONAL, 0, item -> hotline(item, numbers));
        List<DirectoryEntry> entries = fields.list("entries", OPTIONAL, 0, this::entry);
        fields.end();
        return new Directory(hotlines, entries);
    }

    private Hotline hotline(JsonAt at, Map<String, JsonAt> numbers) {
        Fields fields = json.object(at);
        if (fields == null) {
            return null;
        }
        JsonAt numberAt = fields.value("number", REQUIRED);
        String number = numberAt == null ? null : json.converted(numberAt, 30, PhoneNumbers::contact, PHONE_EN, PHONE_VI);
        if (number != null && !problems.claim(number, numberAt, numbers)) {
            number = null;
        }
        String name = fields.text("name", HOTLINE_NAME_LENGTH, REQUIRED);
        fields.end();
        return number == null || name == null ? null : new Hotline(number, name);
    }

    private DirectoryEntry entry(JsonAt at) {
        Fields fields = json.object(at);
        if (fields == null) {
            return null;
        }
        boolean ok = true;
        JsonAt idAt = fields.value("id", REQUIRED);
        String id = idAt == null ? null : json.code(idAt, ProvinceConfigLoader.CODE, CODE_EN, CODE_VI);
        if (id != null && centreIds.contains(id)) {
            problems.add(ConfigProblem.Kind.DUPLICATE_ID, idAt, "'" + id + "' is a service centre's id: service centres "
                            + "are in the directory already (leave this entry out or give it another id)",
                    "'" + id + "' là mã của một trung tâm phục vụ hành chính công: các trung tâm đã có sẵn trong danh bạ "
                            + "(bỏ mục này hoặc đặt mã khác)");
            id = null;
        } else if (id != null && !problems.claim(id, idAt, entryIds)) {
            id = null;
        }
        DirectoryKind kind = fields.enumeration("kind", DirectoryKind.class, REQUIRED);
        String name = fields.text("name", NAME_LENGTH, REQUIRED);
        JsonAt agencyAt = fields.value("agencyId", OPTIONAL);
        Agency agency = agencyAt == null ? null : agencyReference.apply(agencyAt);
        ok &= agencyAt == null || agency != null;
        JsonAt areaAt = fields.value("areaCode", OPTIONAL);
        String area = areaAt == null ? null : json.code(areaAt, ProvinceConfigLoader.CODE, CODE_EN, CODE_VI);
        if (area != null && !areaCodes.contains(area)) {
            problems.add(UNKNOWN_REFERENCE, areaAt, "no area with code '" + area + "' in areas",
                    "không có đơn vị hành chính mã '" + area + "' trong areas");
            area = null;
        }
        ok &= areaAt == null || area != null;
        String address = fields.text("address", ADDRESS_LENGTH, REQUIRED);
        JsonAt positionAt = fields.value("position", OPTIONAL);
        GeoPoint position = positionAt == null ? null : pointInProvince.apply(positionAt);
        ok &= positionAt == null || position != null;
        JsonAt hoursAt = fields.value("openingHours", OPTIONAL);
        Map<DayOfWeek, List<OpeningPeriod>> hours = hoursAt == null ? Map.of() : centres.openingHours(hoursAt, null, false);
        ok &= hours != null;
        List<String> phones = numbers(fields, "phones");
        List<String> hotlines = numbers(fields, "hotlines");
        List<String> categories = references(fields, "categories", CATEGORY, "a report category code (UPPER_SNAKE_CASE)",
                "mã lĩnh vực phản ánh (CHỮ_IN_HOA_GẠCH_DƯỚI)", categoryCodes, "categories", "lĩnh vực phản ánh");
        List<String> procedures = references(fields, "procedures", ProcedureReader.PROCEDURE_CODE,
                "a national procedure code such as 1.001193.000.00.00.H56", "mã thủ tục quốc gia, ví dụ 1.001193.000.00.00.H56",
                procedureCodes, "procedures", "thủ tục");
        fields.end();
        ok &= phones != null && hotlines != null && categories != null && procedures != null;
        if (!ok || id == null || kind == null || name == null || address == null) {
            return null;
        }
        return new DirectoryEntry(id, kind, name, agency == null ? null : agency.id(), area, address, position, hours,
                phones, hotlines, categories, procedures);
    }

    /** Null when an item is wrong (reported); absent: empty. */
    private List<String> numbers(Fields fields, String key) {
        JsonAt listAt = fields.value(key, OPTIONAL);
        Map<String, JsonAt> seen = new HashMap<>();
        List<String> read = fields.list(key, OPTIONAL, 0, item -> {
            String number = json.converted(item, 30, PhoneNumbers::contact, PHONE_EN, PHONE_VI);
            return number == null || !problems.claim(number, item, seen) ? null : number;
        });
        return complete(listAt, read, key);
    }

    private List<String> references(Fields fields, String key, Pattern pattern, String shapeEn, String shapeVi,
                                    Set<String> known, String listName, String whatVi) {
        JsonAt listAt = fields.value(key, OPTIONAL);
        Map<String, JsonAt> seen = new HashMap<>();
        List<String> read = fields.list(key, OPTIONAL, 0, item -> {
            String code = json.code(item, pattern, shapeEn, shapeVi);
            if (code == null || !problems.claim(code, item, seen)) {
                return null;
            }
            if (!known.contains(code)) {
                problems.add(UNKNOWN_REFERENCE, item, "no " + listName + " entry with code '" + code + "'",
                        "không có " + whatVi + " mã '" + code + "' trong " + listName);
                return null;
            }
            return code;
        });
        return complete(listAt, read, key);
    }

    private List<String> complete(JsonAt listAt, List<String> read, String key) {
        if (listAt == null) {
            return List.of();
        }
        int size = listAt.type() == JsonAt.Type.ARRAY ? listAt.items().size() : -1;
        if (size > MAX_NUMBERS && (key.equals("phones") || key.equals("hotlines"))) {
            problems.add(ConfigProblem.Kind.TOO_LONG, listAt, "has " + size + " numbers; at most " + MAX_NUMBERS,
                    "có " + size + " số; tối đa " + MAX_NUMBERS);
            return null;
        }
        return read.size() == size ? read : null;
    }
}
