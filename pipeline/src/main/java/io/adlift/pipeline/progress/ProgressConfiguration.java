package io.adlift.pipeline.progress;

import io.adlift.pipeline.definition.DefinitionException;
import java.time.Duration;
import java.util.List;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code adlift.progress}: {@code auto} (a live line when Adlift runs on a terminal, log lines
 * otherwise), {@code terminal}, {@code log} or {@code off}.
 */
@Configuration(proxyBeanMethods = false)
class ProgressConfiguration {

    @Bean
    ProgressDisplay progressDisplay(@Value("${adlift.progress:auto}") String mode,
            @Value("${adlift.progress-log-interval:PT10S}") Duration interval) {
        return switch (mode) {
            case "terminal" -> new TerminalProgress(System.err);
            case "log" -> new LogProgress(interval);
            case "off" -> new ProgressDisplay() {
                @Override
                public void update(String task, long count, String unit, double fraction) {
                }

                @Override
                public void working(String task, Duration elapsed) {
                }

                @Override
                public void finish(String task) {
                }
            };
            case "auto" -> System.console() != null ? new TerminalProgress(System.err) : new LogProgress(interval);
            default -> throw new DefinitionException(List.of("adlift.progress: unknown value '" + mode
                    + "'; allowed: [auto, terminal, log, off]"));
        };
    }

    /** Gives the steps that report no progress of their own a "working" line while they last. */
    @Bean
    static BeanPostProcessor stepHeartbeats(ObjectProvider<ProgressDisplay> display) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof AbstractStep step && StepHeartbeat.STEPS.contains(step.getName())) {
                    step.registerStepExecutionListener(new StepHeartbeat(display.getObject()));
                }
                return bean;
            }
        };
    }
}
