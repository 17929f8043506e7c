package org.quittance.web.portal;

import jakarta.faces.component.FacesComponent;
import jakarta.faces.component.UIComponentBase;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;

import java.io.IOException;
import java.util.List;

/**
 * The Open tab's rows, written in one pass through the page's writer (which escapes every value):
 * the busiest page draws a client's open invoices at every visit, and as a {@code ui:repeat} each row
 * cost some fourteen expressions, each resolved through the EL resolvers and Weld's wrapper.
 */
@FacesComponent(value = "quittance.OpenRows", createTag = true, tagName = "openRows", namespace = "quittance")
public class OpenRows extends UIComponentBase {

    @Override
    public String getFamily() {
        return "quittance";
    }

    @Override
    public void encodeEnd(FacesContext context) throws IOException {
        @SuppressWarnings("unchecked")
        List<InvoicesView.Line> lines = (List<InvoicesView.Line>) getValueExpression("value").getValue(context.getELContext());
        ResponseWriter out = context.getResponseWriter();
        for (InvoicesView.Line i : lines) {
            String id = String.valueOf(i.id());
            out.startElement("tr", this);
            cell(out, "q-select", "Select");
            out.startElement("input", this);
            out.writeAttribute("type", "checkbox", null);
            out.writeAttribute("name", "invoices", null);
            out.writeAttribute("value", id, null);
            out.writeAttribute("id", "select-" + id, null);
            out.writeAttribute("aria-label", "Select invoice " + i.number() + " to pay", null);
            out.endElement("input");
            out.endElement("td");
            cell(out, "q-nowrap", "Invoice");
            out.startElement("a", this);
            out.writeAttribute("href", "invoice.xhtml?id=" + id, null);
            out.writeText(i.number(), null);
            out.endElement("a");
            out.endElement("td");
            text(out, null, "Matter", i.matter());
            text(out, "q-nowrap", "Date", i.issued());
            text(out, "q-nowrap", "Due", i.due());
            text(out, "q-amount", "Amount", i.total());
            text(out, "q-amount", "Balance", i.balance());
            cell(out, null, "Status");
            out.startElement("span", this);
            out.writeAttribute("class", "q-status q-status-" + i.tone(), null);
            out.writeText(i.status(), null);
            out.endElement("span");
            out.endElement("td");
            cell(out, "q-nowrap", "Pay");
            out.startElement("a", this);
            out.writeAttribute("href", "pay.xhtml?invoices=" + id, null);
            out.writeAttribute("id", "pay-" + id, null);
            out.writeText("Pay now", null);
            out.startElement("span", this);
            out.writeAttribute("class", "q-sr", null);
            out.writeText(" " + i.number(), null);
            out.endElement("span");
            out.endElement("a");
            out.endElement("td");
            out.endElement("tr");
        }
    }

    private void cell(ResponseWriter out, String styleClass, String label) throws IOException {
        out.startElement("td", this);
        if (styleClass != null) {
            out.writeAttribute("class", styleClass, null);
        }
        out.writeAttribute("data-label", label, null);
    }

    private void text(ResponseWriter out, String styleClass, String label, String value) throws IOException {
        cell(out, styleClass, label);
        out.writeText(value, null);
        out.endElement("td");
    }
}
