package io.adlift.pipeline.tracking;

import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Whether the MLflow tracking server answers, for Actuator's health in the long-running modes. With
 * local tracking there is nothing to reach, and the component says so (UNKNOWN does not lower the
 * overall status).
 */
final class TrackingHealthIndicator implements HealthIndicator {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final RunTracker tracker;

    TrackingHealthIndicator(RunTracker tracker) {
        this.tracker = tracker;
    }

    @Override
    public Health health() {
        if (!(tracker instanceof MlflowRunTracker mlflow)) {
            return Health.unknown().withDetail("tracking", tracker.name()).build();
        }
        String uri = mlflow.client().trackingUri().toString();
        try {
            int status = mlflow.client().health(TIMEOUT);
            return (status == 200 ? Health.up() : Health.down()).withDetail("uri", uri).withDetail("status", status)
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().withDetail("uri", uri).build();
        } catch (Exception e) {
            return Health.down().withDetail("uri", uri)
                    .withDetail("error", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()).build();
        }
    }
}
