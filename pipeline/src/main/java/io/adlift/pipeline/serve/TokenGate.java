package io.adlift.pipeline.serve;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The token of {@code adlift serve}, checked first, before anything reads a request's body. Uploads and
 * every multipart body (only uploads take one; anywhere else it would still be parsed, and spooled to
 * disk, before a controller could refuse it) need uploads enabled (else 403) and
 * {@code Authorization: Bearer <adlift.serve.upload.token>} (else 401); a refusal leaves the body unread
 * and closes the connection. At most {@code max-concurrent} uploads are read at a time; more are
 * answered 503 at once. A request with the right token is given a principal, which is what Actuator's
 * {@code show-details: when-authorized} asks for: health details go to the token's holder only.
 * With {@code adlift.serve.require-token} every other request needs the token too (else 401 with a basic
 * challenge, so that a browser asks for it: any user name, the token as password); only
 * {@code /actuator/health} stays open, for probes.
 */
final class TokenGate extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";
    private static final String BASIC = "Basic ";
    /** Open with require-token too: a service manager's or load balancer's probe has no token. */
    private static final Pattern OPEN_PATHS = Pattern.compile("/actuator/health(/.*)?");
    /** The upload endpoints, as the servlet container has normalised the path (no {@code ..}, no {@code ;params}). */
    private static final Pattern UPLOAD_PATHS = Pattern.compile("/api/v1/pipelines/[^/]+/uploads/?|/api/v1/uploads(/.*)?");

    private final ServeProperties.Upload settings;
    private final boolean requireToken;
    private final Semaphore uploads;

    TokenGate(ServeProperties properties) {
        this.settings = properties.upload();
        this.requireToken = properties.requireToken();
        this.uploads = new Semaphore(settings.maxConcurrent());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean authorised = hasToken(request.getHeader("Authorization"));
        String type = request.getContentType();
        boolean multipart = type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
        String path = request.getServletPath() + Objects.toString(request.getPathInfo(), "");
        if (requireToken && !authorised && !OPEN_PATHS.matcher(path).matches()) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"adlift\", charset=\"UTF-8\"");
            JsonRefusal.send(response, HttpServletResponse.SC_UNAUTHORIZED, "this server needs its token "
                    + "(adlift.serve.require-token): send 'Authorization: Bearer <token>', or the token as the password "
                    + "of HTTP basic");
            return;
        }
        if (multipart || UPLOAD_PATHS.matcher(path).matches()) {
            if (!settings.enabled()) {
                JsonRefusal.send(response, HttpServletResponse.SC_FORBIDDEN, "uploads are disabled on this server; "
                        + "enable them with adlift.serve.upload.enabled=true and a token in adlift.serve.upload.token");
                return;
            }
            if (!authorised) {
                JsonRefusal.send(response, HttpServletResponse.SC_UNAUTHORIZED, "a valid token is needed: send "
                        + "'Authorization: Bearer <token>' with the token configured in adlift.serve.upload.token");
                return;
            }
        }
        HttpServletRequest passed = authorised ? new WithPrincipal(request) : request;
        if (!multipart) {
            chain.doFilter(passed, response);
            return;
        }
        if (!uploads.tryAcquire()) {
            response.setHeader("Retry-After", "10");
            JsonRefusal.send(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, settings.maxConcurrent()
                    + " uploads are being received already (adlift.serve.upload.max-concurrent); try again later");
            return;
        }
        try {
            chain.doFilter(passed, response);
        } finally {
            uploads.release();
        }
    }

    private boolean hasToken(String authorization) {
        if (settings.token() == null || settings.token().isBlank()) {
            return false;
        }
        String given = "";
        if (authorization != null && authorization.startsWith(BEARER)) {
            given = authorization.substring(BEARER.length());
        } else if (authorization != null && authorization.startsWith(BASIC)) {
            given = basicPassword(authorization.substring(BASIC.length()));
        }
        // Constant time: how long the comparison takes says nothing about how much of the token was right.
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), settings.token().getBytes(StandardCharsets.UTF_8));
    }

    /** The password of HTTP basic credentials ({@code base64(user:password)}); empty when they are malformed. */
    private static String basicPassword(String credentials) {
        try {
            String decoded = new String(java.util.Base64.getDecoder().decode(credentials.trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? "" : decoded.substring(colon + 1);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** The request of the token's holder. */
    private static final class WithPrincipal extends HttpServletRequestWrapper {

        private static final Principal TOKEN_HOLDER = () -> "adlift-serve-token";

        WithPrincipal(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Principal getUserPrincipal() {
            return TOKEN_HOLDER;
        }
    }
}
