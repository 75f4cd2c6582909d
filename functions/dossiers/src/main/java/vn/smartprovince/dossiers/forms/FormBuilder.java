package vn.smartprovince.dossiers.forms;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.smartprovince.dossiers.core.ActionNames;
import vn.smartprovince.dossiers.core.AttachedDocument;
import vn.smartprovince.dossiers.core.Deadlines;
import vn.smartprovince.dossiers.core.Dossier;
import vn.smartprovince.dossiers.core.DossierAction;
import vn.smartprovince.dossiers.core.OnBehalf;
import vn.smartprovince.dossiers.core.OpenRequest;
import vn.smartprovince.dossiers.core.ProcessSheet;
import vn.smartprovince.dossiers.core.TimelineEntry;
import vn.smartprovince.shared.province.Agency;
import vn.smartprovince.shared.province.Area;
import vn.smartprovince.shared.province.DocumentRequirement;
import vn.smartprovince.shared.province.PhoneNumbers;
import vn.smartprovince.shared.province.Procedure;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.province.ResultDelivery;
import vn.smartprovince.shared.province.WorkingDays;

/**
 * Builds a form of a dossier from the dossier, its timeline and the province configuration. Pure:
 * no I/O, no clock. A form 01-05 exists once a timeline step issued it (its {@code form}; the latest
 * such step when there are several, e.g. a second supplement request); form 06 once the dossier was
 * received, with one line per handover as {@link ProcessSheet} defines them (receive, transfer, finish,
 * return) and the due date in force at each.
 */
public final class FormBuilder {
    /** The applicant as the other side of a handover on form 06. */
    static final String APPLICANT_SIDE = "Người nộp hồ sơ";
    /** Where a finished result waits for the applicant. */
    static final String RESULT_DESK = "Bộ phận trả kết quả";
    /** Steps measured against the due date on form 06 when the entry does not say. */
    private static final Set<DossierAction> MEASURED = Set.of(DossierAction.TRANSFER, DossierAction.FINISH,
            DossierAction.RETURN_RESULT);

    private FormBuilder() {
    }

    /**
     * The form, or empty when the dossier has not been issued it.
     *
     * @param unmasked the reader sees the phone whole (the applicant, the current agency)
     */
    public static Optional<DossierForm> build(FormKind kind, Dossier dossier, List<TimelineEntry> timeline,
                                              ProvinceConfig config, boolean unmasked) {
        if (kind == FormKind.PROCESS_CONTROL) {
            return processControl(dossier, timeline, config, unmasked);
        }
        Optional<TimelineEntry> issuing = timeline.stream()
                .filter(entry -> kind.number().equals(entry.form()))
                .reduce((first, second) -> second);
        if (issuing.isEmpty() && kind == FormKind.EXTENSION && dossier.extension() != null) {
            Dossier.Extension ext = dossier.extension();
            return Optional.of(base(kind, dossier, config, unmasked, ext.issuedAt(), ext.issuedBy(),
                    dossier.agencyId()).extension(extension(dossier, null)).build());
        }
        if (issuing.isEmpty()) {
            return Optional.empty();
        }
        TimelineEntry entry = issuing.get();
        Parts parts = base(kind, dossier, config, unmasked, entry.at(), entry.actorId(), agencyOf(entry, dossier));
        return Optional.of(switch (kind) {
            case RECEIPT -> parts.receipt(receipt(dossier, entry, config)).build();
            case SUPPLEMENT -> parts.supplement(supplement(dossier, entry, config)).build();
            case REFUSAL -> parts.refusal(new DossierForm.Closing(instant(entry.at()), reasons(dossier, entry))).build();
            case EXTENSION -> parts.extension(extension(dossier, entry)).build();
            case STOP -> parts.stop(new DossierForm.Closing(instant(entry.at()), reasons(dossier, entry))).build();
            case PROCESS_CONTROL -> throw new IllegalStateException("handled above");
        });
    }

