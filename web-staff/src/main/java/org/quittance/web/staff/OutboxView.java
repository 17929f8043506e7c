package org.quittance.web.staff;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.quittance.mail.boundary.Outbox;

import java.io.Serializable;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Outbox (administrators): every e-mail Quittance wrote, one line each; a message opens in a dialog. */
@Named
@ViewScoped
public class OutboxView implements Serializable {

    private static final int SHOWN = 500;
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"']+");

    @EJB
    transient Outbox outbox;

    private List<Outbox.Entry> entries;
    private boolean smtpConfigured;
    private String recipient;
    private Outbox.Entry open;

    @PostConstruct
    void load() {
        List<Outbox.Entry> found = Feedback.attempt(() -> outbox.latest(recipient, SHOWN), null);
        entries = found == null ? List.of() : found;
        smtpConfigured = outbox.smtpConfigured();
    }

    public void search() {
        load();
    }

    public void open(Outbox.Entry entry) {
        this.open = entry;
    }

    /**
     * The open message's text as HTML: everything escaped, then its web addresses made links (they
     * open in a new tab and send no referrer: a registration link is a secret).
     */
    public String getOpenBodyHtml() {
        if (open == null || open.body() == null) {
            return "";
        }
        String escaped = escape(open.body());
        Matcher m = LINK.matcher(escaped);
        StringBuilder html = new StringBuilder();
        while (m.find()) {
            String url = m.group();
            m.appendReplacement(html, Matcher.quoteReplacement(
                    "<a href=\"" + url + "\" target=\"_blank\" rel=\"noopener noreferrer\">" + url + "</a>"));
        }
        m.appendTail(html);
        return html.toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    public List<Outbox.Entry> getEntries() { return entries; }
    public boolean isSmtpConfigured() { return smtpConfigured; }
    public int getShown() { return SHOWN; }
    public String getRecipient() { return recipient; }
    public void setRecipient(String recipient) { this.recipient = recipient; }
    public Outbox.Entry getOpen() { return open; }
}
