package io.adlift.pipeline.serve;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code adlift.serve.*}: limits of the prediction API and the upload settings. Uploads (which write
 * files and launch runs) are off unless enabled, and then need a token: enabling them without one is a
 * start-up error rather than an open door.
 *
 * @param maxRecords   records per prediction request
 * @param maxBodySize  bytes per request body of the JSON API
 * @param requireToken every page and API (all but {@code /actuator/health}) needs the upload token, sent as
 *                     {@code Authorization: Bearer <token>} or as the password of HTTP basic (any user name),
 *                     which is what a browser asks for
 * @param currency     the reporting currency of every money figure the dashboard shows (ISO 4217 code); the
 *                     data carries none, so this says what its amounts are in
 */
@ConfigurationProperties("adlift.serve")
public record ServeProperties(@DefaultValue("1000") int maxRecords, @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue("false") boolean requireToken, @DefaultValue("USD") String currency, @DefaultValue Upload upload) {

    public ServeProperties {
        if (maxRecords < 1) {
            throw new IllegalArgumentException("adlift.serve.max-records must be at least 1, was " + maxRecords);
        }
        if (requireToken && (upload.token() == null || upload.token().isBlank())) {
            throw new IllegalArgumentException("adlift.serve.require-token is true but adlift.serve.upload.token is not "
                    + "set; the dashboard and API need that token (ADLIFT_SERVE_UPLOAD_TOKEN)");
        }
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("adlift.serve.currency must be an ISO 4217 code of three capital letters "
                    + "such as USD or EUR, was '" + currency + "'");
        }
    }

    /**
     * @param enabled     accept uploads and run launches at all
     * @param token       what callers must send as {@code Authorization: Bearer <token>}
     * @param folder      where uploaded files are kept, one sub-folder per upload; default
     *                    {@code <data-dir>/uploads}
     * @param maxFileSize bytes per uploaded file
     * @param maxConcurrent uploads received at a time; more are answered 503
     */
    public record Upload(@DefaultValue("false") boolean enabled, String token, Path folder,
            @DefaultValue("50MB") DataSize maxFileSize, @DefaultValue("2") int maxConcurrent) {

        public Upload {
            if (maxConcurrent < 1) {
                throw new IllegalArgumentException("adlift.serve.upload.max-concurrent must be at least 1, was "
                        + maxConcurrent);
            }
            if (enabled && (token == null || token.isBlank())) {
                throw new IllegalArgumentException("adlift.serve.upload.enabled is true but adlift.serve.upload.token "
                        + "is not set; uploads need a token (ADLIFT_SERVE_UPLOAD_TOKEN)");
            }
        }
    }
}