    private static Optional<DossierForm> processControl(Dossier dossier, List<TimelineEntry> timeline,
                                                        ProvinceConfig config, boolean unmasked) {
        int receivedVersion = timeline.stream().filter(e -> e.action() == DossierAction.RECEIVE)
                .mapToInt(TimelineEntry::version).findFirst().orElse(-1);
        if (receivedVersion < 0 || dossier.receivedAt() == null) {
            return Optional.empty();
        }
        List<DossierForm.Handover> lines = new ArrayList<>();
        TimelineEntry last = null;
        // The due date in force at each step: set at receipt, moved by a resumed pause or an extension.
        LocalDate due = dossier.originalDueDate() != null ? dossier.originalDueDate() : dossier.dueDate();
        for (TimelineEntry entry : timeline) {
            if (entry.version() < receivedVersion) {
                continue;
            }
            LocalDate moved = detailDate(entry, "newDueDate");
            moved = moved != null ? moved : detailDate(entry, ProcessSheet.DUE_DATE);
            due = moved != null ? moved : due;
            if (!ProcessSheet.HANDOVERS.contains(entry.action())) {
                continue;
            }
            last = entry;
            String agency = agencyName(config, agencyOf(entry, dossier));
            String from;
            String to;
            switch (entry.action()) {
                case RECEIVE -> {
                    from = APPLICANT_SIDE;
                    to = agencyName(config, entry.toAgencyId() != null ? entry.toAgencyId() : dossier.agencyId());
                }
                case TRANSFER -> {
                    from = agencyName(config, entry.fromAgencyId());
                    to = agencyName(config, entry.toAgencyId());
                }
                case FINISH -> {
                    from = agency;
                    to = RESULT_DESK;
                }
                default -> {
                    from = agency;
                    to = APPLICANT_SIDE;
                }
            }
            Boolean onTime = entry.onTime();
            if (onTime == null && due != null && MEASURED.contains(entry.action())) {
                onTime = Deadlines.onTime(due, entry.at());
            }
            lines.add(new DossierForm.Handover(entry.action().name(), ActionNames.vietnamese(entry.action()), from, to,
                    instant(entry.at()), date(due), onTime));
        }
        Parts parts = base(FormKind.PROCESS_CONTROL, dossier, config, unmasked, last.at(), last.actorId(),
                dossier.agencyId());
        return Optional.of(parts.processControl(new DossierForm.ProcessControl(instant(dossier.receivedAt()),
                date(dossier.dueDate()), lines)).build());
    }

    private static DossierForm.Receipt receipt(Dossier dossier, TimelineEntry entry, ProvinceConfig config) {
        Optional<Procedure> procedure = config.procedure(dossier.procedureCode());
        Map<String, Integer> counts = new LinkedHashMap<>();
        procedure.ifPresent(p -> p.documents().forEach(d -> counts.put(d.key(), 0)));
        for (AttachedDocument document : dossier.documents()) {
            counts.merge(document.requirementKey(), 1, Integer::sum);
        }
        List<DossierForm.ReceivedDocument> documents = new ArrayList<>();
        counts.forEach((key, files) -> {
            if (files > 0) {
                String name = procedure.flatMap(p -> p.document(key)).map(DocumentRequirement::name).orElse(key);
                documents.add(new DossierForm.ReceivedDocument(key, name, files));
            }
        });
        LocalDate due = detailDate(entry, ProcessSheet.DUE_DATE);
        if (due == null) {
            due = dossier.originalDueDate() != null ? dossier.originalDueDate() : dossier.dueDate();
        }
        ResultDelivery delivery = dossier.resultDelivery();
        return new DossierForm.Receipt(instant(dossier.receivedAt() != null ? dossier.receivedAt() : entry.at()),
                date(due), delivery == null ? null : delivery.name(), delivery == null ? null : ActionNames.resultDelivery(delivery), documents,
                procedure.map(Procedure::processingWorkingDays).orElse(0));
    }

    private static DossierForm.Supplement supplement(Dossier dossier, TimelineEntry entry, ProvinceConfig config) {
        OpenRequest request = dossier.openRequest();
        boolean current = request != null && request.kind() == OpenRequest.Kind.SUPPLEMENT
                && entry.at().equals(request.requestedAt());
        List<String> items;
        List<String> documentKeys;
        String guidance;
        if (current) {
            items = request.items();
            documentKeys = request.documentKeys();
            guidance = request.message();
        } else {      // answered (or asked again since): what the entry recorded
            OpenRequest asked = OpenRequest.askedIn(entry);
            items = asked.items();
            documentKeys = asked.documentKeys();
            guidance = asked.message();
        }
        Optional<Procedure> procedure = config.procedure(dossier.procedureCode());
        List<String> documents = documentKeys.stream()
                .map(key -> procedure.flatMap(p -> p.document(key)).map(DocumentRequirement::name).orElse(key))
                .toList();
        return new DossierForm.Supplement(instant(entry.at()), items, documents, guidance);
    }

    private static DossierForm.Extension extension(Dossier dossier, TimelineEntry entry) {
        Dossier.Extension ext = dossier.extension();
        if (ext != null) {
            return new DossierForm.Extension(date(ext.previousDueDate()), date(ext.newDueDate()), ext.reason());
        }
        return new DossierForm.Extension(date(detailDate(entry, "previousDueDate")),
                date(detailDate(entry, "newDueDate")), entry.publicComment());
    }

