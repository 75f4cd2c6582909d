package vn.smartprovince.dossiers.lookup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import vn.smartprovince.dossiers.core.ActionNames;
import vn.smartprovince.dossiers.core.Dossier;
import vn.smartprovince.dossiers.core.DossierAction;
import vn.smartprovince.dossiers.core.DossierStore;
import vn.smartprovince.dossiers.core.DossierViews;
import vn.smartprovince.dossiers.core.OpenRequest;
import vn.smartprovince.dossiers.core.TimelineEntry;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.ErrorCode;
import vn.smartprovince.shared.http.FieldError;
import vn.smartprovince.shared.http.RateLimiter;
import vn.smartprovince.shared.province.Agency;
import vn.smartprovince.shared.province.Procedure;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.province.WorkingDays;

/**
 * The public lookup of a dossier by its code, as the desk slip's QR code and the hotline use it:
 * no session, so it must not become a way to list the province's dossiers or learn who filed them.
 *
 * <p><b>What anyone with the code sees</b>: the status, the procedure, the agency, the dates and the
 * masked name of the person the dossier is about ("Nguyễn V. A."). The code is printed on the slip
 * the applicant holds; this much is what the slip itself says. Never a CCCD, a phone or an id.
 *
 * <p><b>The second factor</b> ({@code ?phoneLast4=}, the last 4 digits of the applicant's phone)
 * unlocks what is asked of the applicant, the public steps and the result delivery. Why the phone:
 * the applicant knows it without looking anything up, it is on every dossier (the profile requires
 * it), the slip does not print it, and a hotline operator can ask for it aloud. It is weak alone
 * (10,000 values), so wrong answers are limited hard: 5 per hour per code (whoever tries) and 5 per
 * hour per source IP (whatever the code), and each wrong one costs 6 look-ups of the per-IP budget. A
 * wrong factor is answered exactly as no factor, plus {@code detailsLocked}; once a code's wrong
 * answers are used up, even the right one is locked for the rest of the hour (the status stays
 * visible: a guesser can delay, never hide, the applicant's own lookup).
 *
 * <p><b>Walking the sequence</b>: codes are {@code {unit}-{yyMMdd}-{4-digit sequence}}, so they are
 * guessable. 30 look-ups per 10 minutes per IP (4,320 a day) is plenty for a person or a desk behind
 * one NAT, and an unknown code answers the same 404 as a malformed one. Walking one agency-day of
 * 100 dossiers costs about 33 minutes from one IP, and yields what the slips already show (status,
 * masked names), never the details: at 5 wrong factors per code per hour, guessing one dossier's
 * 4 digits takes on average 1,000 hours. An attacker with many IPs multiplies the status walk, not the
 * factor guessing, which the per-code limit caps whatever the number of IPs.
 */
