package vn.smartprovince.reports.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PhotoKeysTest {
    static final String AN = "9000000000000000001";
    static final String BINH = "9000000000000000002";
    static final UUID ID = UUID.fromString("0b4e8a52-3f6e-4a8e-9a57-6a2f1d1c3b7e");

    @Test
    void keysNameTheUploaderARandomIdAndTheFormat() {
        assertEquals("report-photos/pending/9000000000000000001/0b4e8a52-3f6e-4a8e-9a57-6a2f1d1c3b7e.jpg",
                PhotoKeys.pending(AN, PhotoType.JPEG, ID));
        assertEquals("report-photos/pending/9000000000000000001/0b4e8a52-3f6e-4a8e-9a57-6a2f1d1c3b7e.heic",
                PhotoKeys.pending(AN, PhotoType.HEIC, ID));
        String key = PhotoKeys.pending(AN, PhotoType.WEBP, UUID.randomUUID());
        assertEquals(Optional.of(new PhotoKeys.Parsed(AN, PhotoType.WEBP)), PhotoKeys.parse(key));
    }

    @Test
    void ownershipIsTheUserIdInTheKey() {
        String ans = PhotoKeys.pending(AN, PhotoType.PNG, ID);
        assertTrue(PhotoKeys.isOf(AN, ans));
        assertFalse(PhotoKeys.isOf(BINH, ans));
        // a prefix of another id is not the same user
        assertFalse(PhotoKeys.isOf("900000000000000000", ans));
        assertFalse(PhotoKeys.isOf(AN, PhotoKeys.pending("90000000000000000011", PhotoType.PNG, ID)));
    }

    @Test
    void anythingButAWellFormedPendingKeyIsNobodys() {
        String valid = "report-photos/pending/" + AN + "/" + ID;
        for (String key : new String[] {
                valid + ".gif",                                         // not a photo format
                valid + ".JPG",
                valid,                                                  // no extension
                "report-photos/pending/" + AN + "/../" + BINH + "/" + ID + ".jpg",
                "report-photos/pending/" + AN + "/x/" + ID + ".jpg",    // extra segment
                "report-photos/pending/" + AN + "/" + ID.toString().toUpperCase() + ".jpg",
                "report-photos/cited/" + AN + "/" + ID + ".jpg",
                "/report-photos/pending/" + AN + "/" + ID + ".jpg",
                " report-photos/pending/" + AN + "/" + ID + ".jpg",
                "report-photos/pending/" + AN + "/" + ID + ".jpg\n",
                "",
                null}) {
            assertEquals(Optional.empty(), PhotoKeys.parse(key), String.valueOf(key));
            assertFalse(PhotoKeys.isOf(AN, key));
        }
    }

    @Test
    void aUserIdThatCannotBePartOfAKeyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PhotoKeys.pending("../" + AN, PhotoType.JPEG, ID));
        assertThrows(IllegalArgumentException.class, () -> PhotoKeys.pending("", PhotoType.JPEG, ID));
        assertThrows(IllegalArgumentException.class, () -> PhotoKeys.pending(null, PhotoType.JPEG, ID));
    }

    @Test
    void aReportsCopyNamesTheReportNotTheUploaderAndIsTheSameForTheSameUpload() {
        String upload = PhotoKeys.pending(AN, PhotoType.HEIC, ID);
        String copy = PhotoKeys.forReport("rabc", upload);
        assertTrue(copy.matches("report-photos/reports/rabc/[0-9a-f]{24}\\.heic"), copy);
        assertFalse(copy.contains(AN));
        assertEquals(copy, PhotoKeys.forReport("rabc", upload), "deterministic: retries make the same copy");
        assertFalse(copy.equals(PhotoKeys.forReport("rabc", PhotoKeys.pending(AN, PhotoType.HEIC, UUID.randomUUID()))));
        assertTrue(PhotoKeys.isOfReport("rabc", copy));
        assertFalse(PhotoKeys.isOfReport("rab", copy), "a prefix of the id is another report");
        assertFalse(PhotoKeys.isOfReport("rabc", upload), "an upload key is nobody's report photo");
        assertFalse(PhotoKeys.isOfReport("rabc", "report-photos/reports/rabc/../x.jpg"));
        assertThrows(IllegalArgumentException.class, () -> PhotoKeys.forReport("r/../x", upload));
        assertThrows(IllegalArgumentException.class, () -> PhotoKeys.forReport("rabc", "report-photos/pending/x.jpg"));
    }
}
