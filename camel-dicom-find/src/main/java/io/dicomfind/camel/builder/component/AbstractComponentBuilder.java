package io.dicomfind.camel.builder.component;

import org.apache.camel.Component;

/**
 * Camel's {@link org.apache.camel.builder.component.AbstractComponentBuilder} under the package the generated
 * Component DSL imports it from (see {@link ComponentBuilder} for why).
 *
 * @param <C> the component built
 */
public abstract class AbstractComponentBuilder<C extends Component>
        extends org.apache.camel.builder.component.AbstractComponentBuilder<C> {
}
