package org.quittance.web.staff;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import org.quittance.money.Decimals;

import java.math.BigDecimal;

/**
 * The number widget's own converter: the widget shows the firm's format but sends and expects the
 * machine form ("1250.5"), which the firm's converter would read as a German reads it. Bounded by
 * {@link Decimals} all the same. Set by {@link BoundedInputNumberRenderer}.
 */
public class MachineDecimalConverter implements Converter<BigDecimal> {

    @Override
    public BigDecimal getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Decimals.parse(value);
        } catch (IllegalArgumentException e) {
            throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage() + ".", null), e);
        }
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
