package vn.smartprovince.province.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The safe subset of rich text: what readers need survives; the usual XSS payloads do not. */
class ArticleHtmlTest {
    private static final List<String> UNSAFE = List.of("<script", "onerror", "onload", "onclick", "javascript:",
            "vbscript:", "data:", "<iframe", "<svg", "<style", "style=", "<object", "<embed", "<form", "<input",
            "<meta", "<link", "<base", "srcdoc", "expression(");

    private static void assertSafe(String html) {
        String lower = html.toLowerCase(Locale.ROOT);
        for (String marker : UNSAFE) {
            assertFalse(lower.contains(marker), "\"" + marker + "\" survived in: " + html);
        }
    }

    @Test
    void theSafeSubsetSurvives() {
        String html = "<h2>Lịch cắt điện</h2><h3>Phường 1</h3><p>Từ <b>8 giờ</b> đến <i>11 giờ</i>,<br>"
                + "<strong>ngày 5</strong> <em>tháng 12</em>.</p><ul><li>Khu phố 1</li></ul><ol><li>Khu phố 2</li></ol>"
                + "<p><a href=\"https://evn.com.vn/lich\">Xem thêm</a></p><img src=\"https://cdn.example.vn/a.jpg\" alt=\"Bản đồ\">";
        String clean = ArticleHtml.clean(html);
        assertTrue(clean.contains("<h2>Lịch cắt điện</h2>"), clean);
        assertTrue(clean.contains("<h3>Phường 1</h3>"), clean);
        assertTrue(clean.contains("<b>8 giờ</b>") && clean.contains("<i>11 giờ</i>") && clean.contains("<br>"), clean);
        assertTrue(clean.contains("<strong>ngày 5</strong>") && clean.contains("<em>tháng 12</em>"), clean);
        assertTrue(clean.contains("<ul><li>Khu phố 1</li></ul>") && clean.contains("<ol><li>Khu phố 2</li></ol>"), clean);
        assertTrue(clean.contains("<a href=\"https://evn.com.vn/lich\" rel=\"nofollow noopener\">Xem thêm</a>"), clean);
        assertTrue(clean.contains("<img src=\"https://cdn.example.vn/a.jpg\" alt=\"Bản đồ\">"), clean);
    }

    @Test
    void linksGetNofollowNoopenerEvenWhenTheAuthorSetAnotherRel() {
        String clean = ArticleHtml.clean("<a href=\"http://a.vn\" rel=\"opener\" target=\"_self\">a</a>");
        assertEquals("<a href=\"http://a.vn\" rel=\"nofollow noopener\">a</a>", clean);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<script>alert(1)</script>Chào",
        "<SCRIPT SRC=//xss.example/x.js></SCRIPT>Chào",
        "<img src=x onerror=alert(1)>Chào",
        "<img src=\"https://a.vn/a.jpg\" onerror=\"alert(1)\">Chào",
        "<a href=\"javascript:alert(1)\">Chào</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">Chào</a>",
        "<a href=\"jav&#x61;script:alert(1)\">Chào</a>",
        "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">Chào</a>",
        "<a href=\"java\tscript:alert(1)\">Chào</a>",
        "<a href=\" javascript:alert(1)\">Chào</a>",
        "<a href=\"vbscript:msgbox(1)\">Chào</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">Chào</a>",
        "<img src=\"data:image/svg+xml;base64,PHN2Zz4=\">Chào",
        "<img src=\"http://insecure.vn/a.jpg\">Chào",
        "<svg onload=alert(1)><circle/></svg>Chào",
        "<svg><script>alert(1)</script></svg>Chào",
        "<iframe src=\"https://evil.example\"></iframe>Chào",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>Chào",
        "<style>body{background:url(javascript:alert(1))}</style>Chào",
        "<p style=\"background:expression(alert(1))\">Chào</p>",
        "<div onclick=\"alert(1)\">Chào</div>",
        "<body onload=alert(1)>Chào",
        "<object data=\"x.swf\"></object><embed src=\"x.swf\">Chào",
        "<form action=\"https://evil\"><input name=q></form>Chào",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">Chào",
        "<base href=\"javascript:alert(1)//\">Chào",
        "<scr<script>ipt>alert(1)</scr</script>ipt>Chào",
        "<<img src=x onerror=alert(1)//>>Chào",
        "<img src=\"x\" \" onerror=\"alert(1)\">Chào",
        "<a href=\"https://a.vn\" onmouseover=\"alert(1)\">Chào</a>",
        "<p><b><i>Chào",
        "<img/src=x/onerror=alert(1)>Chào",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>Chào",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">Chào",
    })
    void theUsualPayloadsAreStrippedAndTheTextSurvives(String payload) {
        String clean = ArticleHtml.clean(payload);
        assertSafe(clean);
        assertTrue(ArticleHtml.text(clean).contains("Chào"), "the text survives: " + clean);
    }

    @Test
    void nothingOrBlankIsAnEmptyBody() {
        assertEquals("", ArticleHtml.clean(null));
        assertEquals("", ArticleHtml.clean("   "));
    }

    @Test
    void cleaningTwiceChangesNothing() {
        String once = ArticleHtml.clean("<p>A <a href=\"https://a.vn\">b</a><img src=\"https://a.vn/x.png\"></p><script>x</script>");
        assertEquals(once, ArticleHtml.clean(once));
    }
}
