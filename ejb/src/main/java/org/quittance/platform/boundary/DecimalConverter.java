package org.quittance.platform.boundary;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.application.FacesMessage;
import org.quittance.money.Decimals;
import org.quittance.platform.control.Formats;

import java.math.BigDecimal;

/**
 * Replaces Faces' own BigDecimal converter for every typed number of both web applications: read in
 * the firm's locale ("120,50" in Germany) and bounded by {@link Decimals} before anything computes
 * with it (the standard converter takes "1E+200000000"). Registered for the type in faces-config.xml
 * (which replaces the standard one; the annotation does not).
 */
public class DecimalConverter implements Converter<BigDecimal> {

    @Override
    public BigDecimal getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return formats(context).parse(value);
        } catch (IllegalArgumentException e) {
            throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage() + ".", null), e);
        }
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, BigDecimal value) {
        return value == null ? "" : formats(context).editable(value);
    }

    private static Formats formats(FacesContext context) {
        return context.getApplication().evaluateExpressionGet(context, "#{fmt}", DisplayFormats.class).formats();
    }
}
