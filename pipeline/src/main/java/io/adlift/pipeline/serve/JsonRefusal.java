package io.adlift.pipeline.serve;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A refusal answered by a filter, in the API's error shape ({@link ApiError}), before anything has read
 * the request's body. The connection is closed afterwards, so the server does not read the unread body
 * either (it would otherwise consume it to reuse the connection).
 */
final class JsonRefusal {

    private JsonRefusal() {
    }

    static void send(HttpServletResponse response, int status, String error) throws IOException {
        response.setStatus(status);
        response.setHeader("Connection", "close");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"status\":" + status + ",\"error\":\"" + error.replace("\\", "\\\\")
                .replace("\"", "\\\"") + "\"}");
    }
}
