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
 * @param maxRecords  records per prediction request
 * @param maxBodySize bytes per request body of the JSON API
 */
@ConfigurationProperties("adlift.serve")
public record ServeProperties(@DefaultValue("1000") int maxRecords, @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue Upload upload) {

    public ServeProperties {
        if (maxRecords < 1) {
            throw new IllegalArgumentException("adlift.serve.max-records must be at least 1, was " + maxRecords);
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
