package io.dicomfind.camel.springboot;

import io.dicomfind.camel.DicomFindComponent;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Configures the {@code dicomfind} component from {@code camel.component.dicomfind.*}, as Camel's own starters
 * configure theirs: a {@link ComponentCustomizer} copies every property that is set onto the component through its
 * generated configurer when Camel creates it. {@code camel.component.dicomfind.enabled=false} (or
 * {@code camel.component.enabled=false}) turns it off, {@code camel.component.dicomfind.customizer.enabled=false} keeps
 * the component but not the properties.
 */
@AutoConfiguration(after = {CamelAutoConfiguration.class, DicomFindComponentConverter.class})
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ComponentConfigurationProperties.class, DicomFindComponentConfiguration.class})
@ConditionalOnHierarchicalProperties({"camel.component", "camel.component.dicomfind"})
public class DicomFindComponentAutoConfiguration {

    private final ApplicationContext applicationContext;
    private final DicomFindComponentConfiguration configuration;

    public DicomFindComponentAutoConfiguration(ApplicationContext applicationContext,
            DicomFindComponentConfiguration configuration) {
        this.applicationContext = applicationContext;
        this.configuration = configuration;
    }

    @Lazy
    @Bean
    public ComponentCustomizer configureDicomFindComponent() {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelPropertiesHelper.copyProperties(target.getCamelContext(), configuration, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                        "camel.component.dicomfind.customizer") && target instanceof DicomFindComponent;
            }
        };
    }
}
