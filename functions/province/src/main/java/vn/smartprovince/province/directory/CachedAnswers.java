package vn.smartprovince.province.directory;

import java.util.List;
import java.util.Map;
import vn.smartprovince.shared.http.HttpResponse;

/** The directory's answers as HTTP: public, cacheable, {@code 304} with the same headers on a match. */
final class CachedAnswers {
    private CachedAnswers() {
    }

    static HttpResponse of(DirectorySearch.Answer answer, String cacheControl) {
        if (answer.notModified()) {
            return new HttpResponse(304, Map.of("etag", answer.etag(), "cache-control", cacheControl), List.of(), "");
        }
        return HttpResponse.json(200, answer.body()).withHeader("etag", answer.etag())
                .withHeader("cache-control", cacheControl);
    }
}
