package org.quittance.billing.control;

import com.lowagie.text.*;
import com.lowagie.text.pdf.*;

import static org.quittance.platform.control.PdfStyle.*;
import java.io.ByteArrayOutputStream;

/** Draws an invoice as an A4 PDF with OpenPDF: firm header and logo, client, matter, lines, totals, how to pay. */
public final class InvoicePdf {

    private InvoicePdf() {
    }

    public static byte[] render(InvoiceDocument doc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        Document pdf = new Document(PageSize.A4, 48, 48, 48, 60);
        PdfWriter writer = PdfWriter.getInstance(pdf, out);
        writer.setPageEvent(new Footer(doc));
        pdf.addTitle("Invoice " + (doc.number() == null ? "(draft)" : doc.number()) + " — " + doc.firmName());
        pdf.addAuthor(doc.firmName());
        pdf.addCreator("Quittance");
        pdf.open();
        try {
            header(pdf, doc);
            parties(pdf, doc);
            lines(pdf, doc);
            totals(pdf, doc);
            payment(pdf, doc);
        } catch (DocumentException e) {
            throw new IllegalStateException("Cannot draw invoice " + doc.number(), e);
        }
        pdf.close();
        return out.toByteArray();
    }

    private static void header(Document pdf, InvoiceDocument doc) throws DocumentException {
        PdfPTable table = new PdfPTable(new float[]{3, 2});
        table.setWidthPercentage(100);
        PdfPCell firm = letterhead(doc.firmLogo(), doc.firmName(), doc.firmAddress(), doc.firmEmail());
        table.addCell(firm);
        PdfPCell title = cell(Rectangle.NO_BORDER);
        Paragraph heading = new Paragraph(doc.watermark() == null ? "INVOICE" : "INVOICE — " + doc.watermark(), TITLE);
        heading.setAlignment(Element.ALIGN_RIGHT);
        title.addElement(heading);
        title.addElement(right(labelled("Number", doc.number() == null ? "assigned when final" : doc.number())));
        if (doc.issueDate() != null) {
            title.addElement(right(labelled("Date", doc.formats().longDate(doc.issueDate()))));
            title.addElement(right(labelled("Due", doc.formats().longDate(doc.dueDate()))));
        }
        if (doc.replacesNumber() != null) {
            title.addElement(right(new Phrase("Replaces invoice " + doc.replacesNumber(), SMALL)));
        }
        table.addCell(title);
        pdf.add(table);
    }

    private static void parties(Document pdf, InvoiceDocument doc) throws DocumentException {
        PdfPTable table = new PdfPTable(new float[]{1, 1});
        table.setWidthPercentage(100);
        table.setSpacingBefore(24);
        PdfPCell client = cell(Rectangle.NO_BORDER);
        client.addElement(new Paragraph("BILL TO", HEAD));
        client.addElement(new Paragraph(doc.clientName(), BOLD));
        if (doc.clientAddress() != null) {
            client.addElement(new Paragraph(doc.clientAddress(), BODY));
        }
        table.addCell(client);
        PdfPCell matter = cell(Rectangle.NO_BORDER);
        matter.addElement(new Paragraph("MATTER", HEAD));
        matter.addElement(new Paragraph(doc.matterNumber() + " — " + doc.matterTitle(), BODY));
        table.addCell(matter);
        pdf.add(table);
    }

    private static void lines(Document pdf, InvoiceDocument doc) throws DocumentException {
        PdfPTable table = new PdfPTable(new float[]{1.3f, 5, 1, 1.4f, 1.5f});
        table.setWidthPercentage(100);
        table.setSpacingBefore(20);
        table.setHeaderRows(1);
        for (String h : new String[]{"Date", "Description", "Qty / hrs", "Rate", "Amount"}) {
            table.addCell(headCell(h, !h.equals("Description") && !h.equals("Date")));
        }
        for (InvoiceDocument.Line line : doc.lines()) {
            table.addCell(lineCell(doc.formats().date(line.date()), false));
            table.addCell(lineCell(line.description(), false));
            table.addCell(lineCell(doc.formats().quantity(line.quantity()), true));
            table.addCell(lineCell(doc.formats().amount(line.unitPrice()), true));
            table.addCell(lineCell(doc.formats().amount(line.amount()), true));
        }
        pdf.add(table);
    }

    private static void totals(Document pdf, InvoiceDocument doc) throws DocumentException {
        PdfPTable table = new PdfPTable(new float[]{4, 1.6f});
        table.setWidthPercentage(50);
        table.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.setSpacingBefore(12);
        for (InvoiceDocument.Total t : doc.totals()) {
            // The PDF's figures carry no currency: the grand total's label names it.
            totalRow(table, t.grand() ? t.label() + " " + doc.currency() : t.label(), doc.formats().amount(t.amount()), t.grand() ? BOLD : BODY);
        }
        totalRow(table, "Balance due " + doc.currency(), doc.formats().amount(doc.balanceDue()), DUE);
        pdf.add(table);
    }

    private static void payment(Document pdf, InvoiceDocument doc) throws DocumentException {
        Paragraph heading = new Paragraph("HOW TO PAY", HEAD);
        heading.setSpacingBefore(28);
        pdf.add(heading);
        if (doc.portalLink() != null) {
            Paragraph portal = new Paragraph();
            portal.add(new Chunk("Pay online by card in your client portal: ", BODY));
            Chunk link = new Chunk(doc.portalLink(), FontFactory.getFont(FontFactory.HELVETICA, 9.5f, Font.UNDERLINE, BRAND));
            link.setAnchor(doc.portalLink());
            portal.add(link);
            pdf.add(portal);
        }
        if (doc.paymentInstructions() != null && !doc.paymentInstructions().isBlank()) {
            pdf.add(new Paragraph(doc.paymentInstructions(), BODY));
        }
        pdf.add(new Paragraph("Please quote invoice " + (doc.number() == null ? "number" : doc.number())
                + " with your payment. Payment is due by " + (doc.dueDate() == null ? "the due date" : doc.formats().longDate(doc.dueDate())) + ".", SMALL));
    }

    /** Page numbers and the firm's name at the foot of every page. */
    private static final class Footer extends PdfPageEventHelper {
        private final InvoiceDocument doc;

        Footer(InvoiceDocument doc) {
            this.doc = doc;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            String text = doc.firmName() + " · Invoice " + (doc.number() == null ? "(draft)" : doc.number())
                    + " · page " + writer.getPageNumber();
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_CENTER, new Phrase(text, SMALL),
                    (document.left() + document.right()) / 2, document.bottom() - 24, 0);
        }
    }
}
