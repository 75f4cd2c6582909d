package vn.smartprovince.shared.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PageCursorTest {
    static final Pattern KEY = Pattern.compile("[a-z0-9|.]{1,40}");

    @Test
    void continuesOnlyTheListItWasMadeFor() {
        String cursor = PageCursor.encode("procedures\nq=khai sinh", "dang ky khai sinh|1.0");
        assertEquals("dang ky khai sinh|1.0", PageCursor.decode(cursor, "procedures\nq=khai sinh",
                Pattern.compile(".{1,40}")));
        for (String bad : List.of(cursor + "A", cursor.substring(1), "%%%", "e30", "x".repeat(3000))) {
            ApiException e = assertThrows(ApiException.class, () -> PageCursor.decode(bad, "procedures\nq=khai sinh", KEY));
            assertEquals(ErrorCode.INVALID_CURSOR, e.code());
            assertEquals("cursor", e.details().get(0).field());
        }
        assertThrows(ApiException.class, () -> PageCursor.decode(cursor, "procedures\nq=other", Pattern.compile(".{1,40}")));
        assertThrows(ApiException.class, () -> PageCursor.decode(PageCursor.encode("l", "BAD KEY"), "l", KEY));
    }
}
