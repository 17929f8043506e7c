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
     * @param error the processor's reason for the last refusal, shown above the form, or null
     * @param name  the name on the card to show again after a refusal (never the number or CVC)
     */
    public static String form(String sessionId, String merchant, String total, List<Item> items, String email, String name,
                              String cancelUrl, String error) {
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
                """.formatted(escape(cancelUrl), escape(merchant), escape(merchant), escape(total), rows, alert,
                escape(sessionId), escape(email), escape(name), escape(total)));
    }

    /**
     * The sandbox's home: what it is, and a lever a real processor's dashboard does not need — paying
     * out now what has settled, as an automatic payout would, so that payout reconciliation can be tried.
     */
    public static String home(String currency) {
        return page("Sandbox payment processor", "<section class=\"card\"><h1>Sandbox payment processor</h1>"
                + "<p>Test mode only. Quittance sends clients here to enter a test card; no real money moves.</p>"
                + "<h2>Pay out</h2><p class=\"muted\">Sends everything settled in " + escape(currency) + " and not paid out yet to the"
                + " firm's bank as one payout, as the processor's automatic payouts do. Then fetch payouts in Quittance's"
                + " Reports › Payout reconciliation.</p>"
                + "<form method=\"post\" action=\"/payouts\"><input type=\"hidden\" name=\"currency\" value=\"" + escape(currency) + "\">"
                + "<button type=\"submit\">Pay out " + escape(currency) + " now</button></form></section>");
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
