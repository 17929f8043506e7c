package org.quittance.web.staff;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import org.quittance.clients.boundary.ClientSearch;

import java.util.Optional;

/**
 * A picker's choice travels as its id: {@code clientPick} and {@code matterPick} turn it back into
 * the client or matter it names, refusing an id that is not one.
 */
public abstract class PickConverter implements Converter<ClientSearch.Pick> {

    @EJB
    ClientSearch search;

    abstract Optional<ClientSearch.Pick> find(long id);

    abstract String what();

    @Override
    public ClientSearch.Pick getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.matches("\\d{1,18}")) {
            throw refused();
        }
        return find(Long.parseLong(value)).orElseThrow(this::refused);
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, ClientSearch.Pick value) {
        return value == null ? "" : String.valueOf(value.id());
    }

    private ConverterException refused() {
        return new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, "Choose a " + what() + " from the list.", null));
    }

    @Dependent  // a bean of its own: the staff application discovers annotated beans only
    @FacesConverter(value = "clientPick", managed = true)
    public static class Clients extends PickConverter {
        @Override
        Optional<ClientSearch.Pick> find(long id) {
            return search.client(id);
        }

        @Override
        String what() {
            return "client";
        }
    }

    @Dependent
    @FacesConverter(value = "matterPick", managed = true)
    public static class Matters extends PickConverter {
        @Override
        Optional<ClientSearch.Pick> find(long id) {
            return search.matter(id);
        }

        @Override
        String what() {
            return "matter";
        }
    }
}
