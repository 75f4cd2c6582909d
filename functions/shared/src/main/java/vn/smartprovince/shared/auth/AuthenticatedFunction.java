package vn.smartprovince.shared.auth;

import vn.smartprovince.shared.http.HttpFunction;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;

/**
 * Base of every handler of a protected route: the caller is established (or the request refused
 * with 401/503, see {@link Authentication#require}) before {@link #handle(HttpRequest, Caller)}
 * runs, so a handler cannot forget the check.
 */
public abstract class AuthenticatedFunction extends HttpFunction {

    protected abstract HttpResponse handle(HttpRequest request, Caller caller) throws Exception;

    @Override
    protected final HttpResponse handle(HttpRequest request) throws Exception {
        return handle(request, Authentication.require(request));
    }
}
