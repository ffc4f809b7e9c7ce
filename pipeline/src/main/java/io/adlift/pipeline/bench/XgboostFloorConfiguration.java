package io.adlift.pipeline.bench;

import io.adlift.pipeline.definition.StrategyRegistry;
import io.adlift.steps.train.Trainer;
import io.adlift.steps.train.XgboostTrainer;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With {@code --adlift.bench.xgboost-floor=true}, the trainers measure XGBoost alone on the very matrix,
 * labels and parameters of the run's first training ({@link FloorMeasuringTrainer}), so the benchmark
 * gets the train step's floor from the same run. A hidden switch, for {@code bench/run} only.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "adlift.bench.xgboost-floor", havingValue = "true")
class XgboostFloorConfiguration {

    @Bean
    static BeanPostProcessor xgboostFloorTrainers() {
        return new BeanPostProcessor() {
            @Override
            @SuppressWarnings("unchecked")
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!"trainers".equals(name) || !(bean instanceof StrategyRegistry<?>)) {
                    return bean;
                }
                StrategyRegistry<Trainer> trainers = (StrategyRegistry<Trainer>) bean;
                return new StrategyRegistry<>("trainer", trainers.names().stream().map(trainers::get)
                        .map(t -> t instanceof XgboostTrainer x ? new FloorMeasuringTrainer(x) : t).toList(), Trainer::name);
            }
        };
    }
}
