package org.quittance.sandbox.control;

import java.util.List;

import static org.quittance.sandbox.control.Html.escape;

/**
 * The sandbox's hosted card page: the processor's page, not ours, so it looks like neither the portal
 * nor Stripe, and says on every view that it is test mode. The card fields post to the sandbox only.
 */
public final class CheckoutPage {

    public record Item(String name, String amount) {
    }

    private CheckoutPage() {
    }

    /**
     * @param error      the processor's reason for the last refusal of a card, shown above its form, or null
     * @param name       the name on the card to show again after a refusal (never the number or CVC)
     * @param debit      the bank debit offered besides cards, or null
     * @param debitError why the debit form was refused, or null
     * @param holder     the account holder to show again after a refusal (never the account)
     */
    public static String form(String sessionId, String merchant, String total, List<Item> items, String email, String name,
                              String cancelUrl, String error, TestBankAccounts.Method debit, String debitError, String holder) {
        StringBuilder rows = new StringBuilder();
        for (Item item : items) {
            rows.append("<tr><td>").append(escape(item.name())).append("</td><td class=\"amt\">").append(escape(item.amount())).append("</td></tr>");
        }
        String alert = error == null ? "" : "<p class=\"error\" role=\"alert\" id=\"card-error\">" + escape(error) + "</p>";
        return page("Pay " + merchant, """
                <section class="summary" aria-labelledby="merchant">
                  <p><a href="%s" id="back">&larr; Back to %s</a></p>
                  <h1 id="merchant">%s</h1>
                  <p class="total" id="total">%s</p>
                  <table><caption>What you are paying</caption><tbody>%s</tbody></table>
                </section>
                <section class="card" aria-labelledby="pay-heading">
                  <h2 id="pay-heading">Pay with card</h2>
                  %s
                  <form method="post" action="/pay/%s" autocomplete="off">
                    <p class="muted">Receipt to %s</p>
                    <label for="number">Card number</label>
                    <input id="number" name="number" inputmode="numeric" autocomplete="cc-number" placeholder="1234 1234 1234 1234" required>
                    <div class="pair">
                      <div><label for="expiry">Expiry (MM / YY)</label>
                        <input id="expiry" name="expiry" inputmode="numeric" autocomplete="cc-exp" placeholder="MM / YY" required></div>
                      <div><label for="cvc">CVC</label>
                        <input id="cvc" name="cvc" inputmode="numeric" autocomplete="cc-csc" placeholder="123" required></div>
                    </div>
                    <label for="name">Name on card</label>
                    <input id="name" name="name" autocomplete="cc-name" value="%s" required>
                    <button type="submit" id="pay">Pay %s</button>
                  </form>
                  <p class="muted">Test cards: 4242 4242 4242 4242 succeeds, 4000 0000 0000 0002 is declined,
                     4000 0000 0000 9995 has insufficient funds. Any future expiry, any CVC.</p>
                </section>
                %s""".formatted(escape(cancelUrl), escape(merchant), escape(merchant), escape(total), rows, alert,
                escape(sessionId), escape(email), escape(name), escape(total),
                debit == null ? "" : debitSection(sessionId, merchant, total, debit, debitError, holder)));
    }

    /** The bank debit's form: the account as the debit's country writes it, and the mandate. */
    private static String debitSection(String sessionId, String merchant, String total, TestBankAccounts.Method debit, String error,
                                       String holder) {
        String alert = error == null || error.isEmpty() ? "" : "<p class=\"error\" role=\"alert\" id=\"debit-error\">" + escape(error) + "</p>";
        String fields = switch (debit) {
            case BACS_DEBIT -> """
                    <div class="pair">
                      <div><label for="sort_code">Sort code</label><input id="sort_code" name="sort_code" inputmode="numeric" placeholder="10-88-00" required></div>
                      <div><label for="account_number">Account number</label><input id="account_number" name="account_number" inputmode="numeric" placeholder="00012345" required></div>
                    </div>""";
            case SEPA_DEBIT -> """
                    <label for="iban">IBAN</label><input id="iban" name="iban" placeholder="DE89 3704 0044 0532 0130 00" required>""";
            case US_BANK_ACCOUNT -> """
                    <div class="pair">
                      <div><label for="routing_number">Routing number</label><input id="routing_number" name="routing_number" inputmode="numeric" placeholder="110000000" required></div>
                      <div><label for="account_number">Account number</label><input id="account_number" name="account_number" inputmode="numeric" placeholder="000123456789" required></div>
                    </div>""";
        };
        return """
                <section class="card" aria-labelledby="debit-heading">
                  <h2 id="debit-heading">Pay by %s</h2>
                  <p class="muted">Cheaper than a card for a large amount. A debit takes a few working days: the payment is processing until then.</p>
                  %s
                  <form method="post" action="/pay/%s/debit" autocomplete="off">
                    <label for="holder">Account holder</label>
                    <input id="holder" name="holder" autocomplete="name" value="%s" required>
                    %s
                    <p><input type="checkbox" id="mandate" name="mandate" value="yes" style="width:auto">
                       <label for="mandate" style="display:inline">I authorise %s to debit this account %s, once.</label></p>
                    <button type="submit" id="pay-debit">Pay %s by bank debit</button>
                  </form>
                  <p class="muted">%s</p>
                </section>
                """.formatted(escape(debit.label()), alert, escape(sessionId), escape(holder == null ? "" : holder), fields, escape(merchant),
                escape(total), escape(total), escape(TestBankAccounts.hint(debit)));
    }

