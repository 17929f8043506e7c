package org.quittance.platform.boundary;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.context.ResponseWriterWrapper;

import java.io.IOException;

/**
 * Writes a component's markup without a {@code role} on its list items. PrimeFaces renders each
 * message as {@code <li role="alert">}: the role takes the item out of its list, so a screen reader
 * meets a list of non-items (axe-core: "list", serious). The messages' container is a live region
 * already, so nothing is lost by dropping it. Used by both web apps' messages renderers.
 */
public final class ListItemRoles extends ResponseWriterWrapper {

    private String element;

    public ListItemRoles(ResponseWriter wrapped) {
        super(wrapped);
    }

    @Override
    public void startElement(String name, UIComponent component) throws IOException {
        element = name;
        super.startElement(name, component);
    }

    @Override
    public void writeAttribute(String name, Object value, String property) throws IOException {
        if ("li".equals(element) && "role".equals(name)) {
            return;
        }
        super.writeAttribute(name, value, property);
    }
}
