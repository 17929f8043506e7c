package org.quittance.sandbox.control;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SandboxSettingsTest {

    @AfterEach
    void forget() {
        List.of("quittance.sandbox.port", "quittance.sandbox.url", "quittance.sandbox.webhook-url", "quittance.public-url")
                .forEach(System::clearProperty);
    }

    @Test
    void withoutSettingsItListensOnItsOwnPortAndNotifiesThePortalOnThisMachine() {
        assertEquals("http://localhost:8095", SandboxSettings.url());
        assertEquals("http://localhost:8080/portal/webhooks/stripe", SandboxSettings.webhookUrl());
        assertEquals("127.0.0.1", SandboxSettings.bind(), "the loopback interface only, unless told otherwise");
    }

    @Test
    void itNotifiesTheServersPublicAddressAndAnswersAtItsOwn() {
        System.setProperty("quittance.sandbox.port", " 8195 ");
        System.setProperty("quittance.public-url", "https://billing.example.com/");
        assertEquals("http://localhost:8195", SandboxSettings.url());
        assertEquals("https://billing.example.com/portal/webhooks/stripe", SandboxSettings.webhookUrl());
        System.setProperty("quittance.sandbox.url", "https://pay.example.com/");
        assertEquals("https://pay.example.com", SandboxSettings.url(), "no trailing slash: paths are appended");
    }
}
