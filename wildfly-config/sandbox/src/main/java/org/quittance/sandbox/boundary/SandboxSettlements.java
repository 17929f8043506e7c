package org.quittance.sandbox.boundary;

import jakarta.ejb.Stateless;
import org.quittance.sandbox.control.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import org.quittance.sandbox.control.SandboxSettings;
import org.quittance.sandbox.control.Sql;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

/**
 * Card payments the sandbox processor has settled without anyone paying on its page and without
 * notifying us, as if every webhook had been lost: what the receipt import must still find. For
 * tests and benchmarks; the sandbox serves test mode only.
 */
@Stateless
public class SandboxSettlements {

    /** One settled charge. @param paymentIntent the payment it belongs to, or null to make one up */
    public record Simulated(long amountMinor, String currency, Instant created, String paymentIntent, Map<String, String> metadata,
                            String description) {
    }

    @Resource(lookup = "java:jboss/datasources/QuittanceDS")
    DataSource dataSource;

    private Sql sql;

    @PostConstruct
    void connect() {
        sql = new Sql(dataSource);
    }

    /** @return the ids of the balance transactions made, in order */
    public List<String> settle(List<Simulated> charges) {
        List<String> ids = new ArrayList<>(charges.size());
        for (Simulated c : charges) {
            String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 24);
            String chargeId = "ch_" + suffix;
            String txnId = "txn_" + suffix;
            String intent = c.paymentIntent() != null ? c.paymentIntent() : "pi_" + suffix;
            String currency = c.currency().toLowerCase();
            long created = c.created().getEpochSecond();
            long fee = org.quittance.sandbox.control.SandboxFees.of(c.amountMinor());
            JsonObjectBuilder metadata = Jsons.createObjectBuilder();
            c.metadata().forEach(metadata::add);
            JsonObject charge = Jsons.createObjectBuilder()
                    .add("id", chargeId).add("object", "charge").add("amount", c.amountMinor()).add("currency", currency)
                    .add("payment_intent", intent).add("metadata", metadata)
                    .add("description", c.description() == null ? JsonValue.NULL : Jsons.createValue(c.description()))
                    .add("status", "succeeded").add("paid", true).add("captured", true).add("amount_captured", c.amountMinor())
                    .add("balance_transaction", txnId).add("livemode", false).add("created", created).build();
            JsonObject txn = Jsons.createObjectBuilder()
                    .add("id", txnId).add("object", "balance_transaction").add("amount", c.amountMinor()).add("fee", fee)
                    .add("net", c.amountMinor() - fee).add("currency", currency).add("type", "charge").add("reporting_category", "charge")
                    .add("source", chargeId).add("status", "available").add("available_on", created + 2 * 86_400)
                    .add("created", created).build();
            insert(charge, created);
            insert(txn, created);
            ids.add(txnId);
        }
        return ids;
    }

    /** A payout the sandbox made (no id when nothing was waiting): @param amountMinor the sum of its transactions' net amounts */
    public record Paid(String payoutId, long amountMinor, int transactions) {
    }

    /**
     * Pays out everything settled in this currency before {@code at} that no payout carries yet, as
     * Stripe's automatic payouts do: a payout object, its own balance transaction (the money leaving
     * the balance) and the list of the transactions it carries.
     */
    public Paid payOut(String currency, Instant at) {
        long created = at.getEpochSecond();
        List<Object[]> rows = sql.rows("""
                        SELECT id, body FROM sandbox.objects WHERE type = 'balance_transaction' AND created < ?
                        AND body LIKE ? AND body NOT LIKE '%"type":"payout"%'
                        AND id NOT IN (SELECT txn_id FROM sandbox.payout_items) ORDER BY created, id""",
                created, "%\"currency\":\"" + currency.toLowerCase() + "\"%");
        if (rows.isEmpty()) {
            return new Paid(null, 0, 0);
        }
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        String payoutId = "po_" + suffix;
        long amount = 0;
        for (Object[] row : rows) {
            amount += Jsons.createReader(new java.io.StringReader((String) row[1])).readObject().getJsonNumber("net").longValue();
            sql.update("INSERT INTO sandbox.payout_items (txn_id, payout_id) VALUES (?, ?)", row[0], payoutId);
        }
        String txnId = "txn_" + suffix;
        insert(Jsons.createObjectBuilder().add("id", payoutId).add("object", "payout").add("amount", amount)
                .add("currency", currency.toLowerCase()).add("arrival_date", created + 2 * 86_400).add("created", created)
                .add("status", "paid").add("automatic", true).add("balance_transaction", txnId).add("livemode", false).build(), created);
        insert(Jsons.createObjectBuilder().add("id", txnId).add("object", "balance_transaction").add("amount", -amount).add("fee", 0)
                .add("net", -amount).add("currency", currency.toLowerCase()).add("type", "payout").add("reporting_category", "payout")
                .add("source", payoutId).add("status", "available").add("available_on", created).add("created", created).build(), created);
        return new Paid(payoutId, amount, rows.size());
    }

    private void insert(JsonObject object, long created) {
        sql.update("INSERT INTO sandbox.objects (id, type, created, body) VALUES (?, ?, ?, ?)",
                object.getString("id"), object.getString("object"), created, object.toString());
    }
}
