package org.quittance.payments.control;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.quittance.money.Money;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;

/** The receipt a client downloads for a card payment: who paid what, on which invoices, with which card. */
public final class ReceiptPdf {

    /**
     * @param held   what the firm holds of the payment now, when less than the amount (refunded, or
     *               withdrawn by a dispute); null when it holds all of it
     * @param status the payment's state in the client's words ("Partly refunded", "Under dispute")
     */
    public record Receipt(String firmName, String firmAddress, String clientName, String payer, String reference,
                          String processorReference, OffsetDateTime paidAt, Money amount, String card, Map<String, Money> invoices,
                          Money held, String status) {
    }

    private static final Font TITLE = new Font(Font.HELVETICA, 18, Font.BOLD, new Color(0x1f, 0x3a, 0x5f));
    private static final Font BODY = new Font(Font.HELVETICA, 10);
    private static final Font BOLD = new Font(Font.HELVETICA, 10, Font.BOLD);
    private static final Font SMALL = new Font(Font.HELVETICA, 8, Font.NORMAL, Color.DARK_GRAY);

    private ReceiptPdf() {
    }

    /** In British English, as before firms chose their formats. */
    public static byte[] render(Receipt r) {
        return render(r, org.quittance.platform.control.Formats.DEFAULT);
    }

    /** The receipt with its amounts and date in the firm's formats. */
    public static byte[] render(Receipt r, org.quittance.platform.control.Formats formats) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 56, 56, 56, 56);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("Payment receipt " + r.reference());
            document.addCreator("Quittance");
            document.open();
            document.add(new Paragraph(r.firmName(), BOLD));
            if (r.firmAddress() != null) {
                document.add(new Paragraph(r.firmAddress(), BODY));
            }
            // A receipt never claims more than the firm holds: money given back is on it, with its state.
            Paragraph title = new Paragraph(r.held() == null ? "Payment receipt" : "Payment receipt — " + r.status().toLowerCase(Locale.UK), TITLE);
            title.setSpacingBefore(24);
            title.setSpacingAfter(12);
            document.add(title);

            PdfPTable facts = new PdfPTable(new float[]{1.2f, 3f});
            facts.setWidthPercentage(100);
            fact(facts, "Received from", r.clientName() + (r.payer() == null ? "" : " (" + r.payer() + ")"));
            fact(facts, "Date", formats.longDate(r.paidAt().toLocalDate()));
            fact(facts, "Amount", formats.money(r.amount()));
            fact(facts, "Paid by", r.card() == null ? "Card" : r.card());
            fact(facts, "Receipt reference", r.reference());
            fact(facts, "Processor reference", r.processorReference());
            if (r.held() != null) {
                fact(facts, "Status", r.status());
                fact(facts, "Given back", formats.money(r.amount().minus(r.held())));
                fact(facts, "Held by the firm", formats.money(r.held()));
            }
            document.add(facts);

            Paragraph applied = new Paragraph("Applied to", BOLD);
            applied.setSpacingBefore(18);
            applied.setSpacingAfter(6);
            document.add(applied);
            PdfPTable lines = new PdfPTable(new float[]{3f, 1.2f});
            lines.setWidthPercentage(100);
            header(lines, "Invoice", Element.ALIGN_LEFT);
            header(lines, "Amount", Element.ALIGN_RIGHT);
            r.invoices().forEach((number, amount) -> {
                cell(lines, number, Element.ALIGN_LEFT, BODY);
                cell(lines, formats.money(amount), Element.ALIGN_RIGHT, BODY);
            });
            cell(lines, "Total", Element.ALIGN_LEFT, BOLD);
            cell(lines, formats.money(r.amount()), Element.ALIGN_RIGHT, BOLD);
            document.add(lines);

            Paragraph note = new Paragraph("The card was charged by the firm's payment processor. No card details are held by "
                    + r.firmName() + ". Keep this receipt for your records.", SMALL);
            note.setSpacingBefore(24);
            document.add(note);
        } catch (DocumentException e) {
            throw new IllegalStateException("The receipt could not be drawn", e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    private static void fact(PdfPTable table, String label, String value) {
        cell(table, label, Element.ALIGN_LEFT, BOLD);
        cell(table, value == null ? "" : value, Element.ALIGN_LEFT, BODY);
    }

    private static void header(PdfPTable table, String text, int align) {
        PdfPCell cell = new PdfPCell(new Phrase(text, BOLD));
        cell.setHorizontalAlignment(align);
        cell.setBorder(PdfPCell.BOTTOM);
        cell.setPaddingBottom(5);
        table.addCell(cell);
    }

    private static void cell(PdfPTable table, String text, int align, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setHorizontalAlignment(align);
        cell.setBorder(PdfPCell.NO_BORDER);
        cell.setPadding(4);
        table.addCell(cell);
    }
}
