package io.adlift.pipeline.health;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Whether the MLflow tracking server answers ({@code GET <uri>/health}); present only when
 * {@code MLFLOW_TRACKING_URI} is set. Credentials come from MLflow's own variables and never appear
 * in the health details.
 */
@Component("mlflow")
@ConditionalOnExpression("'${MLFLOW_TRACKING_URI:}' != ''")
class MlflowHealthIndicator implements HealthIndicator {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final URI health;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    MlflowHealthIndicator(Environment environment) {
        String uri = environment.getProperty("MLFLOW_TRACKING_URI", "");
        this.health = URI.create(uri.replaceAll("/+$", "") + "/health");
        String token = environment.getProperty("MLFLOW_TRACKING_TOKEN");
        String user = environment.getProperty("MLFLOW_TRACKING_USERNAME");
        if (token != null && !token.isBlank()) {
            this.authorization = "Bearer " + token;
        } else if (user != null && !user.isBlank()) {
            String pair = user + ":" + environment.getProperty("MLFLOW_TRACKING_PASSWORD", "");
            this.authorization = "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        } else {
            this.authorization = null;
        }
    }

    @Override
    public Health health() {
        HttpRequest.Builder request = HttpRequest.newBuilder(health).timeout(TIMEOUT).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            Health.Builder builder = response.statusCode() == 200 ? Health.up() : Health.down();
            return builder.withDetail("uri", health.resolve("/").toString()).withDetail("status", response.statusCode())
                    .build();
        } catch (Exception e) {
            return Health.down().withDetail("uri", health.resolve("/").toString())
                    .withDetail("error", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()).build();
        }
    }
}