public final class DossierLookup {
    public static final RateLimiter.Limit LOOKUPS_PER_IP =
            new RateLimiter.Limit("dossier-lookup", 30, Duration.ofMinutes(10));
    public static final RateLimiter.Limit WRONG_FACTORS_PER_IP =
            new RateLimiter.Limit("dossier-lookup-factor-ip", 5, Duration.ofHours(1));
    public static final RateLimiter.Limit WRONG_FACTORS_PER_CODE =
            new RateLimiter.Limit("dossier-lookup-factor-code", 5, Duration.ofHours(1));
    /** Extra look-ups a wrong factor costs (on top of its own). */
    static final int WRONG_FACTOR_COST = 5;
    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z.]{1,40}-\\d{6}-\\d{4,6}");
    private static final Pattern LAST4 = Pattern.compile("\\d{4}");

    private final DossierStore store;
    private final RateLimiter limiter;
    private final Supplier<ProvinceConfig> config;

    public DossierLookup(DossierStore store, RateLimiter limiter, Supplier<ProvinceConfig> config) {
        this.store = store;
        this.limiter = limiter;
        this.config = config;
    }

    /**
     * @param sourceIp   the caller's address (API Gateway's {@code requestContext.http.sourceIp})
     * @param phoneLast4 the second factor, or null
     */
    public LookupView lookup(String code, String phoneLast4, String sourceIp) {
        String ip = sourceIp == null || sourceIp.isBlank() ? "unknown" : sourceIp;
        RateLimiter.Decision budget = limiter.hit(LOOKUPS_PER_IP, ip, 1);
        if (!budget.allowed()) {
            throw RateLimiter.refused(budget);
        }
        String factor = phoneLast4 == null || phoneLast4.isBlank() ? null : phoneLast4.strip();
        if (factor != null && !LAST4.matcher(factor).matches()) {
            throw ApiException.invalid(new FieldError("phoneLast4", "INVALID_FORMAT",
                    "Nhập đúng 4 chữ số cuối của số điện thoại.", "Give the last 4 digits of the phone number."));
        }
        String normalized = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        Optional<Dossier> found = CODE.matcher(normalized).matches()
                ? store.idForCode(normalized).flatMap(store::find) : Optional.empty();
        if (found.isEmpty()) {
            if (factor != null) {
                wrongFactor(null, ip);
            }
            throw new ApiException(ErrorCode.NOT_FOUND, null);
        }
        Dossier dossier = found.get();
        ProvinceConfig province = config.get();
        if (factor == null) {
            return view(dossier, province, null, null);
        }
        boolean locked = !limiter.peek(WRONG_FACTORS_PER_CODE, dossier.code()).allowed()
                || !limiter.peek(WRONG_FACTORS_PER_IP, ip).allowed();
        if (locked || !matches(dossier, factor)) {
            if (!locked) {
                wrongFactor(dossier.code(), ip);
            }
            return view(dossier, province, Boolean.TRUE, null);
        }
        return view(dossier, province, null, details(dossier, store.timeline(dossier.id()), province));
    }

    private void wrongFactor(String code, String ip) {
        if (code != null) {
            limiter.hit(WRONG_FACTORS_PER_CODE, code, 1);
        }
        limiter.hit(WRONG_FACTORS_PER_IP, ip, 1);
        limiter.hit(LOOKUPS_PER_IP, ip, WRONG_FACTOR_COST);
    }

    static boolean matches(Dossier dossier, String last4) {
        String phone = dossier.applicant().phone();
        if (phone == null || phone.length() < 4) {
            return false;
        }
        return MessageDigest.isEqual(phone.substring(phone.length() - 4).getBytes(StandardCharsets.US_ASCII),
                last4.getBytes(StandardCharsets.US_ASCII));
    }

    static LookupView view(Dossier d, ProvinceConfig config, Boolean locked, LookupView.Details details) {
        String procedureName = config.procedure(d.procedureCode()).map(Procedure::name).orElse(d.procedureCode());
        Agency agency = config.agency(d.agencyId()).orElse(null);
        return new LookupView(d.code(),
                DossierViews.Status.of(d.status()),
                new LookupView.Named(d.procedureCode(), procedureName),
                new LookupView.Named(agency == null ? null : agency.unitCode(), agency == null ? d.agencyId() : agency.name()),
                instant(d.submittedAt()), instant(d.receivedAt()), date(d.dueDate()), instant(d.finishedAt()),
                instant(d.returnedAt()), new LookupView.Subject(NameMask.mask(d.subjectName()), d.onBehalf() != null),
                locked, details);
    }

    static LookupView.Details details(Dossier d, List<TimelineEntry> timeline, ProvinceConfig config) {
        OpenRequest request = d.openRequest();
        LookupView.AskedOfYou asked = request == null ? null : new LookupView.AskedOfYou(request.kind().name(),
                request.items(), request.amountVnd(), request.message(), instant(request.requestedAt()));
        List<LookupView.Step> steps = timeline.stream()
                .filter(e -> e.action() != DossierAction.FLAG_OVERDUE && DossierViews.shownToApplicant(e))
                .map(e -> new LookupView.Step(instant(e.at()), e.action().name(), ActionNames.vietnamese(e.action()),
                        DossierViews.Status.of(e.toStatus())))
                .toList();
        LookupView.Named delivery = d.resultDelivery() == null ? null
                : new LookupView.Named(d.resultDelivery().name(), ActionNames.resultDelivery(d.resultDelivery()));
        return new LookupView.Details(asked, steps, delivery, d.overdue(), date(d.originalDueDate()),
                d.extension() == null ? null : date(d.extension().newDueDate()));
    }

    private static String instant(Instant at) {
        return at == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZone(WorkingDays.ZONE));
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
