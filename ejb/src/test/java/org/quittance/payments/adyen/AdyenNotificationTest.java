package org.quittance.payments.adyen;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.quittance.money.Money;
import org.quittance.payments.processor.NotificationRefused;
import org.quittance.payments.processor.PaymentEvent;
import org.quittance.payments.processor.ProcessorEvent;
import org.quittance.payments.processor.VerifiedNotification;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Adyen's sample notifications, read into Quittance's words; what a forged or malformed one gets. */
class AdyenNotificationTest {

    private static final String KEY = "44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056";

    @Test
    void everySampleMeansSomethingOrSaysWhyItIsIgnored() throws IOException {
        for (String name : List.of("authorisation-true", "capture-true", "capture-false", "refund-true", "refund-false",
                "cancellation-true", "chargeback")) {
            for (JsonObject item : AdyenNotification.items(AdyenSignatureTest.sample(name + ".json"))) {
                ProcessorEvent event = AdyenNotification.read(bytes(item));
                assertTrue(event.meaning().isPresent() != (event.ignoredBecause() != null), () -> name + ": " + event);
                assertEquals(AdyenNotification.id(item), event.id());
            }
        }
    }

    @Test
    void whatTheMainEventsMean() throws IOException {
        ProcessorEvent authorised = only("authorisation-true");
        assertEquals("AUTHORISATION:123456789:true", authorised.id());
        assertEquals("123456789", authorised.payment());
        assertEquals(Money.of("101.00", "EUR"), authorised.amount(), "10100 minor units of EUR");
        assertInstanceOf(PaymentEvent.Succeeded.class, authorised.meaning().orElseThrow());
        assertEquals("8313842560770001", authorised.checkoutReference(), "our reference comes back as the merchant reference");
        assertEquals("visa", authorised.cardBrand());
        assertEquals("7777", authorised.cardLast4());

        ProcessorEvent refund = only("refund-true");
        assertEquals("ORIGINAL_PSP", refund.payment(), "a modification names its payment in originalReference");
        assertNull(refund.amount(), "a refund's amount is not the payment's");
        assertEquals(new PaymentEvent.RefundAdded(Money.of("15.00", "EUR")), refund.meaning().orElseThrow());

        ProcessorEvent chargeback = only("chargeback");
        assertEquals("9913333333333333", chargeback.payment());
        assertInstanceOf(PaymentEvent.DisputeOpened.class, chargeback.meaning().orElseThrow());

        assertInstanceOf(PaymentEvent.Failed.class, only("cancellation-true").meaning().orElseThrow());
        assertTrue(only("refund-false").ignoredBecause().contains("could not make"));
        assertTrue(only("capture-false").ignoredBecause().contains("Insufficient balance"));
    }

    @Test
    void aSignedBatchGivesOneNotificationPerItemKeptAsItsOwnJson() throws Exception {
        JsonObject first = signed(item("AUTHORISATION", "PSP0001", null, 60000, "true"));
        JsonObject second = signed(item("REFUND", "PSP0002", "PSP0001", 10000, "true"));
        byte[] body = batch(first, second);
        List<VerifiedNotification> verified = new AdyenProcessor(KEY).verify(body, null, Instant.now());
        assertEquals(List.of("AUTHORISATION:PSP0001:true", "REFUND:PSP0002:true"), verified.stream().map(VerifiedNotification::eventId).toList());
        ProcessorEvent refund = new AdyenProcessor(null).read(verified.get(1).payload());
        assertEquals(new PaymentEvent.RefundAdded(Money.of("100.00", "GBP")), refund.meaning().orElseThrow());
    }

    @Test
    void oneForgedItemRefusesTheWholeRequest() throws Exception {
        JsonObject good = signed(item("AUTHORISATION", "PSP0003", null, 60000, "true"));
        JsonObject forged = Json.createObjectBuilder(signed(item("AUTHORISATION", "PSP0004", null, 100, "true")))
                .add("amount", Json.createObjectBuilder().add("currency", "GBP").add("value", 99999999)).build();
        NotificationRefused refused = assertThrows(NotificationRefused.class,
                () -> new AdyenProcessor(KEY).verify(batch(good, forged), null, Instant.now()));
        assertTrue(refused.getMessage().contains("item 2 of 2"), refused.getMessage());
        // Adyen's sample chargeback carries no signature at all.
        assertThrows(NotificationRefused.class, () -> new AdyenProcessor(KEY).verify(AdyenSignatureTest.sample("chargeback.json"), null, Instant.now()));
    }

    @Test
    void malformedBodiesAreRefusedWithAReason() {
        AdyenProcessor adyen = new AdyenProcessor(KEY);
        for (String body : List.of("", "[]", "{}", "{\"notificationItems\":[]}", "{\"notificationItems\":[1]}", "not json",
                "{\"notificationItems\":[" + "{\"NotificationRequestItem\":{}},".repeat(AdyenNotification.MAX_ITEMS) + "{}]}")) {
            assertThrows(NotificationRefused.class, () -> adyen.verify(body.getBytes(StandardCharsets.UTF_8), null, Instant.now()), body);
        }
        assertThrows(NotificationRefused.class, () -> new AdyenProcessor(null).verify("{}".getBytes(StandardCharsets.UTF_8), null, Instant.now()),
                "no key, no notification");
    }

    @Test
    void anAmountBeyondAnyInvoiceCannotBeRead() {
        JsonObject huge = item("AUTHORISATION", "PSP0005", null, 0, "true");
        JsonObject withHuge = Json.createObjectBuilder(huge)
                .add("amount", Json.createObjectBuilder().add("currency", "GBP").add("value", "99999999999999999999")).build();
        assertThrows(IllegalArgumentException.class, () -> AdyenNotification.read(bytes(withHuge)));
    }

    private static ProcessorEvent only(String sample) throws IOException {
        List<JsonObject> items = AdyenNotification.items(AdyenSignatureTest.sample(sample + ".json"));
        assertEquals(1, items.size());
        return AdyenNotification.read(bytes(items.get(0)));
    }

    static JsonObject item(String code, String psp, String original, long minor, String success) {
        var item = Json.createObjectBuilder()
                .add("amount", Json.createObjectBuilder().add("currency", "GBP").add("value", minor))
                .add("eventCode", code).add("eventDate", "2026-12-05T10:00:00+01:00")
                .add("merchantAccountCode", "WhitlockCraneGB").add("merchantReference", "chk_test")
                .add("pspReference", psp).add("paymentMethod", "visa").add("success", success)
                .add("additionalData", Json.createObjectBuilder().add("cardSummary", "4242"));
        if (original != null) {
            item.add("originalReference", original);
        }
        return item.build();
    }

    static JsonObject signed(JsonObject item) {
        String hmac = new AdyenSignature(KEY).sign(item);
        return Json.createObjectBuilder(item)
                .add("additionalData", Json.createObjectBuilder(item.getJsonObject("additionalData")).add("hmacSignature", hmac)).build();
    }

    static byte[] batch(JsonObject... items) {
        var array = Json.createArrayBuilder();
        for (JsonObject item : items) {
            array.add(Json.createObjectBuilder().add("NotificationRequestItem", item));
        }
        return Json.createObjectBuilder().add("live", "false").add("notificationItems", array).build().toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(JsonObject item) {
        return item.toString().getBytes(StandardCharsets.UTF_8);
    }
}
