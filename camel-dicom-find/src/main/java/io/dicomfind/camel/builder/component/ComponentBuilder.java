package io.dicomfind.camel.builder.component;

import org.apache.camel.Component;

/**
 * Camel's {@link org.apache.camel.builder.component.ComponentBuilder} under the package the generated Component DSL
 * imports it from. camel-package-maven-plugin's {@code generate-component-dsl} expects the builder types in the same
 * package as the {@code ComponentsBuilderFactory} it writes; that package must be ours, not Camel's, or the factory
 * would replace camel-componentdsl's own.
 *
 * @param <C> the component built
 */
public interface ComponentBuilder<C extends Component> extends org.apache.camel.builder.component.ComponentBuilder<C> {
}
