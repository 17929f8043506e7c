package org.quittance.ledger.control;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import org.quittance.ledger.entity.StatementHeading;
import org.quittance.money.Money;
import org.quittance.platform.control.Formats;

import java.io.ByteArrayOutputStream;

import static org.quittance.platform.control.PdfStyle.*;

/**
 * A statement of account as an A4 PDF, in the look of the invoices: per currency the summary (balance
 * brought forward, movements, closing balance), the entries with their running balance, and the aging
 * of what is open at the end of the period.
 */
public final class StatementPdf {

    private StatementPdf() {
    }

    public static byte[] render(Statement s, Formats formats, byte[] logo, String firmAddress) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        Document pdf = new Document(PageSize.A4, 48, 48, 48, 60);
        PdfWriter writer = PdfWriter.getInstance(pdf, out);
        String period = formats.longDate(s.from()) + " to " + formats.longDate(s.to());
        writer.setPageEvent(new PdfPageEventHelper() {
            @Override
            public void onEndPage(PdfWriter w, Document d) {
                ColumnText.showTextAligned(w.getDirectContent(), Element.ALIGN_CENTER,
                        new Phrase(s.firmName() + " · Statement of account, " + s.clientName() + " · page " + w.getPageNumber(), SMALL),
                        (d.left() + d.right()) / 2, d.bottom() - 24, 0);
            }
        });
        pdf.addTitle("Statement of account — " + s.clientName() + " — " + period);
        pdf.addAuthor(s.firmName());
        pdf.addCreator("Quittance");
        pdf.open();
        try {
            PdfPTable top = new PdfPTable(new float[]{3, 2});
            top.setWidthPercentage(100);
            top.addCell(letterhead(logo, s.firmName(), firmAddress, null));
            PdfPCell title = cell(Rectangle.NO_BORDER);
            Paragraph heading = new Paragraph("STATEMENT", TITLE);
            heading.setAlignment(Element.ALIGN_RIGHT);
            title.addElement(heading);
            title.addElement(right(labelled("From", formats.longDate(s.from()))));
            title.addElement(right(labelled("To", formats.longDate(s.to()))));
            top.addCell(title);
            pdf.add(top);

            Paragraph to = new Paragraph("ACCOUNT OF", HEAD);
            to.setSpacingBefore(24);
            pdf.add(to);
            pdf.add(new Paragraph(s.clientName(), BOLD));
            if (s.clientAddress() != null) {
                pdf.add(new Paragraph(s.clientAddress(), BODY));
            }
            if (s.quiet()) {
                Paragraph none = new Paragraph("Nothing was owed and nothing moved on this account in the period.", BODY);
                none.setSpacingBefore(20);
                pdf.add(none);
            }
            for (Statement.Account account : s.accounts()) {
                account(pdf, account, s.from(), formats);
            }
        } catch (DocumentException e) {
            throw new IllegalStateException("Cannot draw the statement of " + s.clientName(), e);
        }
        pdf.close();
        return out.toByteArray();
    }

    private static void account(Document pdf, Statement.Account a, java.time.LocalDate from, Formats formats) throws DocumentException {
        Paragraph currency = new Paragraph("IN " + a.currency(), HEAD);
        currency.setSpacingBefore(20);
        pdf.add(currency);

        PdfPTable summary = new PdfPTable(new float[]{4, 1.6f});
        summary.setWidthPercentage(55);
        summary.setHorizontalAlignment(Element.ALIGN_LEFT);
        summary.setSpacingBefore(6);
        totalRow(summary, "Balance brought forward", formats.amount(a.opening().amount()), BODY);
        for (StatementHeading heading : StatementHeading.values()) {
            Money moved = a.movements().get(heading);
            if (!moved.isZero()) {
                totalRow(summary, heading.label(), formats.amount(moved.amount()), BODY);
            }
        }
        totalRow(summary, "Balance " + a.currency(), formats.amount(a.closing().amount()), DUE);
        pdf.add(summary);

        PdfPTable lines = new PdfPTable(new float[]{1.3f, 4.6f, 1.5f, 1.5f, 1.5f});
        lines.setWidthPercentage(100);
        lines.setSpacingBefore(14);
        lines.setHeaderRows(1);
        lines.addCell(headCell("Date", false));
        lines.addCell(headCell("Entry", false));
        lines.addCell(headCell("Charges", true));
        lines.addCell(headCell("Payments, credits", true));
        lines.addCell(headCell("Balance", true));
        lines.addCell(lineCell(formats.date(from), false, SMALL));
        lines.addCell(lineCell("Balance brought forward", false, SMALL));
        lines.addCell(lineCell("", true));
        lines.addCell(lineCell("", true));
        lines.addCell(lineCell(formats.amount(a.opening().amount()), true));
        for (Statement.Line line : a.lines()) {
            String what = line.kind().label() + (line.invoice() == null ? "" : " " + line.invoice())
                    + (line.description() == null || line.description().isBlank() ? "" : " — " + line.description());
            lines.addCell(lineCell(formats.date(line.date()), false));
            lines.addCell(lineCell(what, false));
            lines.addCell(lineCell(line.charge() ? formats.amount(line.magnitude().amount()) : "", true));
            lines.addCell(lineCell(line.charge() ? "" : formats.amount(line.magnitude().amount()), true));
            lines.addCell(lineCell(formats.amount(line.balance().amount()), true));
        }
        pdf.add(lines);

        Paragraph open = new Paragraph("WHAT IS OPEN AT THE END OF THE PERIOD, BY THE INVOICES' AGE", HEAD);
        open.setSpacingBefore(16);
        pdf.add(open);
        PdfPTable aging = new PdfPTable(AgeBand.values().length + 2);
        aging.setWidthPercentage(100);
        aging.setSpacingBefore(6);
        for (AgeBand band : AgeBand.values()) {
            aging.addCell(headCell(band.label(), true));
        }
        aging.addCell(headCell("Unapplied credit", true));
        aging.addCell(headCell("Balance", true));
        for (AgeBand band : AgeBand.values()) {
            aging.addCell(lineCell(formats.amount(a.open().get(band).amount()), true));
        }
        aging.addCell(lineCell(a.credit().isZero() ? formats.amount(a.credit().amount()) : "-" + formats.amount(a.credit().amount()), true));
        aging.addCell(lineCell(formats.amount(a.closing().amount()), true, BOLD));
        pdf.add(aging);
    }
}
