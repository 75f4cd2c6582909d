package vn.smartprovince.province.directory;

import vn.smartprovince.shared.http.HttpResponse;

/** The directory's answers as HTTP: public, cacheable, {@code 304} with the same headers on a match. */
final class CachedAnswers {
    private CachedAnswers() {
    }

    static HttpResponse of(DirectorySearch.Answer answer, String cacheControl) {
        return HttpResponse.cacheable(answer.notModified() ? null : answer.body(), answer.etag(), cacheControl);
    }
}
