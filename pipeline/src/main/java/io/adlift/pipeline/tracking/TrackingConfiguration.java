package io.adlift.pipeline.tracking;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.info.GitProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chooses the run tracker: {@code mlflow} when a tracking URI is set, else {@code local}. Each setting
 * is the Spring property if given ({@code --mlflow.tracking-uri=…}, a profile), else MLflow's own
 * environment variable, so that Adlift reads the same variables as MLflow's clients do.
 */
@Configuration(proxyBeanMethods = false)
class TrackingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TrackingConfiguration.class);

    @Bean
    RunTracker runTracker(Environment env, @Value("${adlift.data-dir}") Path dataDir, JsonMapper json,
            ObjectProvider<BuildProperties> build, ObjectProvider<GitProperties> git) {
        String uri = setting(env, "mlflow.tracking-uri", "MLFLOW_TRACKING_URI");
        if (uri == null) {
            return new LocalRunTracker(dataDir);
        }
        MlflowSettings settings;
        try {
            settings = new MlflowSettings(URI.create(uri.trim()),
                    setting(env, "mlflow.tracking-username", "MLFLOW_TRACKING_USERNAME"),
                    setting(env, "mlflow.tracking-password", "MLFLOW_TRACKING_PASSWORD"),
                    setting(env, "mlflow.tracking-token", "MLFLOW_TRACKING_TOKEN"),
                    setting(env, "mlflow.experiment-name", "MLFLOW_EXPERIMENT_NAME"),
                    env.getProperty("mlflow.retry.max-attempts", Integer.class, 5),
                    env.getProperty("mlflow.retry.initial-backoff", Duration.class, Duration.ofSeconds(1)),
                    env.getProperty("mlflow.retry.max-backoff", Duration.class, Duration.ofSeconds(30)),
                    env.getProperty("mlflow.connect-timeout", Duration.class, Duration.ofSeconds(10)),
                    env.getProperty("mlflow.request-timeout", Duration.class, Duration.ofMinutes(2)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("MLFLOW_TRACKING_URI '" + MlflowSettings.redact(uri) + "': " + e.getMessage(), e);
        }
        log.info("Tracking runs in MLflow at {} with {}", settings.trackingUri(), settings.credentialsInUse());
        return new MlflowRunTracker(new MlflowClient(settings, json), settings.experimentName(), buildInfo(build, git));
    }

    /** Actuator's {@code mlflow} health component (served by the long-running modes). */
    @Bean("mlflow")
    HealthIndicator mlflowHealth(RunTracker runTracker) {
        return new TrackingHealthIndicator(runTracker);
    }

    private static String setting(Environment env, String property, String variable) {
        String value = env.getProperty(property);
        if (value == null || value.isBlank()) {
            value = env.getProperty(variable);
        }
        return value == null || value.isBlank() ? null : value;
    }

    private static BuildInfo buildInfo(ObjectProvider<BuildProperties> build, ObjectProvider<GitProperties> git) {
        BuildProperties b = build.getIfAvailable();
        GitProperties g = git.getIfAvailable();
        String version = b != null ? b.getVersion() : TrackingConfiguration.class.getPackage().getImplementationVersion();
        String commit = g == null ? null : g.getCommitId();
        boolean dirty = g != null && "true".equals(g.get("dirty"));
        return new BuildInfo(version == null ? "unknown" : version, commit, dirty, host());
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
