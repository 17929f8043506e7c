package org.quittance.billing.control;

import org.quittance.platform.control.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.quittance.billing.entity.Invoice;
import org.quittance.billing.entity.InvoiceLine;
import org.quittance.billing.entity.LineKind;
import org.quittance.firm.entity.Firm;
import org.quittance.platform.control.Formats;

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
        String replacesNumber, String portalLink, String watermark, String locale) {

    /** A document in British English, the formats Quittance wrote before firms chose theirs. */
    public InvoiceDocument(String firmName, String firmAddress, String firmEmail, byte[] firmLogo, String paymentInstructions,
                           String clientName, String clientAddress, String matterNumber, String matterTitle,
                           String number, LocalDate issueDate, LocalDate dueDate, String currency, List<Line> lines,
                           BigDecimal fees, BigDecimal expenses, BigDecimal subtotal, BigDecimal discountPercent, BigDecimal discount,
                           String taxLabel, BigDecimal taxRatePercent, BigDecimal tax, BigDecimal total, BigDecimal balanceDue,
                           String replacesNumber, String portalLink, String watermark) {
        this(firmName, firmAddress, firmEmail, firmLogo, paymentInstructions, clientName, clientAddress, matterNumber, matterTitle,
                number, issueDate, dueDate, currency, lines, fees, expenses, subtotal, discountPercent, discount, taxLabel,
                taxRatePercent, tax, total, balanceDue, replacesNumber, portalLink, watermark, Formats.DEFAULT.tag());
    }

    /** How this document writes amounts and dates: the firm's formats when it was made. */
    public Formats formats() {
        return Formats.of(locale);
    }

    public record Line(LineKind kind, LocalDate date, String description, BigDecimal quantity, BigDecimal unitPrice,
                       BigDecimal amount) {
    }

    /** A line under the invoice lines: fees, discount, expenses, tax, the total. */
    public record Total(String label, BigDecimal amount, boolean grand) {
    }

    /** @param watermark "DRAFT" or "PREVIEW" for staff previews, null for the published document */
    public static InvoiceDocument of(Invoice invoice, Firm firm, String portalLink, String watermark) {
        List<Line> lines = invoice.lines().stream()
                .map(l -> new Line(l.kind(), l.workDate(), l.description(), l.quantity(), l.unitPrice().amount(), l.amount().amount()))
                .toList();
        // Summed from the currency's zero, so that no fees or no expenses still read 0.00.
        BigDecimal zero = org.quittance.money.Money.zero(invoice.currency()).amount();
        BigDecimal fees = lines.stream().filter(l -> l.kind().isFee()).map(Line::amount).reduce(zero, BigDecimal::add);
        BigDecimal expenses = lines.stream().filter(l -> !l.kind().isFee()).map(Line::amount).reduce(zero, BigDecimal::add);
        var matter = invoice.matter();
        return new InvoiceDocument(
                firm.name(), firm.address(), firm.email(), firm.logo(), firm.paymentInstructions(),
                matter.client().name(), matter.client().address(), matter.number(), matter.title(),
                invoice.number(), invoice.issueDate(), invoice.dueDate(), invoice.currency(),
                lines, fees, expenses, invoice.subtotal().amount(),
                invoice.discountPercent(), invoice.discount().amount(),
                invoice.taxLabel(), invoice.taxRatePercent(), invoice.tax().amount(),
                invoice.total().amount(), invoice.balanceDue().amount(),
                invoice.replaces() == null ? null : invoice.replaces().number(), portalLink, watermark, firm.locale());
    }

    /** The totals as the PDF and the portal's invoice page list them, in this order. */
    public List<Total> totals() {
        List<Total> totals = new java.util.ArrayList<>();
        totals.add(new Total("Fees", fees, false));
        if (discount.signum() != 0) {
            totals.add(new Total("Discount (" + percent(discountPercent) + " of fees)", discount.negate(), false));
        }
        totals.add(new Total("Expenses", expenses, false));
        totals.add(new Total(taxLabel + " (" + percent(taxRatePercent) + ")", tax, false));
        totals.add(new Total("Total", total, true));
        return totals;
    }

    public static String percent(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString() + " %";
    }

    /** The published snapshot read back (the logo and watermark are not in it). */
    public static InvoiceDocument fromJson(JsonObject json) {
        List<Line> lines = json.getJsonArray("lines").getValuesAs(JsonObject.class).stream()
                .map(l -> new Line(LineKind.valueOf(l.getString("kind")), l.containsKey("date") ? LocalDate.parse(l.getString("date")) : null,
                        l.getString("description"), decimal(l, "quantity"), decimal(l, "unitPrice"), decimal(l, "amount")))
                .toList();
        JsonObject firm = json.getJsonObject("firm");
        JsonObject client = json.getJsonObject("client");
        JsonObject matter = json.getJsonObject("matter");
        return new InvoiceDocument(firm.getString("name"), blankToNull(firm.getString("address", "")), blankToNull(firm.getString("email", "")),
                null, blankToNull(json.getString("paymentInstructions", "")),
                client.getString("name"), blankToNull(client.getString("address", "")), matter.getString("number"), matter.getString("title"),
                json.getString("number"), LocalDate.parse(json.getString("issueDate")), LocalDate.parse(json.getString("dueDate")),
                json.getString("currency"), lines, decimal(json, "fees"), decimal(json, "expenses"), decimal(json, "subtotal"),
                decimal(json, "discountPercent"), decimal(json, "discount"), json.getString("taxLabel"), decimal(json, "taxRatePercent"),
                decimal(json, "tax"), decimal(json, "total"), decimal(json, "balanceDue"), json.getString("replaces", null),
                blankToNull(json.getString("portalLink", "")), null, json.getString("locale", Formats.DEFAULT.tag()));
    }

    /** An amount of this invoice as a screen shows it, in the document's formats: "GBP 1,969.50". */
    public String money(BigDecimal amount) {
        return formats().money(org.quittance.money.Money.of(amount, currency));
    }

    private static BigDecimal decimal(JsonObject json, String key) {
        return json.getJsonNumber(key).bigDecimalValue();
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** The snapshot kept with the published version (the logo stays in the PDF only). */
    public JsonObject toJson() {
        JsonArrayBuilder lineArray = Jsons.array();
        for (Line l : lines) {
            JsonObjectBuilder line = Jsons.object()
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
        JsonObjectBuilder json = Jsons.object()
                .add("firm", Jsons.object().add("name", firmName).add("address", nz(firmAddress)).add("email", nz(firmEmail)))
                .add("client", Jsons.object().add("name", clientName).add("address", nz(clientAddress)))
                .add("matter", Jsons.object().add("number", matterNumber).add("title", matterTitle))
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
                .add("portalLink", nz(portalLink))
                .add("locale", locale == null ? Formats.DEFAULT.tag() : locale);
        if (replacesNumber != null) {
            json.add("replaces", replacesNumber);
        }
        return json.build();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
