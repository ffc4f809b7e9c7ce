package io.adlift.pipeline.serve;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a JSON request body larger than the limit with 413 before anything reads it, so a huge body
 * costs neither memory nor parsing. Multipart uploads have their own limit (the upload's file size).
 */
final class BodySizeLimit extends OncePerRequestFilter {

    private final long maxBytes;

    BodySizeLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        boolean multipart = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
        // A chunked body has no length up front: it is refused too, rather than read without a bound.
        long length = request.getContentLengthLong();
        boolean hasBody = length > 0 || request.getHeader("Transfer-Encoding") != null;
        if (!multipart && hasBody && (length < 0 || length > maxBytes)) {
            JsonRefusal.send(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "the request body is larger than "
                    + maxBytes + " bytes (adlift.serve.max-body-size), or has no Content-Length");
            return;
        }
        chain.doFilter(request, response);
    }
}
