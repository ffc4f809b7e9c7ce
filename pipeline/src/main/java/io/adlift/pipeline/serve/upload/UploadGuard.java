package io.adlift.pipeline.serve.upload;

import io.adlift.pipeline.serve.RefusedException;
import io.adlift.pipeline.serve.ServeProperties;
import io.adlift.pipeline.serve.ServeWebConfiguration;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Uploads and run launches: refused (403) unless enabled, then only with {@code Authorization: Bearer <token>} (401). */
@Component
@ConditionalOnBooleanProperty(ServeWebConfiguration.ACTIVE)
class UploadGuard {

    private static final String BEARER = "Bearer ";

    private final ServeProperties.Upload settings;

    UploadGuard(ServeProperties properties) {
        this.settings = properties.upload();
    }

    void requireEnabled() {
        if (!settings.enabled()) {
            throw new RefusedException(HttpStatus.FORBIDDEN, "uploads are disabled on this server; enable them with "
                    + "adlift.serve.upload.enabled=true and a token in adlift.serve.upload.token");
        }
    }

    void requireToken(String authorization) {
        requireEnabled();
        String given = authorization != null && authorization.startsWith(BEARER) ? authorization.substring(BEARER.length()) : "";
        // Constant time: how long the comparison takes says nothing about how much of the token was right.
        if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), settings.token().getBytes(StandardCharsets.UTF_8))) {
            throw new RefusedException(HttpStatus.UNAUTHORIZED, "a valid token is needed: send 'Authorization: Bearer <token>' "
                    + "with the token configured in adlift.serve.upload.token");
        }
    }
}
