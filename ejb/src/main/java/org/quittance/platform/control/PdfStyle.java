package org.quittance.platform.control;

import com.lowagie.text.Chunk;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.Image;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;

import java.awt.Color;

/** The look the firm's documents share (invoices, statements): colours, type, the letterhead and table cells. */
public final class PdfStyle {

    public static final Color INK = new Color(0x1f, 0x29, 0x33);
    public static final Color MUTED = new Color(0x61, 0x6e, 0x7c);
    public static final Color RULE = new Color(0xd9, 0xdd, 0xe3);
    public static final Color BRAND = new Color(0x1f, 0x3a, 0x5f);

    public static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 20, BRAND);
    public static final Font FIRM = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 13, INK);
    public static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 9.5f, INK);
    public static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9.5f, INK);
    public static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 8, MUTED);
    public static final Font HEAD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8.5f, MUTED);
    public static final Font DUE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12, BRAND);

    private PdfStyle() {
    }

    /** The firm's logo (if it can be read), name, address and e-mail, top left of the first page. */
    public static PdfPCell letterhead(byte[] logo, String name, String address, String email) {
        PdfPCell firm = cell(Rectangle.NO_BORDER);
        if (logo != null) {
            try {
                Image image = Image.getInstance(logo);
                image.scaleToFit(140, 50);
                firm.addElement(image);
            } catch (Exception e) {
                // An unreadable logo must not stop the document: the firm's name is printed anyway.
            }
        }
        firm.addElement(new Paragraph(name, FIRM));
        if (address != null) {
            firm.addElement(new Paragraph(address, SMALL));
        }
        if (email != null) {
            firm.addElement(new Paragraph(email, SMALL));
        }
        return firm;
    }

    /** A column heading: small grey capitals over a rule. */
    public static PdfPCell headCell(String text, boolean right) {
        PdfPCell c = new PdfPCell(new Phrase(text, HEAD));
        c.setBorder(Rectangle.BOTTOM);
        c.setBorderColor(RULE);
        c.setPaddingBottom(6);
        if (right) {
            c.setHorizontalAlignment(Element.ALIGN_RIGHT);
        }
        return c;
    }

    public static PdfPCell lineCell(String text, boolean right) {
        return lineCell(text, right, BODY);
    }

    public static PdfPCell lineCell(String text, boolean right, Font font) {
        PdfPCell c = new PdfPCell(new Phrase(text, font));
        c.setBorder(Rectangle.BOTTOM);
        c.setBorderColor(RULE);
        c.setPaddingTop(5);
        c.setPaddingBottom(5);
        if (right) {
            c.setHorizontalAlignment(Element.ALIGN_RIGHT);
        }
        return c;
    }

    /** A label and its amount, right-aligned, over a rule: the totals under an invoice's lines, a statement's summary. */
    public static void totalRow(com.lowagie.text.pdf.PdfPTable table, String label, String value, Font font) {
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

    public static PdfPCell cell(int border) {
        PdfPCell c = new PdfPCell();
        c.setBorder(border);
        return c;
    }

    public static Paragraph right(Phrase phrase) {
        Paragraph p = new Paragraph(phrase);
        p.setAlignment(Element.ALIGN_RIGHT);
        return p;
    }

    /** "Date  5 December 2026": a small label before its value. */
    public static Phrase labelled(String label, String value) {
        Phrase p = new Phrase();
        p.add(new Chunk(label + "  ", SMALL));
        p.add(new Chunk(value, BOLD));
        return p;
    }
}
