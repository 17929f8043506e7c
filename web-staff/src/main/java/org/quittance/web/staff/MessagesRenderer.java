package org.quittance.web.staff;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import org.quittance.platform.boundary.ListItemRoles;

import java.io.IOException;

/** PrimeFaces' messages, their items kept as list items (see {@link ListItemRoles}). */
public class MessagesRenderer extends org.primefaces.component.messages.MessagesRenderer {

    @Override
    public void encodeEnd(FacesContext context, UIComponent component) throws IOException {
        ResponseWriter original = context.getResponseWriter();
        context.setResponseWriter(new ListItemRoles(original));
        try {
            super.encodeEnd(context, component);
        } finally {
            context.setResponseWriter(original);
        }
    }
}
