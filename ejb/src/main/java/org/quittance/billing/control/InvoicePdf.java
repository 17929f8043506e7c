package org.quittance.billing.control;

import com.lowagie.text.*;
import com.lowagie.text.pdf.*;

import java.awt.Color;
import java.io.ByteArrayOutputStream;

/** Draws an invoice as an A4 PDF with OpenPDF: firm header and logo, client, matter, lines, totals, how to pay. */
public final class InvoicePdf {

    private static final Color INK = new Color(0x1f, 0x29, 0x33);
    private static final Color MUTED = new Color(0x61, 0x6e, 0x7c);
    private static final Color RULE = new Color(0xd9, 0xdd, 0xe3);
    private static final Color BRAND = new Color(0x1f, 0x3a, 0x5f);

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 20, BRAND);
    private static final Font FIRM = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 13, INK);
    private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 9.5f, INK);
    private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9.5f, INK);
    private static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 8, MUTED);
    private static final Font HEAD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8.5f, MUTED);
    private static final Font DUE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12, BRAND);

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
        PdfPCell firm = cell(Rectangle.NO_BORDER);
        if (doc.firmLogo() != null) {
            try {
                Image logo = Image.getInstance(doc.firmLogo());
                logo.scaleToFit(140, 50);
                firm.addElement(logo);
            } catch (Exception e) {
                // An unreadable logo must not stop the invoice: the firm's name is printed anyway.
            }
        }
        firm.addElement(new Paragraph(doc.firmName(), FIRM));
        if (doc.firmAddress() != null) {
            firm.addElement(new Paragraph(doc.firmAddress(), SMALL));
        }
        if (doc.firmEmail() != null) {
            firm.addElement(new Paragraph(doc.firmEmail(), SMALL));
        }
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
            PdfPCell c = new PdfPCell(new Phrase(h, HEAD));
            c.setBorder(Rectangle.BOTTOM);
            c.setBorderColor(RULE);
            c.setPaddingBottom(6);
            if (!h.equals("Description") && !h.equals("Date")) {
                c.setHorizontalAlignment(Element.ALIGN_RIGHT);
            }
            table.addCell(c);
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
            total(table, t.grand() ? t.label() + " " + doc.currency() : t.label(), doc.formats().amount(t.amount()), t.grand() ? BOLD : BODY);
        }
        total(table, "Balance due " + doc.currency(), doc.formats().amount(doc.balanceDue()), DUE);
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

    private static void total(PdfPTable table, String label, String value, Font font) {
        PdfPCell l = new PdfPCell(new Phrase(label, font));
        l.setBorder(Rectangle.TOP);
        l.setBorderColor(RULE);
        l.setPadding(4);
        table.addCell(l);
        PdfPCell v = new PdfPCell(new Phrase(value, font));
        v.setBorder(Rectangle.TOP);
        v.setBorderColor(RULE);
        v.setPadding(4);
        v.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.addCell(v);
    }

    private static PdfPCell lineCell(String text, boolean right) {
        PdfPCell c = new PdfPCell(new Phrase(text, BODY));
        c.setBorder(Rectangle.BOTTOM);
        c.setBorderColor(RULE);
        c.setPaddingTop(5);
        c.setPaddingBottom(5);
        if (right) {
            c.setHorizontalAlignment(Element.ALIGN_RIGHT);
        }
        return c;
    }

    private static PdfPCell cell(int border) {
        PdfPCell c = new PdfPCell();
        c.setBorder(border);
        return c;
    }

    private static Paragraph right(Phrase phrase) {
        Paragraph p = new Paragraph(phrase);
        p.setAlignment(Element.ALIGN_RIGHT);
        return p;
    }

    private static Phrase labelled(String label, String value) {
        Phrase p = new Phrase();
        p.add(new Chunk(label + "  ", SMALL));
        p.add(new Chunk(value, BOLD));
        return p;
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
