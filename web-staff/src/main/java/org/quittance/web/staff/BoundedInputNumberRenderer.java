package org.quittance.web.staff;

import jakarta.faces.component.EditableValueHolder;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import org.primefaces.component.inputnumber.InputNumberRenderer;
import org.quittance.money.Decimals;

import java.io.IOException;

/**
 * PrimeFaces' number input rescales what it receives before any converter runs, and again when it
 * shows a refused value back ({@code toPlainString()} of a posted "1E-200000000" is 200 million
 * characters, in memory and then in the response). A value that is not a plain bounded number
 * skips the first step and goes to {@link org.quittance.platform.boundary.DecimalConverter}, which refuses it with its message; the
 * field is then shown empty instead of echoing it.
 */
public class BoundedInputNumberRenderer extends InputNumberRenderer {

    @Override
    public void decode(FacesContext context, UIComponent component) {
        String posted = context.getExternalContext().getRequestParameterMap().get(component.getClientId(context) + "_hinput");
        if (posted != null && !posted.isBlank() && !plain(posted)) {
            ((EditableValueHolder) component).setSubmittedValue(posted);
            return;
        }
        super.decode(context, component);
    }

    @Override
    public void encodeEnd(FacesContext context, UIComponent component) throws IOException {
        EditableValueHolder input = (EditableValueHolder) component;
        if (input.getSubmittedValue() instanceof String submitted && !submitted.isBlank() && !plain(submitted)) {
            input.setSubmittedValue(null);
        }
        super.encodeEnd(context, component);
    }

    /** What the widget itself posts: digits and a point, no grouping, within bounds. */
    private static boolean plain(String value) {
        return value.indexOf(',') < 0 && Decimals.isPlain(value);
    }
}
