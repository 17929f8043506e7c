package org.quittance.platform.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.quittance.firm.boundary.FirmSettings;
import org.quittance.firm.control.Letterhead;
import org.quittance.money.Money;
import org.quittance.platform.control.Formats;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The firm's {@link Formats} for both web apps' pages, as {@code #{fmt.money(x)}}, {@code #{fmt.date(d)}}:
 * read once per request, so that a change on Setup › Firm shows on the next page.
 */
@Named("fmt")
@RequestScoped
public class DisplayFormats {

    @EJB
    FirmSettings settings;

    private Letterhead letterhead;

    /** The firm's name, logo flag and formats, read once a request for the formats and the page's brand alike. */
    public Letterhead letterhead() {
        if (letterhead == null) {
            letterhead = settings.letterhead();
        }
        return letterhead;
    }

    public Formats formats() {
        return letterhead().formats();
    }

    public String money(Money money) { return formats().money(money); }
    public String figure(Money money) { return formats().figure(money); }
    public String amount(BigDecimal value) { return formats().amount(value); }
    public String quantity(BigDecimal value) { return formats().quantity(value); }
    public String date(LocalDate date) { return formats().date(date); }
    public String longDate(LocalDate date) { return formats().longDate(date); }
    public String month(java.time.YearMonth month) { return formats().month(month); }
    public String dateTime(OffsetDateTime at) { return formats().dateTime(at); }
    public String typingExample() { return formats().typingExample(); }
}
