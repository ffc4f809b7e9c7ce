package org.mlflow.tracking;

import java.lang.reflect.Field;
import java.time.Duration;
import org.mlflow.tracking.creds.MlflowHostCredsProvider;
import org.mlflow_project.apachehttp.client.config.RequestConfig;
import org.mlflow_project.apachehttp.impl.client.HttpClientBuilder;

/**
 * Builds MLflow's official Java client with time limits and without retries of its own.
 *
 * <p>As published (2.17.2), the client's HTTP caller has no time limits and retries every failed request,
 * refused credentials and missing resources included, three times at once, and it offers no public way to
 * change either. Its caller has a package-private constructor that takes both settings and an HTTP client;
 * this class, in the client's package for that reason, builds one with Adlift's limits and a single attempt, and
 * puts it in place of the default, so that retries happen once, by Adlift's policy (which retries only what
 * may pass later, with backoff).
 */
public final class ConfiguredMlflowClients {

    private ConfiguredMlflowClients() {
    }

    public static MlflowClient withoutRetries(MlflowHostCredsProvider credentials, Duration connectTimeout,
            Duration requestTimeout) {
        RequestConfig limits = RequestConfig.custom().setConnectTimeout(millis(connectTimeout))
                .setConnectionRequestTimeout(millis(connectTimeout)).setSocketTimeout(millis(requestTimeout)).build();
        MlflowHttpCaller caller = new MlflowHttpCaller(credentials, 0, 0, 1,
                HttpClientBuilder.create().setDefaultRequestConfig(limits).useSystemProperties().build());
        MlflowClient client = new MlflowClient(credentials);
        try {
            Field field = MlflowClient.class.getDeclaredField("httpCaller");
            field.setAccessible(true);
            field.set(client, caller);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this version of org.mlflow:mlflow-client has no MlflowClient.httpCaller; "
                    + "Adlift is built against 2.17.2", e);
        }
        return client;
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }
}
