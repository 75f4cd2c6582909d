package vn.smartprovince.shared.qr;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The QR code is one self-contained SVG element (dossiers' FormsTest decodes one back to its text). */
class QrSvgTest {
    @Test
    void anInlineSvgOfTheGivenSize() {
        String svg = QrSvg.of("K7M2PQ", 30);
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg);
        assertTrue(svg.contains("width=\"30mm\""), svg);
        assertTrue(svg.endsWith("</svg>"), svg);
    }
}
