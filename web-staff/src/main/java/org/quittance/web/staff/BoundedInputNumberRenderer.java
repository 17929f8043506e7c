package org.quittance.web.staff;

import jakarta.faces.component.EditableValueHolder;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import org.primefaces.component.inputnumber.InputNumber;
import org.primefaces.component.inputnumber.InputNumberRenderer;
import org.quittance.money.Decimals;
import org.quittance.platform.boundary.DisplayFormats;

import java.io.IOException;
import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;

/**
 * PrimeFaces' number input rescales what it receives before any converter runs, and again when it
 * shows a refused value back ({@code toPlainString()} of a posted "1E-200000000" is 200 million
 * characters, in memory and then in the response). A value that is not a plain bounded number
 * skips the first step and goes to {@link MachineDecimalConverter}, which refuses it with its message; the
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

    /** The posted machine form is read as such, whatever converter the restored view has. */
    @Override
    public Object getConvertedValue(FacesContext context, UIComponent component, Object submitted) {
        if (submitted instanceof String value && BigDecimal.class.equals(getTypeFromValueExpression(context, (InputNumber) component))) {
            return new MachineDecimalConverter().getAsObject(context, component, value);
        }
        return super.getConvertedValue(context, component, submitted);
    }

    @Override
    public void encodeEnd(FacesContext context, UIComponent component) throws IOException {
        // Shown as the firm writes numbers ("1.250,50" for a German firm) by the widget, which talks to
        // the server in the machine form ("1250.5"): its value never goes through the firm's converter.
        InputNumber number = (InputNumber) component;
        if (number.getConverter() == null && BigDecimal.class.equals(getTypeFromValueExpression(context, number))) {
            number.setConverter(new MachineDecimalConverter());
        }
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(
                context.getApplication().evaluateExpressionGet(context, "#{fmt}", DisplayFormats.class).formats().locale());
        number.setDecimalSeparator(String.valueOf(symbols.getDecimalSeparator()));
        // The widget knows the ASCII apostrophe, not the typographic one of Swiss German.
        char group = symbols.getGroupingSeparator() == '\u2019' ? '\'' : symbols.getGroupingSeparator();
        number.setThousandSeparator(String.valueOf(group));
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
