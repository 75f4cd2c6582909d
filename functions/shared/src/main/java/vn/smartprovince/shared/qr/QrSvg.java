package vn.smartprovince.shared.qr;

import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code as inline SVG (no image file, no external resource): one path of unit squares on a
 * white background with the standard 4-module quiet zone. Error correction M: a crumpled or
 * photocopied slip still scans.
 */
public final class QrSvg {
    private static final int QUIET_ZONE = 4;

    private QrSvg() {
    }

    /** The SVG element for {@code text}, {@code sizeMm} wide and high when printed. */
    public static String of(String text, int sizeMm) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int dimension = qr.size + 2 * QUIET_ZONE;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M').append(x + QUIET_ZONE).append(',').append(y + QUIET_ZONE).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" role=\"img\" aria-label=\"QR\" width=\"" + sizeMm
                + "mm\" height=\"" + sizeMm + "mm\" viewBox=\"0 0 " + dimension + " " + dimension
                + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\""
                + path + "\" fill=\"#000\"/></svg>";
    }
}
