package vn.smartprovince.province.core;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * THE rule for an article's body: the safe subset of rich text the mini app renders, applied on the
 * server on every write (the client's editor is not trusted). Kept: paragraphs, headings h2/h3,
 * lists, links with http/https only (rel="nofollow noopener", opened outside the app), images with
 * an https source, bold/italic, line breaks. Everything else is stripped by jsoup's {@link Cleaner}
 * (an allow-list: unknown tags are dropped with their text kept, unknown attributes dropped, URLs
 * checked after entity decoding, so {@code jav&#x61;script:} is caught): scripts, styles, event
 * handlers, iframes, svg, forms, data: and javascript: URLs.
 */
public final class ArticleHtml {
    /** Longest body, in characters of the cleaned HTML. */
    public static final int MAX_CHARS = 100_000;

    private static final Safelist SAFE = new Safelist()
            .addTags("p", "h2", "h3", "ul", "ol", "li", "a", "img", "b", "strong", "i", "em", "br")
            .addAttributes("a", "href")
            .addProtocols("a", "href", "http", "https")
            .addEnforcedAttribute("a", "rel", "nofollow noopener")
            .addAttributes("img", "src", "alt")
            .addProtocols("img", "src", "https");

    private ArticleHtml() {
    }

    /** The safe HTML of {@code html} (a fragment), pretty-printing off so text is kept as written. */
    public static String clean(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document dirty = Jsoup.parseBodyFragment(html, "");
        Document clean = new Cleaner(SAFE).clean(dirty);
        // An image or link whose only URL was refused is left empty: drop it rather than show a shell.
        for (Element img : clean.select("img:not([src])")) {
            img.remove();
        }
        for (Element link : clean.select("a:not([href])")) {
            link.unwrap();
        }
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }

    /** The body's text alone (no markup), e.g. to tell an author that nothing readable is left. */
    public static String text(String html) {
        return html == null ? "" : Jsoup.parseBodyFragment(html).text();
    }
}