    private static String reasons(Dossier dossier, TimelineEntry entry) {
        return entry.publicComment() != null ? entry.publicComment() : dossier.closingReason();
    }

    private static Parts base(FormKind kind, Dossier dossier, ProvinceConfig config, boolean unmasked,
                              Instant issuedAt, String issuedBy, String agencyId) {
        Agency agency = config.agency(agencyId).orElse(null);
        Procedure procedure = config.procedure(dossier.procedureCode()).orElse(null);
        var applicant = dossier.applicant();
        String phone = applicant.phone() == null ? null
                : unmasked ? applicant.phone() : PhoneNumbers.masked(applicant.phone());
        String address = null;
        if (applicant.address() != null) {
            String area = config.area(applicant.address().areaCode()).map(Area::name).orElse(null);
            address = join(applicant.address().street(), area);
        }
        OnBehalf onBehalf = dossier.onBehalf();
        Parts parts = new Parts();
        parts.form = kind.number();
        parts.title = kind.title();
        parts.dossierId = dossier.id();
        parts.dossierCode = dossier.code();
        parts.qrText = dossier.reference();
        parts.issuedAt = instant(issuedAt);
        parts.issuedBy = issuedBy;
        parts.provinceName = config.province().name();
        parts.agency = new DossierForm.AgencyRef(agencyId, agency == null ? agencyId : agency.name(),
                agency == null ? null : agency.unitCode());
        parts.procedure = new DossierForm.ProcedureRef(dossier.procedureCode(),
                procedure == null ? dossier.procedureCode() : procedure.name(), procedure == null ? null : procedure.field());
        parts.applicant = new DossierForm.Person(applicant.fullName(), phone, address);
        parts.onBehalf = onBehalf == null ? null : new DossierForm.OnBehalfRef(onBehalf.fullName(),
                onBehalf.relationship() == null ? null : onBehalf.relationship().name(),
                relationshipName(onBehalf.relationship()));
        return parts;
    }

    private static String agencyOf(TimelineEntry entry, Dossier dossier) {
        if (entry.fromAgencyId() != null) {
            return entry.fromAgencyId();
        }
        return entry.toAgencyId() != null ? entry.toAgencyId() : dossier.agencyId();
    }

    private static String agencyName(ProvinceConfig config, String agencyId) {
        if (agencyId == null) {
            return "";
        }
        return config.agency(agencyId).map(Agency::name).orElse(agencyId);
    }

    private static LocalDate detailDate(TimelineEntry entry, String key) {
        if (entry == null) {
            return null;
        }
        String text = entry.details().get(key);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static String join(String street, String area) {
        if (street == null || street.isBlank()) {
            return area;
        }
        return area == null ? street : street + ", " + area;
    }

    static String instant(Instant at) {
        return at == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZone(WorkingDays.ZONE));
    }

    static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    static String relationshipName(OnBehalf.Relationship relationship) {
        if (relationship == null) {
            return null;
        }
        return switch (relationship) {
            case PARENT -> "cha/mẹ";
            case CHILD -> "con";
            case SPOUSE -> "vợ/chồng";
            case SIBLING -> "anh/chị/em";
            case GRANDPARENT -> "ông/bà";
            case GRANDCHILD -> "cháu";
            case GUARDIAN -> "người giám hộ";
            case AUTHORISED -> "người được ủy quyền";
        };
    }

    /** The form's fields as they are gathered. */
    private static final class Parts {
        String form;
        String title;
        String dossierId;
        String dossierCode;
        String qrText;
        String issuedAt;
        String issuedBy;
        String provinceName;
        DossierForm.AgencyRef agency;
        DossierForm.ProcedureRef procedure;
        DossierForm.Person applicant;
        DossierForm.OnBehalfRef onBehalf;
        DossierForm.Receipt receipt;
        DossierForm.Supplement supplement;
        DossierForm.Closing refusal;
        DossierForm.Extension extension;
        DossierForm.Closing stop;
        DossierForm.ProcessControl processControl;

        Parts receipt(DossierForm.Receipt v) { receipt = v; return this; }
        Parts supplement(DossierForm.Supplement v) { supplement = v; return this; }
        Parts refusal(DossierForm.Closing v) { refusal = v; return this; }
        Parts extension(DossierForm.Extension v) { extension = v; return this; }
        Parts stop(DossierForm.Closing v) { stop = v; return this; }
        Parts processControl(DossierForm.ProcessControl v) { processControl = v; return this; }

        DossierForm build() {
            return new DossierForm(form, title, dossierId, dossierCode, qrText, issuedAt, issuedBy, provinceName,
                    agency, procedure, applicant, onBehalf, receipt, supplement, refusal, extension, stop,
                    processControl);
        }
    }
}