    /**
     * The sandbox's home: what it is, and a lever a real processor's dashboard does not need — paying
     * out now what has settled, as an automatic payout would, so that payout reconciliation can be tried.
     */
    public static String home(String currency) {
        return home(currency, null, List.of());
    }

    /**
     * With the clock: the sandbox's time for bank debits, the debits in flight, and the lever that moves
     * the clock on so that they settle (or are returned) now rather than in days.
     */
    public static String home(String currency, String clock, List<String> debits) {
        StringBuilder inFlight = new StringBuilder();
        debits.forEach(d -> inFlight.append("<li>").append(escape(d)).append("</li>"));
        String clockSection = clock == null ? "" : "<h2>Clock</h2><p>Sandbox time for bank debits: <strong id=\"clock\">" + escape(clock)
                + "</strong>. A debit settles three days after it was made; moving the clock on settles what is due by then, now.</p>"
                + (inFlight.isEmpty() ? "<p class=\"muted\">No bank debit is processing.</p>" : "<ul id=\"debits\">" + inFlight + "</ul>")
                + "<form method=\"post\" action=\"/clock\"><label for=\"days\">Move the clock on by (days)</label>"
                + "<input id=\"days\" name=\"days\" inputmode=\"numeric\" value=\"3\" required>"
                + "<button type=\"submit\" id=\"advance\">Move the clock on</button></form>";
        return page("Sandbox payment processor", "<section class=\"card\"><h1>Sandbox payment processor</h1>"
                + "<p>Test mode only. Quittance sends clients here to enter a test card or bank account; no real money moves.</p>"
                + "<h2>Pay out</h2><p class=\"muted\">Sends everything settled in " + escape(currency) + " and not paid out yet to the"
                + " firm's bank as one payout, as the processor's automatic payouts do. Then fetch payouts in Quittance's"
                + " Reports › Payout reconciliation.</p>"
                + "<form method=\"post\" action=\"/payouts\"><input type=\"hidden\" name=\"currency\" value=\"" + escape(currency) + "\">"
                + "<button type=\"submit\">Pay out " + escape(currency) + " now</button></form>" + clockSection + "</section>");
    }

    public static String message(String title, String text) {
        return page(title, "<section class=\"card\"><h1>" + escape(title) + "</h1><p>" + escape(text) + "</p></section>");
    }

    private static String page(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · Sandbox processor (TEST MODE)</title>
                <style>
                  body{margin:0;font-family:system-ui,sans-serif;background:#f4f1ea;color:#222}
                  .test{background:#b23c00;color:#fff;text-align:center;font-weight:700;padding:.5rem;letter-spacing:.05em}
                  main{max-width:56rem;margin:1.5rem auto;padding:0 1rem;display:flex;flex-wrap:wrap;gap:1.5rem}
                  section{flex:1 1 20rem;background:#fff;border-radius:6px;padding:1.25rem;box-shadow:0 1px 3px rgba(0,0,0,.1)}
                  h1{font-size:1.2rem;margin:.25rem 0} h2{font-size:1.1rem;margin-top:0}
                  .total{font-size:2rem;font-weight:600;margin:.5rem 0}
                  table{width:100%%;border-collapse:collapse} caption{text-align:left;color:#555;padding:.25rem 0}
                  td{padding:.3rem 0;border-top:1px solid #eee} .amt{text-align:right}
                  label{display:block;margin:.8rem 0 .25rem;font-weight:500}
                  input{width:100%%;box-sizing:border-box;padding:.55rem;font-size:1rem;border:1px solid #999;border-radius:4px}
                  .pair{display:flex;gap:1rem} .pair>div{flex:1}
                  button{margin-top:1.2rem;width:100%%;padding:.75rem;font-size:1rem;background:#2b2d42;color:#fff;border:0;border-radius:4px;cursor:pointer}
                  button:focus,input:focus,a:focus{outline:3px solid #e8590c;outline-offset:2px}
                  .error{background:#fde8e8;color:#8a1111;padding:.6rem;border-radius:4px}
                  .muted{color:#555;font-size:.9rem}
                </style></head>
                <body><div class="test" role="note">TEST MODE &middot; Sandbox processor &middot; no real money moves</div>
                <main>%s</main></body></html>
                """.formatted(escape(title), body);
    }
}
