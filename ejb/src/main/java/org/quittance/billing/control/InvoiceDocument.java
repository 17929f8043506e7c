package org.quittance.billing.control;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.quittance.billing.entity.Invoice;
import org.quittance.billing.entity.InvoiceLine;
import org.quittance.billing.entity.LineKind;
import org.quittance.firm.entity.Firm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything an invoice shows, frozen: what the PDF is drawn from and what the published version
 * keeps as its snapshot. Amounts are plain decimals in {@link #currency}.
 */
public record InvoiceDocument(
        String firmName, String firmAddress, String firmEmail, byte[] firmLogo, String paymentInstructions,
        String clientName, String clientAddress, String matterNumber, String matterTitle,
        String number, LocalDate issueDate, LocalDate dueDate, String currency,
        List<Line> lines,
        BigDecimal fees, BigDecimal expenses, BigDecimal subtotal,
        BigDecimal discountPercent, BigDecimal discount,
        String taxLabel, BigDecimal taxRatePercent, BigDecimal tax,
        BigDecimal total, BigDecimal balanceDue,
        String replacesNumber, String portalLink, String watermark) {

    public record Line(LineKind kind, LocalDate date, String description, BigDecimal quantity, BigDecimal unitPrice,
                       BigDecimal amount) {
    }

    /** @param watermark "DRAFT" or "PREVIEW" for staff previews, null for the published document */
    public static InvoiceDocument of(Invoice invoice, Firm firm, String portalLink, String watermark) {
        List<Line> lines = invoice.lines().stream()
                .map(l -> new Line(l.kind(), l.workDate(), l.description(), l.quantity(), l.unitPrice().amount(), l.amount().amount()))
                .toList();
        BigDecimal fees = lines.stream().filter(l -> l.kind().isFee()).map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal expenses = lines.stream().filter(l -> !l.kind().isFee()).map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        var matter = invoice.matter();
        return new InvoiceDocument(
                firm.name(), firm.address(), firm.email(), firm.logo(), firm.paymentInstructions(),
                matter.client().name(), matter.client().address(), matter.number(), matter.title(),
                invoice.number(), invoice.issueDate(), invoice.dueDate(), invoice.currency(),
                lines, fees, expenses, invoice.subtotal().amount(),
                invoice.discountPercent(), invoice.discount().amount(),
                invoice.taxLabel(), invoice.taxRatePercent(), invoice.tax().amount(),
                invoice.total().amount(), invoice.balanceDue().amount(),
                invoice.replaces() == null ? null : invoice.replaces().number(), portalLink, watermark);
    }

    /** The snapshot kept with the published version (the logo stays in the PDF only). */
    public JsonObject toJson() {
        JsonArrayBuilder lineArray = Json.createArrayBuilder();
        for (Line l : lines) {
            JsonObjectBuilder line = Json.createObjectBuilder()
                    .add("kind", l.kind().name())
                    .add("description", l.description())
                    .add("quantity", l.quantity())
                    .add("unitPrice", l.unitPrice())
                    .add("amount", l.amount());
            if (l.date() != null) {
                line.add("date", l.date().toString());
            }
            lineArray.add(line);
        }
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("firm", Json.createObjectBuilder().add("name", firmName).add("address", nz(firmAddress)).add("email", nz(firmEmail)))
                .add("client", Json.createObjectBuilder().add("name", clientName).add("address", nz(clientAddress)))
                .add("matter", Json.createObjectBuilder().add("number", matterNumber).add("title", matterTitle))
                .add("number", number)
                .add("issueDate", issueDate.toString())
                .add("dueDate", dueDate.toString())
                .add("currency", currency)
                .add("lines", lineArray)
                .add("fees", fees)
                .add("expenses", expenses)
                .add("subtotal", subtotal)
                .add("discountPercent", discountPercent)
                .add("discount", discount)
                .add("taxLabel", taxLabel)
                .add("taxRatePercent", taxRatePercent)
                .add("tax", tax)
                .add("total", total)
                .add("balanceDue", balanceDue)
                .add("paymentInstructions", nz(paymentInstructions))
                .add("portalLink", nz(portalLink));
        if (replacesNumber != null) {
            json.add("replaces", replacesNumber);
        }
        return json.build();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
