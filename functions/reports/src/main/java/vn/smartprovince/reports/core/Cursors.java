package vn.smartprovince.reports.core;

import java.util.regex.Pattern;
import vn.smartprovince.shared.http.PageCursor;

/**
 * The reports' lists on {@link PageCursor} (bound to {@code <list>#<owner>}): a cursor only ever
 * continues the list (and the caller) it was made for; anything else is 400 {@code INVALID_CURSOR}.
 * {@code limit}: default 20, 1 to 100.
 */
public final class Cursors {
    /** The sort key of "my reports": {@code <instant>#<report id>}. */
    public static final Pattern MINE_SORT = Pattern.compile("[0-9T:.Z-]{10,40}#r[a-z2-7]{24}");

    private Cursors() {
    }

    public static String encode(String list, String owner, String sortKey) {
        return PageCursor.encode(list + "#" + owner, sortKey);
    }

    /** The sort key to continue after, if the cursor is one of {@code list} for {@code owner} and its key matches {@code shape}. */
    public static String decode(String cursor, String list, String owner, Pattern shape) {
        return PageCursor.decode(cursor, list + "#" + owner, shape);
    }
}
