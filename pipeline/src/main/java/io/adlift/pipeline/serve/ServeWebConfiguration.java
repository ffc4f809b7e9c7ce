package io.adlift.pipeline.serve;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The web side of {@code adlift serve}: the pages from {@code classpath:/serve/}, the token gate, the
 * body-size limit of the JSON API. Only {@code serve} turns it on ({@value #ACTIVE}); {@code schedule} serves Actuator alone.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServeProperties.class)
@ConditionalOnBooleanProperty(ServeWebConfiguration.ACTIVE)
public class ServeWebConfiguration implements WebMvcConfigurer {

    /** Set by the {@code serve} command line only. */
    public static final String ACTIVE = "adlift.serve.active";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/ui/**").addResourceLocations("classpath:/serve/");
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/").setViewName("forward:/ui/index.html");
        registry.addViewController("/designer").setViewName("forward:/ui/designer.html");
    }

    /** First of all filters: nothing may read a body before the token is checked. */
    @Bean
    FilterRegistrationBean<TokenGate> tokenGate(ServeProperties properties) {
        FilterRegistrationBean<TokenGate> registration = new FilterRegistrationBean<>(new TokenGate(properties));
        registration.addUrlPatterns("/*");
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeLimit> bodySizeLimit(ServeProperties properties) {
        FilterRegistrationBean<BodySizeLimit> registration = new FilterRegistrationBean<>(
                new BodySizeLimit(properties.maxBodySize().toBytes()));
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
